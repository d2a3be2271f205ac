using Swf.Model;

namespace Swf.Cli.Histories;

/// <summary>
/// Picks the key attributes of each history event, by event family: activity name, id, input and
/// result; timer id and duration; signal, marker and child names; failure reasons and causes; the
/// identity of decision-task and activity workers. Events that only point at an earlier event (an
/// activity's result, a timer's firing) are named after that earlier event.
/// </summary>
internal sealed class EventSummarizer : IHistoryEventVisitor<EventSummarizer.Summary, (string? Subject, EventTone Tone)>
{
    private static readonly EventSummarizer Instance = new();

    private EventSummarizer()
    {
    }

    /// <summary>Summarizes every event of a history.</summary>
    /// <param name="events">The history, by event id.</param>
    /// <returns>One summary per event, in the same order.</returns>
    public static IReadOnlyList<EventSummary> Summarize(IReadOnlyList<HistoryEvent> events)
    {
        var byId = new Dictionary<long, HistoryEvent>();
        foreach (var e in events)
        {
            byId.TryAdd(e.EventId, e);
        }

        return [.. events.Select(e => Summarize(e, byId))];
    }

    private static EventSummary Summarize(HistoryEvent e, Dictionary<long, HistoryEvent> byId)
    {
        var summary = new Summary(byId, new Attributes());
        var (subject, tone) = e.Accept(Instance, summary);
        return new EventSummary(e.EventId, e.EventTimestamp, e.EventType?.Value ?? "(no type)", subject, summary.Attributes.List, tone);
    }

    public (string? Subject, EventTone Tone) WorkflowExecutionStarted(HistoryEvent e, WorkflowExecutionStartedEventAttributes x, Summary s)
    {
        s.Attributes.Add("input", x.Input).Add("taskList", x.TaskList?.Name).Add("parent", x.ParentWorkflowExecution?.WorkflowId)
            .Add("tags", x.TagList is { Count: > 0 } tags ? string.Join(",", tags) : null)
            .Add("continuedFromRunId", x.ContinuedExecutionRunId, incidental: true);
        return (Name(x.WorkflowType), EventTone.Plain);
    }

    public (string? Subject, EventTone Tone) WorkflowExecutionCompleted(HistoryEvent e, WorkflowExecutionCompletedEventAttributes x, Summary s)
    {
        s.Attributes.Add("result", x.Result);
        return (null, EventTone.Success);
    }

