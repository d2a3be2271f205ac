using Swf.Model;

namespace Swf.Worker;

/// <summary>Helpers that read SWF history events the same way everywhere in the runtime.</summary>
internal static class HistoryEvents
{
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
            { LambdaFunctionScheduledEventAttributes: { } a } => $" {a.Name} (id {a.Id})",
            { ScheduleLambdaFunctionFailedEventAttributes: { } a } => $" {a.Name} (id {a.Id}, {a.Cause})",
            _ => string.Empty,
        };
        return $"{e.EventType}{detail}";
    }
}
