using Swf.Model;

namespace Swf.Worker;

/// <summary>Helpers that read SWF history events the same way everywhere in the runtime.</summary>
internal static class HistoryEvents
{
    /// <summary>
    /// Returns the id of the <c>DecisionTaskCompleted</c> event whose decision recorded this event
    /// directly, or null for events that report something that happened later (results, signals, ...).
    /// </summary>
    public static long? RecordedByDecisionTask(HistoryEvent e) => e switch
    {
        { ActivityTaskScheduledEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { ScheduleActivityTaskFailedEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { ActivityTaskCancelRequestedEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { RequestCancelActivityTaskFailedEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { TimerStartedEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { StartTimerFailedEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { TimerCanceledEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { CancelTimerFailedEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { MarkerRecordedEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { RecordMarkerFailedEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { StartChildWorkflowExecutionInitiatedEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { SignalExternalWorkflowExecutionInitiatedEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { RequestCancelExternalWorkflowExecutionInitiatedEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { WorkflowExecutionCompletedEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { CompleteWorkflowExecutionFailedEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { WorkflowExecutionFailedEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { FailWorkflowExecutionFailedEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { WorkflowExecutionCanceledEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { CancelWorkflowExecutionFailedEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { WorkflowExecutionContinuedAsNewEventAttributes: { } a } => a.DecisionTaskCompletedEventId,
        { ContinueAsNewWorkflowExecutionFailedEventAttributes: { } a } => a.DecisionTaskCompletedEventId,

        // These report either the decision's immediate refusal (no initiated event) or a later failure
        // of an initiated request; only the first is the decision's own record.
        { StartChildWorkflowExecutionFailedEventAttributes: { InitiatedEventId: 0 } a } => a.DecisionTaskCompletedEventId,
        { SignalExternalWorkflowExecutionFailedEventAttributes: { InitiatedEventId: 0 } a } => a.DecisionTaskCompletedEventId,
        { RequestCancelExternalWorkflowExecutionFailedEventAttributes: { InitiatedEventId: 0 } a } => a.DecisionTaskCompletedEventId,
        _ => null,
    };

    /// <summary>Describes an event for error messages: its type and identifying fields.</summary>
    public static string Describe(HistoryEvent e)
    {
        var detail = e switch
        {
            { ActivityTaskScheduledEventAttributes: { } a } => $" {a.ActivityType.Name} {a.ActivityType.Version} (activity id {a.ActivityId})",
            { ScheduleActivityTaskFailedEventAttributes: { } a } => $" {a.ActivityType.Name} {a.ActivityType.Version} (activity id {a.ActivityId}, {a.Cause})",
            { ActivityTaskCancelRequestedEventAttributes: { } a } => $" (activity id {a.ActivityId})",
            { TimerStartedEventAttributes: { } a } => $" (timer id {a.TimerId}, {a.StartToFireTimeout} s)",
            { TimerCanceledEventAttributes: { } a } => $" (timer id {a.TimerId})",
            { MarkerRecordedEventAttributes: { } a } => $" {a.MarkerName}",
            { StartChildWorkflowExecutionInitiatedEventAttributes: { } a } => $" {a.WorkflowType.Name} {a.WorkflowType.Version} (workflow id {a.WorkflowId})",
            { SignalExternalWorkflowExecutionInitiatedEventAttributes: { } a } => $" {a.SignalName} (workflow id {a.WorkflowId})",
            { RequestCancelExternalWorkflowExecutionInitiatedEventAttributes: { } a } => $" (workflow id {a.WorkflowId})",
            _ => string.Empty,
        };
        return $"{e.EventType}{detail}";
    }
}
