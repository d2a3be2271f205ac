using Swf.Model;

namespace Swf.Cli.Histories;

/// <summary>
/// Picks the key attributes of each history event, by event family: activity name, id, input and
/// result; timer id and duration; signal, marker and child names; failure reasons and causes; the
/// identity of decision-task and activity workers. Events that only point at an earlier event (an
/// activity's result, a timer's firing) are named after that earlier event.
/// </summary>
internal static class EventSummarizer
{
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
        var a = new Attributes();
        string? subject = null;
        var tone = EventTone.Plain;
        switch (e)
        {
            // ---- the execution ----
            case { WorkflowExecutionStartedEventAttributes: { } x }:
                subject = Name(x.WorkflowType);
                a.Add("input", x.Input).Add("taskList", x.TaskList?.Name).Add("parent", x.ParentWorkflowExecution?.WorkflowId)
                    .Add("tags", x.TagList is { Count: > 0 } tags ? string.Join(",", tags) : null)
                    .Add("continuedFromRunId", x.ContinuedExecutionRunId, incidental: true);
                break;
            case { WorkflowExecutionCompletedEventAttributes: { } x }:
                a.Add("result", x.Result);
                tone = EventTone.Success;
                break;
            case { WorkflowExecutionFailedEventAttributes: { } x }:
                a.Add("reason", x.Reason).Add("details", x.Details);
                tone = EventTone.Failure;
                break;
            case { WorkflowExecutionCanceledEventAttributes: { } x }:
                a.Add("details", x.Details);
                tone = EventTone.Failure;
                break;
            case { WorkflowExecutionTerminatedEventAttributes: { } x }:
                a.Add("reason", x.Reason).Add("details", x.Details).Add("cause", x.Cause?.Value);
                tone = EventTone.Failure;
                break;
            case { WorkflowExecutionTimedOutEventAttributes: { } x }:
                a.Add("timeoutType", x.TimeoutType?.Value);
                tone = EventTone.Failure;
                break;
            case { WorkflowExecutionContinuedAsNewEventAttributes: { } x }:
                subject = Name(x.WorkflowType);
                a.Add("input", x.Input).Add("newRunId", x.NewExecutionRunId, incidental: true);
                tone = EventTone.Success;
                break;
            case { WorkflowExecutionCancelRequestedEventAttributes: { } x }:
                a.Add("cause", x.Cause?.Value).Add("by", x.ExternalWorkflowExecution?.WorkflowId);
                tone = EventTone.Signal;
                break;
            case { WorkflowExecutionSignaledEventAttributes: { } x }:
                subject = x.SignalName;
                a.Add("input", x.Input).Add("by", x.ExternalWorkflowExecution?.WorkflowId);
                tone = EventTone.Signal;
                break;
            case { CompleteWorkflowExecutionFailedEventAttributes: { } x }:
                a.Add("cause", x.Cause?.Value);
                tone = EventTone.Failure;
                break;
            case { FailWorkflowExecutionFailedEventAttributes: { } x }:
                a.Add("cause", x.Cause?.Value);
                tone = EventTone.Failure;
                break;
            case { CancelWorkflowExecutionFailedEventAttributes: { } x }:
                a.Add("cause", x.Cause?.Value);
                tone = EventTone.Failure;
                break;
            case { ContinueAsNewWorkflowExecutionFailedEventAttributes: { } x }:
                a.Add("cause", x.Cause?.Value);
                tone = EventTone.Failure;
                break;

            // ---- decision tasks ----
            case { DecisionTaskScheduledEventAttributes: { } x }:
                a.Add("taskList", x.TaskList?.Name, incidental: true);
                tone = EventTone.Decision;
                break;
            case { DecisionTaskStartedEventAttributes: { } x }:
                a.Add("identity", x.Identity, incidental: true);
                tone = EventTone.Decision;
                break;
            case { DecisionTaskCompletedEventAttributes: { } x }:
                a.Add("executionContext", x.ExecutionContext).Add("stickyTaskList", x.TaskList?.Name, incidental: true);
                tone = EventTone.Decision;
                break;
            case { DecisionTaskTimedOutEventAttributes: { } x }:
                a.Add("timeoutType", x.TimeoutType?.Value);
                tone = EventTone.Failure;
                break;

            // ---- activities ----
            case { ActivityTaskScheduledEventAttributes: { } x }:
                subject = Name(x.ActivityType);
                a.Add("activityId", x.ActivityId).Add("input", x.Input).Add("taskList", x.TaskList?.Name);
                tone = EventTone.Command;
                break;
            case { ScheduleActivityTaskFailedEventAttributes: { } x }:
                subject = Name(x.ActivityType);
                a.Add("activityId", x.ActivityId).Add("cause", x.Cause?.Value);
                tone = EventTone.Failure;
                break;
            case { ActivityTaskStartedEventAttributes: { } x }:
                subject = Activity(byId, x.ScheduledEventId, a);
                a.Add("identity", x.Identity, incidental: true);
                break;
            case { ActivityTaskCompletedEventAttributes: { } x }:
                subject = Activity(byId, x.ScheduledEventId, a);
                a.Add("result", x.Result);
                tone = EventTone.Success;
                break;
            case { ActivityTaskFailedEventAttributes: { } x }:
                subject = Activity(byId, x.ScheduledEventId, a);
                a.Add("reason", x.Reason).Add("details", x.Details);
                tone = EventTone.Failure;
                break;
            case { ActivityTaskTimedOutEventAttributes: { } x }:
                subject = Activity(byId, x.ScheduledEventId, a);
                a.Add("timeoutType", x.TimeoutType?.Value).Add("details", x.Details);
                tone = EventTone.Failure;
                break;
            case { ActivityTaskCancelRequestedEventAttributes: { } x }:
                a.Add("activityId", x.ActivityId);
                tone = EventTone.Command;
                break;
            case { ActivityTaskCanceledEventAttributes: { } x }:
                subject = Activity(byId, x.ScheduledEventId, a);
                a.Add("details", x.Details);
                tone = EventTone.Failure;
                break;
            case { RequestCancelActivityTaskFailedEventAttributes: { } x }:
                a.Add("activityId", x.ActivityId).Add("cause", x.Cause?.Value);
                tone = EventTone.Failure;
                break;

            // ---- timers ----
            case { TimerStartedEventAttributes: { } x }:
                subject = x.TimerId;
                a.Add("startToFireTimeout", Seconds(x.StartToFireTimeout)).Add("control", x.Control);
                tone = EventTone.Timer;
                break;
            case { TimerFiredEventAttributes: { } x }:
                subject = x.TimerId;
                tone = EventTone.Timer;
                break;
            case { TimerCanceledEventAttributes: { } x }:
                subject = x.TimerId;
                tone = EventTone.Timer;
                break;
            case { StartTimerFailedEventAttributes: { } x }:
                subject = x.TimerId;
                a.Add("cause", x.Cause?.Value);
                tone = EventTone.Failure;
                break;
            case { CancelTimerFailedEventAttributes: { } x }:
                subject = x.TimerId;
                a.Add("cause", x.Cause?.Value);
                tone = EventTone.Failure;
                break;

            // ---- markers ----
            case { MarkerRecordedEventAttributes: { } x }:
                subject = x.MarkerName;
                a.Add("details", x.Details);
                tone = EventTone.Command;
                break;
            case { RecordMarkerFailedEventAttributes: { } x }:
                subject = x.MarkerName;
                a.Add("cause", x.Cause?.Value);
                tone = EventTone.Failure;
                break;

            // ---- child workflows ----
            case { StartChildWorkflowExecutionInitiatedEventAttributes: { } x }:
                subject = Name(x.WorkflowType);
                a.Add("workflowId", x.WorkflowId).Add("input", x.Input).Add("taskList", x.TaskList?.Name);
                tone = EventTone.Command;
                break;
            case { StartChildWorkflowExecutionFailedEventAttributes: { } x }:
                subject = Name(x.WorkflowType);
                a.Add("workflowId", x.WorkflowId).Add("cause", x.Cause?.Value);
                tone = EventTone.Failure;
                break;
            case { ChildWorkflowExecutionStartedEventAttributes: { } x }:
                subject = Name(x.WorkflowType);
                a.Add("workflowId", x.WorkflowExecution?.WorkflowId).Add("runId", x.WorkflowExecution?.RunId, incidental: true);
                break;
            case { ChildWorkflowExecutionCompletedEventAttributes: { } x }:
                subject = Name(x.WorkflowType);
                a.Add("workflowId", x.WorkflowExecution?.WorkflowId).Add("result", x.Result);
                tone = EventTone.Success;
                break;
            case { ChildWorkflowExecutionFailedEventAttributes: { } x }:
                subject = Name(x.WorkflowType);
                a.Add("workflowId", x.WorkflowExecution?.WorkflowId).Add("reason", x.Reason).Add("details", x.Details);
                tone = EventTone.Failure;
                break;
            case { ChildWorkflowExecutionCanceledEventAttributes: { } x }:
                subject = Name(x.WorkflowType);
                a.Add("workflowId", x.WorkflowExecution?.WorkflowId).Add("details", x.Details);
                tone = EventTone.Failure;
                break;
            case { ChildWorkflowExecutionTerminatedEventAttributes: { } x }:
                subject = Name(x.WorkflowType);
                a.Add("workflowId", x.WorkflowExecution?.WorkflowId);
                tone = EventTone.Failure;
                break;
            case { ChildWorkflowExecutionTimedOutEventAttributes: { } x }:
                subject = Name(x.WorkflowType);
                a.Add("workflowId", x.WorkflowExecution?.WorkflowId).Add("timeoutType", x.TimeoutType?.Value);
                tone = EventTone.Failure;
                break;

            // ---- other executions ----
            case { SignalExternalWorkflowExecutionInitiatedEventAttributes: { } x }:
                subject = x.SignalName;
                a.Add("workflowId", x.WorkflowId).Add("input", x.Input);
                tone = EventTone.Command;
                break;
            case { SignalExternalWorkflowExecutionFailedEventAttributes: { } x }:
                a.Add("workflowId", x.WorkflowId).Add("cause", x.Cause?.Value);
                tone = EventTone.Failure;
                break;
            case { ExternalWorkflowExecutionSignaledEventAttributes: { } x }:
                a.Add("workflowId", x.WorkflowExecution?.WorkflowId);
                tone = EventTone.Signal;
                break;
            case { RequestCancelExternalWorkflowExecutionInitiatedEventAttributes: { } x }:
                a.Add("workflowId", x.WorkflowId);
                tone = EventTone.Command;
                break;
            case { RequestCancelExternalWorkflowExecutionFailedEventAttributes: { } x }:
                a.Add("workflowId", x.WorkflowId).Add("cause", x.Cause?.Value);
                tone = EventTone.Failure;
                break;
            case { ExternalWorkflowExecutionCancelRequestedEventAttributes: { } x }:
                a.Add("workflowId", x.WorkflowExecution?.WorkflowId);
                tone = EventTone.Signal;
                break;

            // ---- Lambda functions ----
            case { LambdaFunctionScheduledEventAttributes: { } x }:
                subject = x.Name;
                a.Add("id", x.Id).Add("input", x.Input);
                tone = EventTone.Command;
                break;
            case { ScheduleLambdaFunctionFailedEventAttributes: { } x }:
                subject = x.Name;
                a.Add("id", x.Id).Add("cause", x.Cause?.Value);
                tone = EventTone.Failure;
                break;
            case { StartLambdaFunctionFailedEventAttributes: { } x }:
                a.Add("cause", x.Cause?.Value).Add("message", x.Message);
                tone = EventTone.Failure;
                break;
            case { LambdaFunctionCompletedEventAttributes: { } x }:
                subject = Lambda(byId, x.ScheduledEventId);
                a.Add("result", x.Result);
                tone = EventTone.Success;
                break;
            case { LambdaFunctionFailedEventAttributes: { } x }:
                subject = Lambda(byId, x.ScheduledEventId);
                a.Add("reason", x.Reason).Add("details", x.Details);
                tone = EventTone.Failure;
                break;
            case { LambdaFunctionTimedOutEventAttributes: { } x }:
                subject = Lambda(byId, x.ScheduledEventId);
                a.Add("timeoutType", x.TimeoutType?.Value);
                tone = EventTone.Failure;
                break;
            default:
                break;
        }

        return new EventSummary(e.EventId, e.EventTimestamp, e.EventType?.Value ?? "(no type)", subject, a.List, tone);
    }

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

    private sealed class Attributes
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
}
