using Swf.Model;

namespace Swf.Worker;

/// <summary>
/// A decision the workflow code made: sent with the decision task's answer, then matched against the
/// event SWF recorded for it (its "echo") when the history comes back.
/// </summary>
internal sealed class WorkflowCommand
{
    public WorkflowCommand(Decision decision, Action<HistoryEvent>? onRecorded = null)
    {
        Decision = decision;
        OnRecorded = onRecorded;
    }

    public Decision Decision { get; }

    /// <summary>Gets what to do when the echo event is seen (map ids, deliver a decision failure).</summary>
    public Action<HistoryEvent>? OnRecorded { get; }

    /// <summary>Gets or sets a value indicating whether the command was withdrawn before it was sent.</summary>
    public bool Withdrawn { get; set; }

    /// <summary>Tells whether a decision closes the run (and so must be the last of its answer).</summary>
    public static bool IsClosing(Decision decision) =>
        decision.DecisionType == DecisionType.CompleteWorkflowExecution
        || decision.DecisionType == DecisionType.FailWorkflowExecution
        || decision.DecisionType == DecisionType.CancelWorkflowExecution
        || decision.DecisionType == DecisionType.ContinueAsNewWorkflowExecution;

    /// <summary>Tells whether a history event records this decision (success or failure).</summary>
    public bool Matches(HistoryEvent e)
    {
        var d = Decision;
        var type = e.EventType;
        if (d.DecisionType == DecisionType.ScheduleActivityTask)
        {
            var a = d.ScheduleActivityTaskDecisionAttributes!;
            return (type == EventType.ActivityTaskScheduled
                    && e.ActivityTaskScheduledEventAttributes!.ActivityId == a.ActivityId
                    && SameType(e.ActivityTaskScheduledEventAttributes.ActivityType, a.ActivityType))
                || (type == EventType.ScheduleActivityTaskFailed
                    && e.ScheduleActivityTaskFailedEventAttributes!.ActivityId == a.ActivityId
                    && SameType(e.ScheduleActivityTaskFailedEventAttributes.ActivityType, a.ActivityType));
        }

        if (d.DecisionType == DecisionType.RequestCancelActivityTask)
        {
            var id = d.RequestCancelActivityTaskDecisionAttributes!.ActivityId;
            return (type == EventType.ActivityTaskCancelRequested && e.ActivityTaskCancelRequestedEventAttributes!.ActivityId == id)
                || (type == EventType.RequestCancelActivityTaskFailed && e.RequestCancelActivityTaskFailedEventAttributes!.ActivityId == id);
        }

        if (d.DecisionType == DecisionType.StartTimer)
        {
            var id = d.StartTimerDecisionAttributes!.TimerId;
            return (type == EventType.TimerStarted && e.TimerStartedEventAttributes!.TimerId == id)
                || (type == EventType.StartTimerFailed && e.StartTimerFailedEventAttributes!.TimerId == id);
        }

        if (d.DecisionType == DecisionType.CancelTimer)
        {
            var id = d.CancelTimerDecisionAttributes!.TimerId;
            return (type == EventType.TimerCanceled && e.TimerCanceledEventAttributes!.TimerId == id)
                || (type == EventType.CancelTimerFailed && e.CancelTimerFailedEventAttributes!.TimerId == id);
        }

        if (d.DecisionType == DecisionType.RecordMarker)
        {
            var a = d.RecordMarkerDecisionAttributes!;
            return (type == EventType.MarkerRecorded && e.MarkerRecordedEventAttributes!.MarkerName == a.MarkerName
                    && e.MarkerRecordedEventAttributes.Details == a.Details)
                || (type == EventType.RecordMarkerFailed && e.RecordMarkerFailedEventAttributes!.MarkerName == a.MarkerName);
        }

        if (d.DecisionType == DecisionType.StartChildWorkflowExecution)
        {
            var a = d.StartChildWorkflowExecutionDecisionAttributes!;
            return (type == EventType.StartChildWorkflowExecutionInitiated
                    && e.StartChildWorkflowExecutionInitiatedEventAttributes!.WorkflowId == a.WorkflowId
                    && SameType(e.StartChildWorkflowExecutionInitiatedEventAttributes.WorkflowType, a.WorkflowType))
                || (type == EventType.StartChildWorkflowExecutionFailed
                    && e.StartChildWorkflowExecutionFailedEventAttributes!.WorkflowId == a.WorkflowId);
        }

        if (d.DecisionType == DecisionType.SignalExternalWorkflowExecution)
        {
            var a = d.SignalExternalWorkflowExecutionDecisionAttributes!;
            return (type == EventType.SignalExternalWorkflowExecutionInitiated
                    && e.SignalExternalWorkflowExecutionInitiatedEventAttributes!.WorkflowId == a.WorkflowId
                    && e.SignalExternalWorkflowExecutionInitiatedEventAttributes.SignalName == a.SignalName)
                || (type == EventType.SignalExternalWorkflowExecutionFailed
                    && e.SignalExternalWorkflowExecutionFailedEventAttributes!.WorkflowId == a.WorkflowId);
        }

        if (d.DecisionType == DecisionType.RequestCancelExternalWorkflowExecution)
        {
            var a = d.RequestCancelExternalWorkflowExecutionDecisionAttributes!;
            return (type == EventType.RequestCancelExternalWorkflowExecutionInitiated
                    && e.RequestCancelExternalWorkflowExecutionInitiatedEventAttributes!.WorkflowId == a.WorkflowId)
                || (type == EventType.RequestCancelExternalWorkflowExecutionFailed
                    && e.RequestCancelExternalWorkflowExecutionFailedEventAttributes!.WorkflowId == a.WorkflowId);
        }

        if (d.DecisionType == DecisionType.CompleteWorkflowExecution)
        {
            return type == EventType.WorkflowExecutionCompleted || type == EventType.CompleteWorkflowExecutionFailed;
        }

        if (d.DecisionType == DecisionType.FailWorkflowExecution)
        {
            return type == EventType.WorkflowExecutionFailed || type == EventType.FailWorkflowExecutionFailed;
        }

        if (d.DecisionType == DecisionType.CancelWorkflowExecution)
        {
            return type == EventType.WorkflowExecutionCanceled || type == EventType.CancelWorkflowExecutionFailed;
        }

        if (d.DecisionType == DecisionType.ContinueAsNewWorkflowExecution)
        {
            return type == EventType.WorkflowExecutionContinuedAsNew || type == EventType.ContinueAsNewWorkflowExecutionFailed;
        }

        return false;
    }

