using Swf.Exceptions;
using Swf.LocalEngine.Journal;
using Swf.LocalEngine.State;
using Swf.Model;

namespace Swf.LocalEngine;

/// <summary>
/// The engine's journal, which lets a durable store rebuild it after a restart (even a crash).
/// </summary>
/// <remarks>
/// The engine is deterministic given its inputs and its clock, so it is rebuilt by replaying what
/// it accepted instead of by saving its state. Each outermost call under the lock runs at one
/// instant (<see cref="_callNow"/>), and the journal records, in lock order, one entry per call that
/// changed state: an accepted mutating request, a poll that started a task (with that task's
/// sequence number, since several tasks may wait), or a clock tick that ran due timers and timeouts.
/// The random values a call draws (run ids, token salts) are recorded with it. Replaying the
/// entries in order, each at its recorded instant, with timers inert, reproduces every domain,
/// type, execution, history, task, token and timer; the engine then runs what fell due while it was
/// down, each as of its own due time.
/// </remarks>
public sealed partial class LocalSwfEngine
{
    private readonly List<string> _generated = [];
    private readonly IEngineJournal? _journal;
    private object? _accepted;
    private long _polledSequence;
    private bool _journaling;

    // While a journal is replayed: the instant of the entry being replayed (the replay's clock,
    // which also holds every timer), and the random values that entry's call drew.
    private bool _replaying;
    private DateTimeOffset _replayAt;
    private Queue<string>? _replayValues;

    /// <summary>
    /// Creates an engine restored from its journal: replays <paramref name="entries"/> in order,
    /// each as of the instant it was recorded and with every timer held, which rebuilds every domain,
    /// type, execution, history, task, task token and timer; then runs, each as of its own due time,
    /// the timers and timeouts that fell due since the last entry, and starts the clock.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The restored engine journals its later steps (including the catch-up of due timers) to
    /// <see cref="LocalSwfEngineOptions.Journal"/>, not the replayed ones, so a store that appends
    /// them after <paramref name="entries"/> can restore the engine again next time. Give it the
    /// settings the journal was written with: other quotas can make an entry replay differently.
    /// <see cref="LocalSwfEngineOptions.RunIdGenerator"/> is not used for replayed steps: their run
    /// ids come from the entries.
    /// </para>
    /// <para>
    /// An entry that does not replay changes nothing (every step is all or nothing), so skipping it
    /// with <paramref name="skipEntry"/> leaves the engine as if the entry had never been written;
    /// later entries that depended on it may then fail to replay too, and are offered to
    /// <paramref name="skipEntry"/> in turn. A skipped entry stays in the caller's store: the same
    /// journal skips it again, the same way, next time.
    /// </para>
    /// </remarks>
    /// <param name="options">The engine's settings.</param>
    /// <param name="entries">The journal's entries, oldest first, as <see cref="IEngineJournal.Append"/> received them.</param>
    /// <param name="skipEntry">
    /// Decides about an entry that does not replay: true skips it and goes on, false stops the restore.
    /// Null (the default) stops at the first such entry.
    /// </param>
    /// <returns>The restored engine.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> registers Lambda functions.</exception>
    /// <exception cref="InvalidDataException">
    /// An entry does not replay on this engine (the journal is damaged, or was written by another
    /// version of the engine or with other settings, or a bug made its step fail), and
    /// <paramref name="skipEntry"/> did not skip it. The message names the entry by its position,
    /// counting from 1, its operation and its instant (<see cref="JournalReplayFailure.Message"/>).
    /// </exception>
    public static LocalSwfEngine Restore(LocalSwfEngineOptions options, IEnumerable<JournalEntry> entries, Func<JournalReplayFailure, bool>? skipEntry = null) =>
        Restore(options, snapshot: null, entries, skipEntry);

    /// <summary>Replays a journal into this new engine, then catches up with the clock.</summary>
    private void ReplayJournal(IEnumerable<JournalEntry> entries, Func<JournalReplayFailure, bool>? skipEntry)
    {
        _replaying = true;
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry);

