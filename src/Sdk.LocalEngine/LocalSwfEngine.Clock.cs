namespace Swf.LocalEngine;

/// <content>What tests and time-skipping clocks need: when the engine next acts on its own, and whether any worker is busy.</content>
public sealed partial class LocalSwfEngine
{
    /// <summary>
    /// Gets when the engine next acts on its own (a timer fires, a timeout expires), or null when
    /// nothing is scheduled. A test on a fake clock advances to it when every worker is idle.
    /// </summary>
    public DateTimeOffset? NextScheduledTime
    {
        get
        {
            lock (_lock)
            {
                return _scheduled.Min?.DueAt;
            }
        }
    }

    /// <summary>
    /// Gets a value indicating whether every worker is idle: no decision or activity task is started
    /// (handed to a worker and not yet answered) and none is waiting on a task list (scheduled and not
    /// yet handed out, including one a poller is about to take).
    /// </summary>
    /// <remarks>
    /// Only then is it safe to jump the clock to <see cref="NextScheduledTime"/>: a started task's
    /// worker is still working, and a waiting task is work some worker is about to pick up (or, with no
    /// worker at all, work whose schedule-to-start timeout should run out in real time, as in SWF).
    /// </remarks>
    public bool IsIdle
    {
        get
        {
            lock (_lock)
            {
                return IsIdleLocked();
            }
        }
    }

    /// <summary>
    /// Moves the clock the engine runs on to the engine's next timer or timeout: checked and done under
    /// the engine's lock, so that no call can schedule or start a task between the check and the move.
    /// The timers and timeouts that fall due run before this returns, each as of its own due time.
    /// </summary>
    /// <remarks>
    /// The engine does not own its clock (<see cref="LocalSwfEngineOptions.TimeProvider"/>), so
    /// <paramref name="advance"/> moves it: it must move the clock forward by the amount given and let
    /// the clock's timers fire, as a fake clock's <c>Advance</c> does. It runs under the engine's lock;
    /// the engine's own timer callback, which the move fires, takes that lock again on the same thread.
    /// </remarks>
    /// <param name="advance">Moves the clock forward by the given amount (zero when the next action is already due).</param>
    /// <param name="onlyWhenIdle">Whether to skip only when <see cref="IsIdle"/>; false skips even while workers are busy.</param>
    /// <returns>The due time skipped to, or null when nothing is scheduled (or, with <paramref name="onlyWhenIdle"/>, a worker is busy).</returns>
    /// <exception cref="InvalidOperationException">Called from inside an engine call (such as a journal's <see cref="Journal.IEngineJournal.Append"/>).</exception>
    public DateTimeOffset? SkipToNextScheduledTime(Action<TimeSpan> advance, bool onlyWhenIdle)
    {
        ArgumentNullException.ThrowIfNull(advance);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (InCall)
            {
                throw new InvalidOperationException("The clock cannot be skipped from inside an engine call.");
            }

            if (_scheduled.Min is not { } next || (onlyWhenIdle && !IsIdleLocked()))
            {
                return null;
            }

            var due = next.DueAt;
            var wait = due - _time.GetUtcNow();
            advance(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
            return due;
        }
    }

    private bool IsIdleLocked() =>
        _decisionTokens.Count == 0
        && _activityTokens.Count == 0
        && _domains.Values.All(d => d.DecisionTaskLists.Values.All(q => q.PendingCount == 0) && d.ActivityTaskLists.Values.All(q => q.PendingCount == 0));
}
