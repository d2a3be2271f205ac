using Swf.Model;

namespace Swf.Worker;

/// <summary>
/// Tells whether a history event is the record of a decision the workflow code made: the event is the
/// decision kind's own record (<see cref="DecisionKind.RecordedBy"/>) and names the same activity, timer,
/// marker, child or external execution. Replay compares what the code decides now with what history
/// recorded through this one place.
/// </summary>
internal sealed class DecisionEcho : IDecisionVisitor<HistoryEvent, bool>
{
    private static readonly DecisionEcho Instance = new();

    private DecisionEcho()
    {
    }

    /// <summary>Tells whether <paramref name="historyEvent"/> records <paramref name="decision"/> (accepted or refused).</summary>
    public static bool Matches(Decision decision, HistoryEvent historyEvent) =>
        DecisionKind.RecordedBy(historyEvent) is { } kind && kind.DecisionType == decision.DecisionType && decision.Accept(Instance, historyEvent);

    public bool ScheduleActivityTask(ScheduleActivityTaskDecisionAttributes attributes, HistoryEvent e) => e switch
    {
        { ActivityTaskScheduledEventAttributes: { } s } => s.ActivityId == attributes.ActivityId && SameType(s.ActivityType, attributes.ActivityType),
        { ScheduleActivityTaskFailedEventAttributes: { } f } => f.ActivityId == attributes.ActivityId && SameType(f.ActivityType, attributes.ActivityType),
        _ => false,
    };

    public bool RequestCancelActivityTask(RequestCancelActivityTaskDecisionAttributes attributes, HistoryEvent e) => e switch
    {
        { ActivityTaskCancelRequestedEventAttributes: { } r } => r.ActivityId == attributes.ActivityId,
        { RequestCancelActivityTaskFailedEventAttributes: { } f } => f.ActivityId == attributes.ActivityId,
        _ => false,
    };

    // A run has one close: the kind is the whole identity.
    public bool CompleteWorkflowExecution(CompleteWorkflowExecutionDecisionAttributes attributes, HistoryEvent e) => true;

    public bool FailWorkflowExecution(FailWorkflowExecutionDecisionAttributes attributes, HistoryEvent e) => true;

    public bool CancelWorkflowExecution(CancelWorkflowExecutionDecisionAttributes attributes, HistoryEvent e) => true;

    public bool ContinueAsNewWorkflowExecution(ContinueAsNewWorkflowExecutionDecisionAttributes attributes, HistoryEvent e) => true;

    // A marker's details are part of its identity: a side effect or version recorded differently is a different decision.
    public bool RecordMarker(RecordMarkerDecisionAttributes attributes, HistoryEvent e) => e switch
    {
        { MarkerRecordedEventAttributes: { } m } => m.MarkerName == attributes.MarkerName && m.Details == attributes.Details,
        { RecordMarkerFailedEventAttributes: { } f } => f.MarkerName == attributes.MarkerName,
        _ => false,
    };

    public bool StartTimer(StartTimerDecisionAttributes attributes, HistoryEvent e) => e switch
    {
        { TimerStartedEventAttributes: { } s } => s.TimerId == attributes.TimerId,
        { StartTimerFailedEventAttributes: { } f } => f.TimerId == attributes.TimerId,
        _ => false,
    };

    public bool CancelTimer(CancelTimerDecisionAttributes attributes, HistoryEvent e) => e switch
    {
        { TimerCanceledEventAttributes: { } c } => c.TimerId == attributes.TimerId,
        { CancelTimerFailedEventAttributes: { } f } => f.TimerId == attributes.TimerId,
        _ => false,
    };

    public bool SignalExternalWorkflowExecution(SignalExternalWorkflowExecutionDecisionAttributes attributes, HistoryEvent e) => e switch
    {
        { SignalExternalWorkflowExecutionInitiatedEventAttributes: { } i } => i.WorkflowId == attributes.WorkflowId && i.SignalName == attributes.SignalName,
        { SignalExternalWorkflowExecutionFailedEventAttributes: { } f } => f.WorkflowId == attributes.WorkflowId,
        _ => false,
    };

    public bool RequestCancelExternalWorkflowExecution(RequestCancelExternalWorkflowExecutionDecisionAttributes attributes, HistoryEvent e) => e switch
    {
        { RequestCancelExternalWorkflowExecutionInitiatedEventAttributes: { } i } => i.WorkflowId == attributes.WorkflowId,
        { RequestCancelExternalWorkflowExecutionFailedEventAttributes: { } f } => f.WorkflowId == attributes.WorkflowId,
        _ => false,
    };

    public bool StartChildWorkflowExecution(StartChildWorkflowExecutionDecisionAttributes attributes, HistoryEvent e) => e switch
    {
        { StartChildWorkflowExecutionInitiatedEventAttributes: { } i } => i.WorkflowId == attributes.WorkflowId && SameType(i.WorkflowType, attributes.WorkflowType),
        { StartChildWorkflowExecutionFailedEventAttributes: { } f } => f.WorkflowId == attributes.WorkflowId,
        _ => false,
    };

    public bool ScheduleLambdaFunction(ScheduleLambdaFunctionDecisionAttributes attributes, HistoryEvent e) => e switch
    {
        { LambdaFunctionScheduledEventAttributes: { } s } => s.Id == attributes.Id && s.Name == attributes.Name,
        { ScheduleLambdaFunctionFailedEventAttributes: { } f } => f.Id == attributes.Id && f.Name == attributes.Name,
        _ => false,
    };

    private static bool SameType(ActivityType a, ActivityType b) => a.Name == b.Name && a.Version == b.Version;

    private static bool SameType(WorkflowType a, WorkflowType b) => a.Name == b.Name && a.Version == b.Version;
}
