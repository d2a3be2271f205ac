using Swf.Model;

namespace Swf.Tests.Worker;

/// <summary>Builds SWF histories event by event, with the ids and links SWF gives them.</summary>
internal sealed class HistoryBuilder
{
    private readonly List<HistoryEvent> _events = [];
    private DateTime _now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private long _lastCompleted;
    private long _lastScheduled;
    private long _lastStarted;

    public IReadOnlyList<HistoryEvent> Events => _events;

    public long LastEventId => _events.Count;

    public HistoryBuilder Started(string? input = null, string workflowName = "Test", string version = "1")
    {
        Add(EventType.WorkflowExecutionStarted, e => e.WorkflowExecutionStartedEventAttributes = new()
        {
            WorkflowType = new WorkflowType { Name = workflowName, Version = version },
            TaskList = new TaskList { Name = "tasks" },
            ChildPolicy = ChildPolicy.Terminate,
            Input = input,
            ExecutionStartToCloseTimeout = "3600",
            TaskStartToCloseTimeout = "60",
        });
        return this;
    }

    /// <summary>Adds DecisionTaskScheduled and DecisionTaskStarted; returns the started id via <see cref="LastEventId"/>.</summary>
    public HistoryBuilder DecisionTask()
    {
        _lastScheduled = Add(EventType.DecisionTaskScheduled, e => e.DecisionTaskScheduledEventAttributes = new() { TaskList = new TaskList { Name = "tasks" }, StartToCloseTimeout = "60" });
        _lastStarted = Add(EventType.DecisionTaskStarted, e => e.DecisionTaskStartedEventAttributes = new() { ScheduledEventId = _lastScheduled, Identity = "test" });
        return this;
    }

    public HistoryBuilder Completed()
    {
        _lastCompleted = Add(EventType.DecisionTaskCompleted, e => e.DecisionTaskCompletedEventAttributes = new() { ScheduledEventId = _lastScheduled, StartedEventId = _lastStarted });
        return this;
    }

    public HistoryBuilder DecisionTimedOut()
    {
        Add(EventType.DecisionTaskTimedOut, e => e.DecisionTaskTimedOutEventAttributes = new() { ScheduledEventId = _lastScheduled, StartedEventId = _lastStarted, TimeoutType = DecisionTaskTimeoutType.StartToClose });
        return this;
    }

    public long ActivityScheduled(string activityId, string name = "Act", string version = "1") =>
        Add(EventType.ActivityTaskScheduled, e => e.ActivityTaskScheduledEventAttributes = new()
        {
            ActivityId = activityId,
            ActivityType = new ActivityType { Name = name, Version = version },
            TaskList = new TaskList { Name = "tasks" },
            DecisionTaskCompletedEventId = _lastCompleted,
        });

    public HistoryBuilder ActivityCompleted(long scheduledId, string? result)
    {
        var started = Add(EventType.ActivityTaskStarted, e => e.ActivityTaskStartedEventAttributes = new() { ScheduledEventId = scheduledId });
        Add(EventType.ActivityTaskCompleted, e => e.ActivityTaskCompletedEventAttributes = new() { ScheduledEventId = scheduledId, StartedEventId = started, Result = result });
        return this;
    }

    public HistoryBuilder ActivityFailed(long scheduledId, string reason, string? details = null)
    {
        var started = Add(EventType.ActivityTaskStarted, e => e.ActivityTaskStartedEventAttributes = new() { ScheduledEventId = scheduledId });
        Add(EventType.ActivityTaskFailed, e => e.ActivityTaskFailedEventAttributes = new() { ScheduledEventId = scheduledId, StartedEventId = started, Reason = reason, Details = details });
        return this;
    }

    public long TimerStarted(string timerId, string seconds) =>
        Add(EventType.TimerStarted, e => e.TimerStartedEventAttributes = new() { TimerId = timerId, StartToFireTimeout = seconds, DecisionTaskCompletedEventId = _lastCompleted });

    public HistoryBuilder TimerFired(string timerId, long startedId, TimeSpan after)
    {
        _now += after;
        Add(EventType.TimerFired, e => e.TimerFiredEventAttributes = new() { TimerId = timerId, StartedEventId = startedId });
        return this;
    }

    public HistoryBuilder Signaled(string name, string? input)
    {
        Add(EventType.WorkflowExecutionSignaled, e => e.WorkflowExecutionSignaledEventAttributes = new() { SignalName = name, Input = input });
        return this;
    }

    public HistoryBuilder CancelRequested()
    {
        Add(EventType.WorkflowExecutionCancelRequested, e => e.WorkflowExecutionCancelRequestedEventAttributes = new());
        return this;
    }

    public HistoryBuilder Marker(string name, string? details)
    {
        Add(EventType.MarkerRecorded, e => e.MarkerRecordedEventAttributes = new() { MarkerName = name, Details = details, DecisionTaskCompletedEventId = _lastCompleted });
        return this;
    }

    public HistoryBuilder WorkflowCompleted(string? result)
    {
        Add(EventType.WorkflowExecutionCompleted, e => e.WorkflowExecutionCompletedEventAttributes = new() { Result = result, DecisionTaskCompletedEventId = _lastCompleted });
        return this;
    }

    public HistoryBuilder CompleteFailed()
    {
        Add(EventType.CompleteWorkflowExecutionFailed, e => e.CompleteWorkflowExecutionFailedEventAttributes = new() { Cause = CompleteWorkflowExecutionFailedCause.UnhandledDecision, DecisionTaskCompletedEventId = _lastCompleted });
        return this;
    }

    public HistoryBuilder WorkflowFailed(string reason)
    {
        Add(EventType.WorkflowExecutionFailed, e => e.WorkflowExecutionFailedEventAttributes = new() { Reason = reason, DecisionTaskCompletedEventId = _lastCompleted });
        return this;
    }

    private long Add(EventType type, Action<HistoryEvent> attributes)
    {
        _now = _now.AddSeconds(1);
        var e = new HistoryEvent { EventId = _events.Count + 1, EventType = type, EventTimestamp = _now };
        attributes(e);
        _events.Add(e);
        return e.EventId;
    }
}