    /// <summary>Describes the decision for error messages.</summary>
    public override string ToString()
    {
        var d = Decision;
        if (d.ScheduleActivityTaskDecisionAttributes is { } a)
        {
            return $"ScheduleActivityTask {a.ActivityType.Name} {a.ActivityType.Version} (activity id {a.ActivityId})";
        }

        if (d.RequestCancelActivityTaskDecisionAttributes is { } rc)
        {
            return $"RequestCancelActivityTask (activity id {rc.ActivityId})";
        }

        if (d.StartTimerDecisionAttributes is { } st)
        {
            return $"StartTimer (timer id {st.TimerId}, {st.StartToFireTimeout} s)";
        }

        if (d.CancelTimerDecisionAttributes is { } ct)
        {
            return $"CancelTimer (timer id {ct.TimerId})";
        }

        if (d.RecordMarkerDecisionAttributes is { } m)
        {
            return $"RecordMarker {m.MarkerName}";
        }

        if (d.StartChildWorkflowExecutionDecisionAttributes is { } c)
        {
            return $"StartChildWorkflowExecution {c.WorkflowType.Name} {c.WorkflowType.Version} (workflow id {c.WorkflowId})";
        }

        if (d.SignalExternalWorkflowExecutionDecisionAttributes is { } s)
        {
            return $"SignalExternalWorkflowExecution {s.SignalName} (workflow id {s.WorkflowId})";
        }

        if (d.RequestCancelExternalWorkflowExecutionDecisionAttributes is { } x)
        {
            return $"RequestCancelExternalWorkflowExecution (workflow id {x.WorkflowId})";
        }

        return d.DecisionType.Value;
    }

    private static bool SameType(ActivityType a, ActivityType b) => a.Name == b.Name && a.Version == b.Version;

    private static bool SameType(WorkflowType a, WorkflowType b) => a.Name == b.Name && a.Version == b.Version;
}
