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
/// type, execution, history, task, token and timer; <see cref="ResumeAfterReplay"/> then runs what
/// fell due while the engine was down, each as of its own due time.
/// </remarks>
public sealed partial class LocalSwfEngine
{
    private readonly List<string> _generated = [];
    private IEngineJournal? _journal;
    private object? _accepted;
    private long _polledSequence;
    private Queue<string>? _replayValues;

    /// <summary>Sends every later state-changing step to <paramref name="journal"/>.</summary>
    internal void AttachJournal(IEngineJournal journal)
    {
        lock (_lock)
        {
            _journal = journal;
        }
    }

    /// <summary>Applies one journal entry; the caller has set the clock to <see cref="JournalEntry.At"/> and keeps timers inert.</summary>
    internal void Replay(JournalEntry entry)
    {
        lock (_lock)
        {
            _replayValues = new Queue<string>(entry.Generated);
            try
            {
                Locked(() => ReplayStep(entry));
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

    /// <summary>Runs, as of their due times, the timers and timeouts that fell due while the engine was down, and re-arms the clock.</summary>
    internal void ResumeAfterReplay() => Locked(() => { });

    /// <summary>Runs a mutating operation under the lock and journals its request.</summary>
    private T Accepted<T>(object request, Func<T> body) => Locked(() =>
    {
        _accepted = request;
        return body();
    });

    /// <summary>Notes, under the lock, that a poll is starting a task, so the journal can name the task.</summary>
    private QueuedTask Polled(object request, QueuedTask task)
    {
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
        return value;
    }

    private void BeginCall()
    {
        _callNow = _time.GetUtcNow();
        _accepted = null;
        _polledSequence = 0;
        _ranScheduledActions = false;
        _generated.Clear();
    }

    private void EndCall()
    {
        var at = _callNow!.Value;
        _callNow = null;
        if (_journal is not null && _replayValues is null && (_accepted is not null || _ranScheduledActions))
        {
            _journal.Append(new JournalEntry(at, _accepted, _polledSequence, [.. _generated]));
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
