using Swf.Exceptions;
using Swf.Model;
using EventDelivery = Swf.Model.IHistoryEventVisitor<object?, bool>;

namespace Swf.Worker;

/// <content>
/// Delivering history events to the code: one method per event type, so an event type the API adds is a
/// compile error here. Each returns whether the event changed state the code can observe.
/// </content>
internal sealed partial class WorkflowInstance : EventDelivery
{
    /// <summary>Delivers a result, failure, timer firing, signal or cancel request to what the code waits on.</summary>
    private void Deliver(HistoryEvent e) => e.Accept<object?, bool>(this, null);

    bool EventDelivery.WorkflowExecutionStarted(HistoryEvent e, WorkflowExecutionStartedEventAttributes a, object? state)
    {
        OnStarted(e, a);
        return true;
    }

    bool EventDelivery.WorkflowExecutionCancelRequested(HistoryEvent e, WorkflowExecutionCancelRequestedEventAttributes a, object? state)
    {
        _cancellation.Cancel();
        return true;
    }

    bool EventDelivery.WorkflowExecutionTimedOut(HistoryEvent e, WorkflowExecutionTimedOutEventAttributes a, object? state)
    {
        IsClosed = true;
        return true;
    }

    bool EventDelivery.WorkflowExecutionTerminated(HistoryEvent e, WorkflowExecutionTerminatedEventAttributes a, object? state)
    {
        IsClosed = true;
        return true;
    }

    bool EventDelivery.ActivityTaskCompleted(HistoryEvent e, ActivityTaskCompletedEventAttributes a, object? state)
    {
        ActivityByScheduledId(a.ScheduledEventId)?.Complete(a.Result);
        return true;
    }

    bool EventDelivery.ActivityTaskFailed(HistoryEvent e, ActivityTaskFailedEventAttributes a, object? state)
    {
        ActivityByScheduledId(a.ScheduledEventId)?.Fail(s => new ActivityFailedException(s.ActivityType, s.ActivityId, a.Reason, a.Details));
        return true;
    }

    bool EventDelivery.ActivityTaskTimedOut(HistoryEvent e, ActivityTaskTimedOutEventAttributes a, object? state)
    {
        ActivityByScheduledId(a.ScheduledEventId)?.Fail(s => new ActivityTimedOutException(s.ActivityType, s.ActivityId, a.TimeoutType, a.Details));
        return true;
    }

    bool EventDelivery.ActivityTaskCanceled(HistoryEvent e, ActivityTaskCanceledEventAttributes a, object? state)
    {
        ActivityByScheduledId(a.ScheduledEventId)?.Fail(s => new ActivityCanceledException(s.ActivityType, s.ActivityId, a.Details, s.CancelRequested ? s.Token : default));
        return true;
    }

    bool EventDelivery.WorkflowExecutionSignaled(HistoryEvent e, WorkflowExecutionSignaledEventAttributes a, object? state)
    {
        OnSignaled(a);
        return true;
    }

    bool EventDelivery.TimerFired(HistoryEvent e, TimerFiredEventAttributes a, object? state)
    {
        FireTimer(a.TimerId);
        return true;
    }

    bool EventDelivery.StartChildWorkflowExecutionFailed(HistoryEvent e, StartChildWorkflowExecutionFailedEventAttributes a, object? state)
    {
        FailChild(a.InitiatedEventId, e.EventType, a.Cause.Value, null);
        return true;
    }

    bool EventDelivery.ChildWorkflowExecutionStarted(HistoryEvent e, ChildWorkflowExecutionStartedEventAttributes a, object? state)
    {
        OnChildStarted(a.InitiatedEventId, a.WorkflowExecution.RunId);
        return true;
    }

    bool EventDelivery.ChildWorkflowExecutionCompleted(HistoryEvent e, ChildWorkflowExecutionCompletedEventAttributes a, object? state)
    {
        CompleteChild(a.InitiatedEventId, c => c.Result.TrySetResult(a.Result));
        return true;
    }

