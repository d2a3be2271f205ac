namespace Swf.LocalServer.Clock;

/// <summary>
/// The clock of swf-local's manual and skipping modes: a <see cref="TimeProvider"/> that either
/// stands still (manual) or runs at the pace of a base clock (skip), and that <see cref="Advance"/>
/// moves forward, firing the timers that fall due on the calling thread, in due order, before it returns.
/// </summary>
/// <remarks>
/// Firing on the mover's thread is what the engine's <c>SkipToNextScheduledTime</c> needs: the timers
/// and timeouts that fall due run inside the jump, so no call sees the new time with them still
/// pending. A timer armed with a due time already past fires on the thread pool instead, because it
/// is armed from inside an engine call, which its callback must not re-enter.
/// </remarks>
internal sealed class SteerableClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _base;
    private readonly bool _running;
    private readonly HashSet<SteerableTimer> _timers = [];

    // Manual: the clock's instant. Running: how far the clock is ahead of the base clock.
    private DateTimeOffset _fixed;
    private TimeSpan _offset;

    /// <summary>Initializes a new instance of the <see cref="SteerableClock"/> class.</summary>
    /// <param name="baseClock">The clock a running clock follows (and whose timers wake it).</param>
    /// <param name="running">Whether time moves on its own (skip mode) or only when told (manual mode).</param>
    /// <param name="start">The clock's time now.</param>
    public SteerableClock(TimeProvider baseClock, bool running, DateTimeOffset start)
    {
        _base = baseClock;
        _running = running;
        _fixed = start;
        _offset = start - baseClock.GetUtcNow();
    }

    /// <summary>Gets the base clock.</summary>
    public TimeProvider Base => _base;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return NowLocked();
        }
    }

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new SteerableTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Moves the clock forward and fires, on this thread and in due order, every timer that falls due
    /// on the way, as a fake clock does: the clock stands at each timer's due time while it fires (so a
    /// timer its callback re-arms counts from there), then at the end of the move.
    /// </summary>
    /// <param name="by">How far; zero fires only what is already due.</param>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = NowLocked() + by;
        }

        while (true)
        {
            SteerableTimer? next;
            lock (_gate)
            {
                next = TakeDueLocked(target);
                if (next is null)
                {
                    MoveToLocked(target);
                    return;
                }
            }

            next.Fire();
        }
    }

    /// <summary>Arms or disarms a timer (<see cref="ITimer.Change"/>).</summary>
    internal void Arm(SteerableTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        ITimer? wake = null;
        var now = false;
        lock (_gate)
        {
            timer.Wake?.Dispose();
            timer.Wake = null;
            timer.Period = period;
            if (dueTime == Timeout.InfiniteTimeSpan || timer.IsDisposed)
            {
                timer.Due = null;
                _timers.Remove(timer);
                return;
            }

            timer.Due = NowLocked() + (dueTime > TimeSpan.Zero ? dueTime : TimeSpan.Zero);
            _timers.Add(timer);
            if (dueTime <= TimeSpan.Zero)
            {
                now = true;
            }
            else if (_running)
            {
                // The base clock wakes the clock when the timer falls due in real time; an Advance may fire it sooner.
                wake = _base.CreateTimer(static t => ((SteerableTimer)t!).Clock.FireDue(), timer, dueTime, Timeout.InfiniteTimeSpan);
                timer.Wake = wake;
            }
        }

        if (now)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static c => c.FireDue(), this, preferLocal: false);
        }
    }

    /// <summary>Forgets a disposed timer.</summary>
    internal void Forget(SteerableTimer timer)
    {
        lock (_gate)
        {
            timer.Wake?.Dispose();
            timer.Wake = null;
            timer.Due = null;
            _timers.Remove(timer);
        }
    }

    /// <summary>Fires the timers due now one at a time, earliest first, outside the clock's lock (a callback may arm timers).</summary>
    private void FireDue()
    {
        while (true)
        {
            SteerableTimer? next;
            lock (_gate)
            {
                next = TakeDueLocked(NowLocked());
            }

            if (next is null)
            {
                return;
            }

            next.Fire();
        }
    }

    /// <summary>
    /// Takes the earliest timer due by <paramref name="until"/>, if any: moves the clock to its due time
    /// (when that is ahead) and disarms it, or re-arms it for its next period.
    /// </summary>
    private SteerableTimer? TakeDueLocked(DateTimeOffset until)
    {
        SteerableTimer? next = null;
        foreach (var timer in _timers)
        {
            if (timer.Due <= until && (next is null || timer.Due < next.Due))
            {
                next = timer;
            }
        }

        if (next is null)
        {
            return null;
        }

        MoveToLocked(next.Due!.Value);
        next.Wake?.Dispose();
        next.Wake = null;
        if (next.Period > TimeSpan.Zero && next.Period != Timeout.InfiniteTimeSpan)
        {
            next.Due += next.Period;
        }
        else
        {
            next.Due = null;
            _timers.Remove(next);
        }

        return next;
    }

    /// <summary>Moves the clock to <paramref name="instant"/>, if that is ahead; it never goes back.</summary>
    private void MoveToLocked(DateTimeOffset instant)
    {
        if (instant <= NowLocked())
        {
            return;
        }

        if (_running)
        {
            _offset = instant - _base.GetUtcNow();
        }
        else
        {
            _fixed = instant;
        }
    }

    private DateTimeOffset NowLocked() => _running ? _base.GetUtcNow() + _offset : _fixed;
}