            // Positions count from the journal's start (a skipped entry included), so that one after a
            // snapshot is named as the store numbers it.
            var position = ++_journalPosition;
            try
            {
                Replay(entry);
            }
#pragma warning disable CA1031 // Whatever an entry throws (its failure was rolled back), the caller decides: skip it, or stop with it.
            catch (Exception ex) when (ex is not ObjectDisposedException)
#pragma warning restore CA1031
            {
                var failure = new JournalReplayFailure(position, entry, ex);
                if (skipEntry?.Invoke(failure) != true)
                {
                    throw new InvalidDataException(failure.Message, ex);
                }
            }
        }

        // Live from here: the timers and timeouts that fell due while the engine was down run as of
        // their due times, and this catch-up is journaled like any other clock tick.
        _replaying = false;
        Locked(() => { });
    }

    /// <summary>
    /// Applies one journal entry as of its instant, drawing the random values it recorded, all or
    /// nothing: an entry that fails with anything but one of SWF's faults changes nothing.
    /// </summary>
    private void Replay(JournalEntry entry)
    {
        lock (_lock)
        {
            _replayAt = entry.At;
            _replayValues = new Queue<string>(entry.Generated);
            try
            {
                Locked(() => _undo.Run(() => ReplayStep(entry)));
            }
            catch (SwfException)
            {
                // The original call failed the same way; its journal entry exists because it may have fired timers first.
            }
            finally
            {
                _replayValues = null;
            }
        }
    }

    /// <summary>Notes, under the lock, that a poll is starting a task, so the journal can name the task.</summary>
    private QueuedTask Polled(object request, QueuedTask task)
    {
        var (accepted, sequence) = (_accepted, _polledSequence);
        _undo.Record(() => (_accepted, _polledSequence) = (accepted, sequence));
        _accepted = request;
        _polledSequence = task.Sequence;
        return task;
    }

    /// <summary>Draws a random value, or during a replay the value the original call drew.</summary>
    private string Generate(Func<string> source)
    {
        if (_replayValues is not null)
        {
            return _replayValues.TryDequeue(out var recorded)
                ? recorded
                : throw new InvalidOperationException("The journal does not match this engine: a replayed call drew more random values than it recorded.");
        }

        var value = source();
        _generated.Add(value);
        _undo.Record(() => _generated.RemoveAt(_generated.Count - 1));
        return value;
    }

    /// <summary>Gets whether an engine call is under way on this thread's hold of the lock (its body, its settling or its journaling).</summary>
    private bool InCall => _depth > 0 || _journaling;

    private void BeginCall()
    {
        _callNow = _replaying ? _replayAt : _time.GetUtcNow();
        _accepted = null;
        _polledSequence = 0;
        _ranScheduledActions = false;
        _generated.Clear();
    }

    private void EndCall()
    {
        var at = _callNow!.Value;
        _callNow = null;
        if (_journal is not null && !_replaying && (_accepted is not null || _ranScheduledActions))
        {
            _journaling = true;
            try
            {
                _journal.Append(new JournalEntry(at, _accepted, _polledSequence, [.. _generated]));
            }
            finally
            {
                _journaling = false;
            }

            _journalPosition++;
        }

        _accepted = null;
    }

    private bool ReplayStep(JournalEntry entry)
    {
        switch (entry.Request)
        {
            case null:
                break;
            case PollForDecisionTaskRequest poll:
                StartDecisionTask((DecisionTaskState)TakeReplayedTask(poll.Domain, poll.TaskList.Name, true, entry.TaskSequence), poll);
                break;
            case PollForActivityTaskRequest poll:
                StartActivityTask((ActivityTaskState)TakeReplayedTask(poll.Domain, poll.TaskList.Name, false, entry.TaskSequence), poll.Identity);
                break;
            default:
                _ = ReplayRequest(entry.Request);
                break;
        }

        return true;
    }

    private QueuedTask TakeReplayedTask(string domainName, string taskList, bool decisions, long sequence)
    {
        var domain = GetDomain(domainName);
        var queue = decisions ? domain.DecisionQueue(taskList) : domain.ActivityQueue(taskList);
        return queue.TakeSequence(sequence)
            ?? throw new InvalidOperationException($"The journal does not match this engine: task {sequence} is not waiting on {taskList}.");
    }

    private Task ReplayRequest(object request) => request switch
    {
        RegisterDomainRequest r => RegisterDomainAsync(r),
        DeprecateDomainRequest r => DeprecateDomainAsync(r),
        UndeprecateDomainRequest r => UndeprecateDomainAsync(r),
        RegisterWorkflowTypeRequest r => RegisterWorkflowTypeAsync(r),
        RegisterActivityTypeRequest r => RegisterActivityTypeAsync(r),
        DeprecateWorkflowTypeRequest r => DeprecateWorkflowTypeAsync(r),
        DeprecateActivityTypeRequest r => DeprecateActivityTypeAsync(r),
        UndeprecateWorkflowTypeRequest r => UndeprecateWorkflowTypeAsync(r),
        UndeprecateActivityTypeRequest r => UndeprecateActivityTypeAsync(r),
        DeleteWorkflowTypeRequest r => DeleteWorkflowTypeAsync(r),
        DeleteActivityTypeRequest r => DeleteActivityTypeAsync(r),
        StartWorkflowExecutionRequest r => StartWorkflowExecutionAsync(r),
        SignalWorkflowExecutionRequest r => SignalWorkflowExecutionAsync(r),
        RequestCancelWorkflowExecutionRequest r => RequestCancelWorkflowExecutionAsync(r),
        TerminateWorkflowExecutionRequest r => TerminateWorkflowExecutionAsync(r),
        RespondDecisionTaskCompletedRequest r => RespondDecisionTaskCompletedAsync(r),
        RecordActivityTaskHeartbeatRequest r => RecordActivityTaskHeartbeatAsync(r),
        RespondActivityTaskCompletedRequest r => RespondActivityTaskCompletedAsync(r),
        RespondActivityTaskFailedRequest r => RespondActivityTaskFailedAsync(r),
        RespondActivityTaskCanceledRequest r => RespondActivityTaskCanceledAsync(r),
        TagResourceRequest r => TagResourceAsync(r),
        UntagResourceRequest r => UntagResourceAsync(r),
        _ => throw new InvalidOperationException($"The journal holds a request this engine does not replay: {request.GetType().Name}."),
    };
}