    bool EventDelivery.ChildWorkflowExecutionFailed(HistoryEvent e, ChildWorkflowExecutionFailedEventAttributes a, object? state)
    {
        FailChild(a.InitiatedEventId, e.EventType, a.Reason, a.Details);
        return true;
    }

    bool EventDelivery.ChildWorkflowExecutionTimedOut(HistoryEvent e, ChildWorkflowExecutionTimedOutEventAttributes a, object? state)
    {
        FailChild(a.InitiatedEventId, e.EventType, a.TimeoutType.Value, null);
        return true;
    }

    bool EventDelivery.ChildWorkflowExecutionCanceled(HistoryEvent e, ChildWorkflowExecutionCanceledEventAttributes a, object? state)
    {
        CancelChildCompleted(a.InitiatedEventId, a.Details);
        return true;
    }

    bool EventDelivery.ChildWorkflowExecutionTerminated(HistoryEvent e, ChildWorkflowExecutionTerminatedEventAttributes a, object? state)
    {
        FailChild(a.InitiatedEventId, e.EventType, null, null);
        return true;
    }

    bool EventDelivery.SignalExternalWorkflowExecutionFailed(HistoryEvent e, SignalExternalWorkflowExecutionFailedEventAttributes a, object? state)
    {
        CompleteExternal(a.InitiatedEventId, new ExternalWorkflowException(a.WorkflowId, a.Cause.Value));
        return true;
    }

    bool EventDelivery.ExternalWorkflowExecutionSignaled(HistoryEvent e, ExternalWorkflowExecutionSignaledEventAttributes a, object? state)
    {
        CompleteExternal(a.InitiatedEventId, null);
        return true;
    }

    bool EventDelivery.RequestCancelExternalWorkflowExecutionFailed(HistoryEvent e, RequestCancelExternalWorkflowExecutionFailedEventAttributes a, object? state)
    {
        CompleteExternal(a.InitiatedEventId, new ExternalWorkflowException(a.WorkflowId, a.Cause.Value));
        return true;
    }

    bool EventDelivery.ExternalWorkflowExecutionCancelRequested(HistoryEvent e, ExternalWorkflowExecutionCancelRequestedEventAttributes a, object? state)
    {
        CompleteExternal(a.InitiatedEventId, null);
        return true;
    }

    // only the worker's pick-up; the code waits for the outcome.
    bool EventDelivery.ActivityTaskStarted(HistoryEvent e, ActivityTaskStartedEventAttributes a, object? state) => false;

    // Lambda tasks are not part of the workflow API yet.
    bool EventDelivery.LambdaFunctionStarted(HistoryEvent e, LambdaFunctionStartedEventAttributes a, object? state) => false;

    // Lambda tasks are not part of the workflow API yet.
    bool EventDelivery.LambdaFunctionCompleted(HistoryEvent e, LambdaFunctionCompletedEventAttributes a, object? state) => false;

    // Lambda tasks are not part of the workflow API yet.
    bool EventDelivery.LambdaFunctionFailed(HistoryEvent e, LambdaFunctionFailedEventAttributes a, object? state) => false;

    // Lambda tasks are not part of the workflow API yet.
    bool EventDelivery.LambdaFunctionTimedOut(HistoryEvent e, LambdaFunctionTimedOutEventAttributes a, object? state) => false;

    // Lambda tasks are not part of the workflow API yet.
    bool EventDelivery.StartLambdaFunctionFailed(HistoryEvent e, StartLambdaFunctionFailedEventAttributes a, object? state) => false;

    // Decision tasks and the records of decisions are applied before delivery (Apply, ApplyRecordedDecision).
    bool EventDelivery.WorkflowExecutionCompleted(HistoryEvent e, WorkflowExecutionCompletedEventAttributes a, object? state) => false;

    bool EventDelivery.CompleteWorkflowExecutionFailed(HistoryEvent e, CompleteWorkflowExecutionFailedEventAttributes a, object? state) => false;

