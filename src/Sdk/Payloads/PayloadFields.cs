using Swf.Model;

namespace Swf.Payloads;

/// <summary>
/// Knows which string fields of each history event and decision are payloads, and passes each through a
/// function: the payload pipeline's passes collect them, then write them back decoded or encoded. Implementing
/// the generated visitors makes a new event or decision type a compile error here rather than a silent gap.
/// </summary>
/// <remarks>
/// Payloads: input, result, details (failure, cancellation, termination, heartbeat and marker details) and the
/// execution context. Not payloads: reason and cause (short classifications SWF and the SDK read in clear) and
/// control (the decider's own routing data, which the SDK leaves readable).
/// </remarks>
internal sealed class PayloadFields : IHistoryEventVisitor<Func<string?, string?>, bool>, IDecisionVisitor<Func<string?, string?>, bool>
{
    /// <summary>Gets the one instance; the visitor has no state.</summary>
    public static PayloadFields Instance { get; } = new();


    /// <inheritdoc/>
    public bool WorkflowExecutionStarted(HistoryEvent historyEvent, WorkflowExecutionStartedEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Input = state(attributes.Input);
        return true;
    }

    /// <inheritdoc/>
    public bool WorkflowExecutionCancelRequested(HistoryEvent historyEvent, WorkflowExecutionCancelRequestedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool WorkflowExecutionCompleted(HistoryEvent historyEvent, WorkflowExecutionCompletedEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Result = state(attributes.Result);
        return true;
    }

    /// <inheritdoc/>
    public bool CompleteWorkflowExecutionFailed(HistoryEvent historyEvent, CompleteWorkflowExecutionFailedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool WorkflowExecutionFailed(HistoryEvent historyEvent, WorkflowExecutionFailedEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Details = state(attributes.Details);
        return true;
    }

    /// <inheritdoc/>
    public bool FailWorkflowExecutionFailed(HistoryEvent historyEvent, FailWorkflowExecutionFailedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool WorkflowExecutionTimedOut(HistoryEvent historyEvent, WorkflowExecutionTimedOutEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool WorkflowExecutionCanceled(HistoryEvent historyEvent, WorkflowExecutionCanceledEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Details = state(attributes.Details);
        return true;
    }

    /// <inheritdoc/>
    public bool CancelWorkflowExecutionFailed(HistoryEvent historyEvent, CancelWorkflowExecutionFailedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool WorkflowExecutionContinuedAsNew(HistoryEvent historyEvent, WorkflowExecutionContinuedAsNewEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Input = state(attributes.Input);
        return true;
    }

    /// <inheritdoc/>
    public bool ContinueAsNewWorkflowExecutionFailed(HistoryEvent historyEvent, ContinueAsNewWorkflowExecutionFailedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool WorkflowExecutionTerminated(HistoryEvent historyEvent, WorkflowExecutionTerminatedEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Details = state(attributes.Details);
        return true;
    }

    /// <inheritdoc/>
    public bool DecisionTaskScheduled(HistoryEvent historyEvent, DecisionTaskScheduledEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool DecisionTaskStarted(HistoryEvent historyEvent, DecisionTaskStartedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool DecisionTaskCompleted(HistoryEvent historyEvent, DecisionTaskCompletedEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.ExecutionContext = state(attributes.ExecutionContext);
        return true;
    }

    /// <inheritdoc/>
    public bool DecisionTaskTimedOut(HistoryEvent historyEvent, DecisionTaskTimedOutEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool ActivityTaskScheduled(HistoryEvent historyEvent, ActivityTaskScheduledEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Input = state(attributes.Input);
        return true;
    }

    /// <inheritdoc/>
    public bool ScheduleActivityTaskFailed(HistoryEvent historyEvent, ScheduleActivityTaskFailedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool ActivityTaskStarted(HistoryEvent historyEvent, ActivityTaskStartedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool ActivityTaskCompleted(HistoryEvent historyEvent, ActivityTaskCompletedEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Result = state(attributes.Result);
        return true;
    }

    /// <inheritdoc/>
    public bool ActivityTaskFailed(HistoryEvent historyEvent, ActivityTaskFailedEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Details = state(attributes.Details);
        return true;
    }

    /// <inheritdoc/>
    public bool ActivityTaskTimedOut(HistoryEvent historyEvent, ActivityTaskTimedOutEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Details = state(attributes.Details);
        return true;
    }

    /// <inheritdoc/>
    public bool ActivityTaskCanceled(HistoryEvent historyEvent, ActivityTaskCanceledEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Details = state(attributes.Details);
        return true;
    }

    /// <inheritdoc/>
    public bool ActivityTaskCancelRequested(HistoryEvent historyEvent, ActivityTaskCancelRequestedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool RequestCancelActivityTaskFailed(HistoryEvent historyEvent, RequestCancelActivityTaskFailedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool WorkflowExecutionSignaled(HistoryEvent historyEvent, WorkflowExecutionSignaledEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Input = state(attributes.Input);
        return true;
    }

    /// <inheritdoc/>
    public bool MarkerRecorded(HistoryEvent historyEvent, MarkerRecordedEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Details = state(attributes.Details);
        return true;
    }

    /// <inheritdoc/>
    public bool RecordMarkerFailed(HistoryEvent historyEvent, RecordMarkerFailedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool TimerStarted(HistoryEvent historyEvent, TimerStartedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool StartTimerFailed(HistoryEvent historyEvent, StartTimerFailedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool TimerFired(HistoryEvent historyEvent, TimerFiredEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool TimerCanceled(HistoryEvent historyEvent, TimerCanceledEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool CancelTimerFailed(HistoryEvent historyEvent, CancelTimerFailedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool StartChildWorkflowExecutionInitiated(HistoryEvent historyEvent, StartChildWorkflowExecutionInitiatedEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Input = state(attributes.Input);
        return true;
    }

    /// <inheritdoc/>
    public bool StartChildWorkflowExecutionFailed(HistoryEvent historyEvent, StartChildWorkflowExecutionFailedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool ChildWorkflowExecutionStarted(HistoryEvent historyEvent, ChildWorkflowExecutionStartedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool ChildWorkflowExecutionCompleted(HistoryEvent historyEvent, ChildWorkflowExecutionCompletedEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Result = state(attributes.Result);
        return true;
    }

    /// <inheritdoc/>
    public bool ChildWorkflowExecutionFailed(HistoryEvent historyEvent, ChildWorkflowExecutionFailedEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Details = state(attributes.Details);
        return true;
    }

    /// <inheritdoc/>
    public bool ChildWorkflowExecutionTimedOut(HistoryEvent historyEvent, ChildWorkflowExecutionTimedOutEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool ChildWorkflowExecutionCanceled(HistoryEvent historyEvent, ChildWorkflowExecutionCanceledEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Details = state(attributes.Details);
        return true;
    }

    /// <inheritdoc/>
    public bool ChildWorkflowExecutionTerminated(HistoryEvent historyEvent, ChildWorkflowExecutionTerminatedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool SignalExternalWorkflowExecutionInitiated(HistoryEvent historyEvent, SignalExternalWorkflowExecutionInitiatedEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Input = state(attributes.Input);
        return true;
    }

    /// <inheritdoc/>
    public bool SignalExternalWorkflowExecutionFailed(HistoryEvent historyEvent, SignalExternalWorkflowExecutionFailedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool ExternalWorkflowExecutionSignaled(HistoryEvent historyEvent, ExternalWorkflowExecutionSignaledEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool RequestCancelExternalWorkflowExecutionInitiated(HistoryEvent historyEvent, RequestCancelExternalWorkflowExecutionInitiatedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool RequestCancelExternalWorkflowExecutionFailed(HistoryEvent historyEvent, RequestCancelExternalWorkflowExecutionFailedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool ExternalWorkflowExecutionCancelRequested(HistoryEvent historyEvent, ExternalWorkflowExecutionCancelRequestedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool LambdaFunctionScheduled(HistoryEvent historyEvent, LambdaFunctionScheduledEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Input = state(attributes.Input);
        return true;
    }

    /// <inheritdoc/>
    public bool LambdaFunctionStarted(HistoryEvent historyEvent, LambdaFunctionStartedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool LambdaFunctionCompleted(HistoryEvent historyEvent, LambdaFunctionCompletedEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Result = state(attributes.Result);
        return true;
    }

    /// <inheritdoc/>
    public bool LambdaFunctionFailed(HistoryEvent historyEvent, LambdaFunctionFailedEventAttributes attributes, Func<string?, string?> state)
    {
        attributes.Details = state(attributes.Details);
        return true;
    }

    /// <inheritdoc/>
    public bool LambdaFunctionTimedOut(HistoryEvent historyEvent, LambdaFunctionTimedOutEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool ScheduleLambdaFunctionFailed(HistoryEvent historyEvent, ScheduleLambdaFunctionFailedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool StartLambdaFunctionFailed(HistoryEvent historyEvent, StartLambdaFunctionFailedEventAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool Unknown(HistoryEvent historyEvent, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool ScheduleActivityTask(ScheduleActivityTaskDecisionAttributes attributes, Func<string?, string?> state)
    {
        attributes.Input = state(attributes.Input);
        return true;
    }

    /// <inheritdoc/>
    public bool RequestCancelActivityTask(RequestCancelActivityTaskDecisionAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool CompleteWorkflowExecution(CompleteWorkflowExecutionDecisionAttributes attributes, Func<string?, string?> state)
    {
        attributes.Result = state(attributes.Result);
        return true;
    }

    /// <inheritdoc/>
    public bool FailWorkflowExecution(FailWorkflowExecutionDecisionAttributes attributes, Func<string?, string?> state)
    {
        attributes.Details = state(attributes.Details);
        return true;
    }

    /// <inheritdoc/>
    public bool CancelWorkflowExecution(CancelWorkflowExecutionDecisionAttributes attributes, Func<string?, string?> state)
    {
        attributes.Details = state(attributes.Details);
        return true;
    }

    /// <inheritdoc/>
    public bool ContinueAsNewWorkflowExecution(ContinueAsNewWorkflowExecutionDecisionAttributes attributes, Func<string?, string?> state)
    {
        attributes.Input = state(attributes.Input);
        return true;
    }

    /// <inheritdoc/>
    public bool RecordMarker(RecordMarkerDecisionAttributes attributes, Func<string?, string?> state)
    {
        attributes.Details = state(attributes.Details);
        return true;
    }

    /// <inheritdoc/>
    public bool StartTimer(StartTimerDecisionAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool CancelTimer(CancelTimerDecisionAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool SignalExternalWorkflowExecution(SignalExternalWorkflowExecutionDecisionAttributes attributes, Func<string?, string?> state)
    {
        attributes.Input = state(attributes.Input);
        return true;
    }

    /// <inheritdoc/>
    public bool RequestCancelExternalWorkflowExecution(RequestCancelExternalWorkflowExecutionDecisionAttributes attributes, Func<string?, string?> state) => false;

    /// <inheritdoc/>
    public bool StartChildWorkflowExecution(StartChildWorkflowExecutionDecisionAttributes attributes, Func<string?, string?> state)
    {
        attributes.Input = state(attributes.Input);
        return true;
    }

    /// <inheritdoc/>
    public bool ScheduleLambdaFunction(ScheduleLambdaFunctionDecisionAttributes attributes, Func<string?, string?> state)
    {
        attributes.Input = state(attributes.Input);
        return true;
    }
}