    public (string? Subject, EventTone Tone) WorkflowExecutionFailed(HistoryEvent e, WorkflowExecutionFailedEventAttributes x, Summary s)
    {
        s.Attributes.Add("reason", x.Reason).Add("details", x.Details);
        return (null, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) WorkflowExecutionCanceled(HistoryEvent e, WorkflowExecutionCanceledEventAttributes x, Summary s)
    {
        s.Attributes.Add("details", x.Details);
        return (null, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) WorkflowExecutionTerminated(HistoryEvent e, WorkflowExecutionTerminatedEventAttributes x, Summary s)
    {
        s.Attributes.Add("reason", x.Reason).Add("details", x.Details).Add("cause", x.Cause?.Value);
        return (null, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) WorkflowExecutionTimedOut(HistoryEvent e, WorkflowExecutionTimedOutEventAttributes x, Summary s)
    {
        s.Attributes.Add("timeoutType", x.TimeoutType?.Value);
        return (null, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) WorkflowExecutionContinuedAsNew(HistoryEvent e, WorkflowExecutionContinuedAsNewEventAttributes x, Summary s)
    {
        s.Attributes.Add("input", x.Input).Add("newRunId", x.NewExecutionRunId, incidental: true);
        return (Name(x.WorkflowType), EventTone.Success);
    }

    public (string? Subject, EventTone Tone) WorkflowExecutionCancelRequested(HistoryEvent e, WorkflowExecutionCancelRequestedEventAttributes x, Summary s)
    {
        s.Attributes.Add("cause", x.Cause?.Value).Add("by", x.ExternalWorkflowExecution?.WorkflowId);
        return (null, EventTone.Signal);
    }

    public (string? Subject, EventTone Tone) WorkflowExecutionSignaled(HistoryEvent e, WorkflowExecutionSignaledEventAttributes x, Summary s)
    {
        s.Attributes.Add("input", x.Input).Add("by", x.ExternalWorkflowExecution?.WorkflowId);
        return (x.SignalName, EventTone.Signal);
    }

    public (string? Subject, EventTone Tone) CompleteWorkflowExecutionFailed(HistoryEvent e, CompleteWorkflowExecutionFailedEventAttributes x, Summary s)
    {
        s.Attributes.Add("cause", x.Cause?.Value);
        return (null, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) FailWorkflowExecutionFailed(HistoryEvent e, FailWorkflowExecutionFailedEventAttributes x, Summary s)
    {
        s.Attributes.Add("cause", x.Cause?.Value);
        return (null, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) CancelWorkflowExecutionFailed(HistoryEvent e, CancelWorkflowExecutionFailedEventAttributes x, Summary s)
    {
        s.Attributes.Add("cause", x.Cause?.Value);
        return (null, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) ContinueAsNewWorkflowExecutionFailed(HistoryEvent e, ContinueAsNewWorkflowExecutionFailedEventAttributes x, Summary s)
    {
        s.Attributes.Add("cause", x.Cause?.Value);
        return (null, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) DecisionTaskScheduled(HistoryEvent e, DecisionTaskScheduledEventAttributes x, Summary s)
    {
        s.Attributes.Add("taskList", x.TaskList?.Name, incidental: true);
        return (null, EventTone.Decision);
    }

    public (string? Subject, EventTone Tone) DecisionTaskStarted(HistoryEvent e, DecisionTaskStartedEventAttributes x, Summary s)
    {
        s.Attributes.Add("identity", x.Identity, incidental: true);
        return (null, EventTone.Decision);
    }

    public (string? Subject, EventTone Tone) DecisionTaskCompleted(HistoryEvent e, DecisionTaskCompletedEventAttributes x, Summary s)
    {
        s.Attributes.Add("executionContext", x.ExecutionContext).Add("stickyTaskList", x.TaskList?.Name, incidental: true);
        return (null, EventTone.Decision);
    }

    public (string? Subject, EventTone Tone) DecisionTaskTimedOut(HistoryEvent e, DecisionTaskTimedOutEventAttributes x, Summary s)
    {
        s.Attributes.Add("timeoutType", x.TimeoutType?.Value);
        return (null, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) ActivityTaskScheduled(HistoryEvent e, ActivityTaskScheduledEventAttributes x, Summary s)
    {
        s.Attributes.Add("activityId", x.ActivityId).Add("input", x.Input).Add("taskList", x.TaskList?.Name);
        return (Name(x.ActivityType), EventTone.Command);
    }

    public (string? Subject, EventTone Tone) ScheduleActivityTaskFailed(HistoryEvent e, ScheduleActivityTaskFailedEventAttributes x, Summary s)
    {
        s.Attributes.Add("activityId", x.ActivityId).Add("cause", x.Cause?.Value);
        return (Name(x.ActivityType), EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) ActivityTaskStarted(HistoryEvent e, ActivityTaskStartedEventAttributes x, Summary s)
    {
        var subject = Activity(s.ById, x.ScheduledEventId, s.Attributes);
        s.Attributes.Add("identity", x.Identity, incidental: true);
        return (subject, EventTone.Plain);
    }

    public (string? Subject, EventTone Tone) ActivityTaskCompleted(HistoryEvent e, ActivityTaskCompletedEventAttributes x, Summary s)
    {
        var subject = Activity(s.ById, x.ScheduledEventId, s.Attributes);
        s.Attributes.Add("result", x.Result);
        return (subject, EventTone.Success);
    }

    public (string? Subject, EventTone Tone) ActivityTaskFailed(HistoryEvent e, ActivityTaskFailedEventAttributes x, Summary s)
    {
        var subject = Activity(s.ById, x.ScheduledEventId, s.Attributes);
        s.Attributes.Add("reason", x.Reason).Add("details", x.Details);
        return (subject, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) ActivityTaskTimedOut(HistoryEvent e, ActivityTaskTimedOutEventAttributes x, Summary s)
    {
        var subject = Activity(s.ById, x.ScheduledEventId, s.Attributes);
        s.Attributes.Add("timeoutType", x.TimeoutType?.Value).Add("details", x.Details);
        return (subject, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) ActivityTaskCancelRequested(HistoryEvent e, ActivityTaskCancelRequestedEventAttributes x, Summary s)
    {
        s.Attributes.Add("activityId", x.ActivityId);
        return (null, EventTone.Command);
    }

    public (string? Subject, EventTone Tone) ActivityTaskCanceled(HistoryEvent e, ActivityTaskCanceledEventAttributes x, Summary s)
    {
        var subject = Activity(s.ById, x.ScheduledEventId, s.Attributes);
        s.Attributes.Add("details", x.Details);
        return (subject, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) RequestCancelActivityTaskFailed(HistoryEvent e, RequestCancelActivityTaskFailedEventAttributes x, Summary s)
    {
        s.Attributes.Add("activityId", x.ActivityId).Add("cause", x.Cause?.Value);
        return (null, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) TimerStarted(HistoryEvent e, TimerStartedEventAttributes x, Summary s)
    {
        s.Attributes.Add("startToFireTimeout", Seconds(x.StartToFireTimeout)).Add("control", x.Control);
        return (x.TimerId, EventTone.Timer);
    }

    public (string? Subject, EventTone Tone) TimerFired(HistoryEvent e, TimerFiredEventAttributes x, Summary s) => (x.TimerId, EventTone.Timer);

    public (string? Subject, EventTone Tone) TimerCanceled(HistoryEvent e, TimerCanceledEventAttributes x, Summary s) => (x.TimerId, EventTone.Timer);

    public (string? Subject, EventTone Tone) StartTimerFailed(HistoryEvent e, StartTimerFailedEventAttributes x, Summary s)
    {
        s.Attributes.Add("cause", x.Cause?.Value);
        return (x.TimerId, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) CancelTimerFailed(HistoryEvent e, CancelTimerFailedEventAttributes x, Summary s)
    {
        s.Attributes.Add("cause", x.Cause?.Value);
        return (x.TimerId, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) MarkerRecorded(HistoryEvent e, MarkerRecordedEventAttributes x, Summary s)
    {
        s.Attributes.Add("details", x.Details);
        return (x.MarkerName, EventTone.Command);
    }

    public (string? Subject, EventTone Tone) RecordMarkerFailed(HistoryEvent e, RecordMarkerFailedEventAttributes x, Summary s)
    {
        s.Attributes.Add("cause", x.Cause?.Value);
        return (x.MarkerName, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) StartChildWorkflowExecutionInitiated(HistoryEvent e, StartChildWorkflowExecutionInitiatedEventAttributes x, Summary s)
    {
        s.Attributes.Add("workflowId", x.WorkflowId).Add("input", x.Input).Add("taskList", x.TaskList?.Name);
        return (Name(x.WorkflowType), EventTone.Command);
    }

    public (string? Subject, EventTone Tone) StartChildWorkflowExecutionFailed(HistoryEvent e, StartChildWorkflowExecutionFailedEventAttributes x, Summary s)
    {
        s.Attributes.Add("workflowId", x.WorkflowId).Add("cause", x.Cause?.Value);
        return (Name(x.WorkflowType), EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) ChildWorkflowExecutionStarted(HistoryEvent e, ChildWorkflowExecutionStartedEventAttributes x, Summary s)
    {
        s.Attributes.Add("workflowId", x.WorkflowExecution?.WorkflowId).Add("runId", x.WorkflowExecution?.RunId, incidental: true);
        return (Name(x.WorkflowType), EventTone.Plain);
    }

    public (string? Subject, EventTone Tone) ChildWorkflowExecutionCompleted(HistoryEvent e, ChildWorkflowExecutionCompletedEventAttributes x, Summary s)
    {
        s.Attributes.Add("workflowId", x.WorkflowExecution?.WorkflowId).Add("result", x.Result);
        return (Name(x.WorkflowType), EventTone.Success);
    }

    public (string? Subject, EventTone Tone) ChildWorkflowExecutionFailed(HistoryEvent e, ChildWorkflowExecutionFailedEventAttributes x, Summary s)
    {
        s.Attributes.Add("workflowId", x.WorkflowExecution?.WorkflowId).Add("reason", x.Reason).Add("details", x.Details);
        return (Name(x.WorkflowType), EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) ChildWorkflowExecutionCanceled(HistoryEvent e, ChildWorkflowExecutionCanceledEventAttributes x, Summary s)
    {
        s.Attributes.Add("workflowId", x.WorkflowExecution?.WorkflowId).Add("details", x.Details);
        return (Name(x.WorkflowType), EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) ChildWorkflowExecutionTerminated(HistoryEvent e, ChildWorkflowExecutionTerminatedEventAttributes x, Summary s)
    {
        s.Attributes.Add("workflowId", x.WorkflowExecution?.WorkflowId);
        return (Name(x.WorkflowType), EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) ChildWorkflowExecutionTimedOut(HistoryEvent e, ChildWorkflowExecutionTimedOutEventAttributes x, Summary s)
    {
        s.Attributes.Add("workflowId", x.WorkflowExecution?.WorkflowId).Add("timeoutType", x.TimeoutType?.Value);
        return (Name(x.WorkflowType), EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) SignalExternalWorkflowExecutionInitiated(HistoryEvent e, SignalExternalWorkflowExecutionInitiatedEventAttributes x, Summary s)
    {
        s.Attributes.Add("workflowId", x.WorkflowId).Add("input", x.Input);
        return (x.SignalName, EventTone.Command);
    }

    public (string? Subject, EventTone Tone) SignalExternalWorkflowExecutionFailed(HistoryEvent e, SignalExternalWorkflowExecutionFailedEventAttributes x, Summary s)
    {
        s.Attributes.Add("workflowId", x.WorkflowId).Add("cause", x.Cause?.Value);
        return (null, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) ExternalWorkflowExecutionSignaled(HistoryEvent e, ExternalWorkflowExecutionSignaledEventAttributes x, Summary s)
    {
        s.Attributes.Add("workflowId", x.WorkflowExecution?.WorkflowId);
        return (null, EventTone.Signal);
    }

    public (string? Subject, EventTone Tone) RequestCancelExternalWorkflowExecutionInitiated(HistoryEvent e, RequestCancelExternalWorkflowExecutionInitiatedEventAttributes x, Summary s)
    {
        s.Attributes.Add("workflowId", x.WorkflowId);
        return (null, EventTone.Command);
    }

    public (string? Subject, EventTone Tone) RequestCancelExternalWorkflowExecutionFailed(HistoryEvent e, RequestCancelExternalWorkflowExecutionFailedEventAttributes x, Summary s)
    {
        s.Attributes.Add("workflowId", x.WorkflowId).Add("cause", x.Cause?.Value);
        return (null, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) ExternalWorkflowExecutionCancelRequested(HistoryEvent e, ExternalWorkflowExecutionCancelRequestedEventAttributes x, Summary s)
    {
        s.Attributes.Add("workflowId", x.WorkflowExecution?.WorkflowId);
        return (null, EventTone.Signal);
    }

    public (string? Subject, EventTone Tone) LambdaFunctionScheduled(HistoryEvent e, LambdaFunctionScheduledEventAttributes x, Summary s)
    {
        s.Attributes.Add("id", x.Id).Add("input", x.Input);
        return (x.Name, EventTone.Command);
    }

    public (string? Subject, EventTone Tone) ScheduleLambdaFunctionFailed(HistoryEvent e, ScheduleLambdaFunctionFailedEventAttributes x, Summary s)
    {
        s.Attributes.Add("id", x.Id).Add("cause", x.Cause?.Value);
        return (x.Name, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) StartLambdaFunctionFailed(HistoryEvent e, StartLambdaFunctionFailedEventAttributes x, Summary s)
    {
        s.Attributes.Add("cause", x.Cause?.Value).Add("message", x.Message);
        return (null, EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) LambdaFunctionStarted(HistoryEvent e, LambdaFunctionStartedEventAttributes x, Summary s) => (Lambda(s.ById, x.ScheduledEventId), EventTone.Plain);

    public (string? Subject, EventTone Tone) LambdaFunctionCompleted(HistoryEvent e, LambdaFunctionCompletedEventAttributes x, Summary s)
    {
        s.Attributes.Add("result", x.Result);
        return (Lambda(s.ById, x.ScheduledEventId), EventTone.Success);
    }

    public (string? Subject, EventTone Tone) LambdaFunctionFailed(HistoryEvent e, LambdaFunctionFailedEventAttributes x, Summary s)
    {
        s.Attributes.Add("reason", x.Reason).Add("details", x.Details);
        return (Lambda(s.ById, x.ScheduledEventId), EventTone.Failure);
    }

    public (string? Subject, EventTone Tone) LambdaFunctionTimedOut(HistoryEvent e, LambdaFunctionTimedOutEventAttributes x, Summary s)
    {
        s.Attributes.Add("timeoutType", x.TimeoutType?.Value);
        return (Lambda(s.ById, x.ScheduledEventId), EventTone.Failure);
    }

    // An event type newer than this tool: shown by its type alone.
    public (string? Subject, EventTone Tone) Unknown(HistoryEvent e, Summary s) => (null, EventTone.Plain);

    private static string? Name(WorkflowType? type) => type is null ? null : $"{type.Name}/{type.Version}";

    private static string? Name(ActivityType? type) => type is null ? null : $"{type.Name}/{type.Version}";

    private static string? Seconds(string? seconds) => seconds is null ? null : seconds + "s";

    private static string? Activity(Dictionary<long, HistoryEvent> byId, long scheduledEventId, Attributes attributes)
    {
        if (byId.GetValueOrDefault(scheduledEventId)?.ActivityTaskScheduledEventAttributes is not { } scheduled)
        {
            attributes.Add("scheduledEventId", scheduledEventId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }

        attributes.Add("activityId", scheduled.ActivityId);
        return Name(scheduled.ActivityType);
    }

    private static string? Lambda(Dictionary<long, HistoryEvent> byId, long scheduledEventId) =>
        byId.GetValueOrDefault(scheduledEventId)?.LambdaFunctionScheduledEventAttributes?.Name;

    internal sealed class Attributes
    {
        public List<EventAttribute> List { get; } = [];

        public Attributes Add(string name, string? value, bool incidental = false)
        {
            if (value is not null)
            {
                List.Add(new EventAttribute(name, value, incidental));
            }

            return this;
        }
    }

    /// <summary>What summarizing one event needs: the history by id (to name results after what they answer) and the attributes found.</summary>
    internal sealed record Summary(Dictionary<long, HistoryEvent> ById, Attributes Attributes);
}