    bool EventDelivery.WorkflowExecutionFailed(HistoryEvent e, WorkflowExecutionFailedEventAttributes a, object? state) => false;

    bool EventDelivery.FailWorkflowExecutionFailed(HistoryEvent e, FailWorkflowExecutionFailedEventAttributes a, object? state) => false;

    bool EventDelivery.WorkflowExecutionCanceled(HistoryEvent e, WorkflowExecutionCanceledEventAttributes a, object? state) => false;

    bool EventDelivery.CancelWorkflowExecutionFailed(HistoryEvent e, CancelWorkflowExecutionFailedEventAttributes a, object? state) => false;

    bool EventDelivery.WorkflowExecutionContinuedAsNew(HistoryEvent e, WorkflowExecutionContinuedAsNewEventAttributes a, object? state) => false;

    bool EventDelivery.ContinueAsNewWorkflowExecutionFailed(HistoryEvent e, ContinueAsNewWorkflowExecutionFailedEventAttributes a, object? state) => false;

    bool EventDelivery.DecisionTaskScheduled(HistoryEvent e, DecisionTaskScheduledEventAttributes a, object? state) => false;

    bool EventDelivery.DecisionTaskStarted(HistoryEvent e, DecisionTaskStartedEventAttributes a, object? state) => false;

    bool EventDelivery.DecisionTaskCompleted(HistoryEvent e, DecisionTaskCompletedEventAttributes a, object? state) => false;

    bool EventDelivery.DecisionTaskTimedOut(HistoryEvent e, DecisionTaskTimedOutEventAttributes a, object? state) => false;

    bool EventDelivery.ActivityTaskScheduled(HistoryEvent e, ActivityTaskScheduledEventAttributes a, object? state) => false;

    bool EventDelivery.ScheduleActivityTaskFailed(HistoryEvent e, ScheduleActivityTaskFailedEventAttributes a, object? state) => false;

    bool EventDelivery.ActivityTaskCancelRequested(HistoryEvent e, ActivityTaskCancelRequestedEventAttributes a, object? state) => false;

    bool EventDelivery.RequestCancelActivityTaskFailed(HistoryEvent e, RequestCancelActivityTaskFailedEventAttributes a, object? state) => false;

    bool EventDelivery.MarkerRecorded(HistoryEvent e, MarkerRecordedEventAttributes a, object? state) => false;

    bool EventDelivery.RecordMarkerFailed(HistoryEvent e, RecordMarkerFailedEventAttributes a, object? state) => false;

    bool EventDelivery.TimerStarted(HistoryEvent e, TimerStartedEventAttributes a, object? state) => false;

    bool EventDelivery.StartTimerFailed(HistoryEvent e, StartTimerFailedEventAttributes a, object? state) => false;

    bool EventDelivery.TimerCanceled(HistoryEvent e, TimerCanceledEventAttributes a, object? state) => false;

    bool EventDelivery.CancelTimerFailed(HistoryEvent e, CancelTimerFailedEventAttributes a, object? state) => false;

    bool EventDelivery.StartChildWorkflowExecutionInitiated(HistoryEvent e, StartChildWorkflowExecutionInitiatedEventAttributes a, object? state) => false;

    bool EventDelivery.SignalExternalWorkflowExecutionInitiated(HistoryEvent e, SignalExternalWorkflowExecutionInitiatedEventAttributes a, object? state) => false;

    bool EventDelivery.RequestCancelExternalWorkflowExecutionInitiated(HistoryEvent e, RequestCancelExternalWorkflowExecutionInitiatedEventAttributes a, object? state) => false;

    bool EventDelivery.LambdaFunctionScheduled(HistoryEvent e, LambdaFunctionScheduledEventAttributes a, object? state) => false;

    bool EventDelivery.ScheduleLambdaFunctionFailed(HistoryEvent e, ScheduleLambdaFunctionFailedEventAttributes a, object? state) => false;

    // An event type newer than this SDK: nothing in the code waits on it.
    bool EventDelivery.Unknown(HistoryEvent e, object? state) => false;
}
