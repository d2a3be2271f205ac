using Swf.LocalEngine.State;
using Swf.Model;

namespace Swf.LocalEngine;

public sealed partial class LocalSwfEngine
{
    /// <summary>
    /// SignalExternalWorkflowExecution: Initiated now; once the batch is recorded the target run gets
    /// WorkflowExecutionSignaled and this run ExternalWorkflowExecutionSignaled, or this run gets
    /// SignalExternalWorkflowExecutionFailed (UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION) when no such run is open.
    /// The signal is delivered even if this run closes in the same batch.
    /// </summary>
    private void SignalExternalWorkflowExecution(DecisionContext context, SignalExternalWorkflowExecutionDecisionAttributes attributes)
    {
        var source = context.Execution;
        var initiatedEventId = Append(source, EventType.SignalExternalWorkflowExecutionInitiated, e => e.SignalExternalWorkflowExecutionInitiatedEventAttributes = new()
        {
            WorkflowId = attributes.WorkflowId,
            RunId = attributes.RunId,
            SignalName = attributes.SignalName,
            Input = attributes.Input,
            DecisionTaskCompletedEventId = context.CompletedEventId,
            Control = attributes.Control,
        });
        var (workflowId, runId, signalName, input, control) = (attributes.WorkflowId, attributes.RunId, attributes.SignalName, attributes.Input, attributes.Control);
        FollowUpExternal(
            context,
            DecisionKind.SignalExternalWorkflowExecution,
            workflowId,
            runId,
            deliver: target =>
            {
                Append(target, EventType.WorkflowExecutionSignaled, e => e.WorkflowExecutionSignaledEventAttributes = new()
                {
                    SignalName = signalName,
                    Input = input,
                    ExternalWorkflowExecution = source.ToWorkflowExecution(),
                    ExternalInitiatedEventId = initiatedEventId,
                });
                NotifyDecider(target);
            },
            EventType.ExternalWorkflowExecutionSignaled,
            target => e => e.ExternalWorkflowExecutionSignaledEventAttributes = new()
            {
                WorkflowExecution = target.ToWorkflowExecution(),
                InitiatedEventId = initiatedEventId,
            },
            e => e.SignalExternalWorkflowExecutionFailedEventAttributes = new()
            {
                WorkflowId = workflowId,
                RunId = runId,
                Cause = SignalExternalWorkflowExecutionFailedCause.UnknownExternalWorkflowExecution,
                InitiatedEventId = initiatedEventId,
                DecisionTaskCompletedEventId = context.CompletedEventId,
                Control = control,
            });
    }

    /// <summary>RequestCancelExternalWorkflowExecution: like a signal, with WorkflowExecutionCancelRequested on the target.</summary>
    private void RequestCancelExternalWorkflowExecution(DecisionContext context, RequestCancelExternalWorkflowExecutionDecisionAttributes attributes)
    {
        var source = context.Execution;
        var initiatedEventId = Append(source, EventType.RequestCancelExternalWorkflowExecutionInitiated, e => e.RequestCancelExternalWorkflowExecutionInitiatedEventAttributes = new()
        {
            WorkflowId = attributes.WorkflowId,
            RunId = attributes.RunId,
            DecisionTaskCompletedEventId = context.CompletedEventId,
            Control = attributes.Control,
        });
        var (workflowId, runId, control) = (attributes.WorkflowId, attributes.RunId, attributes.Control);
        FollowUpExternal(
            context,
            DecisionKind.RequestCancelExternalWorkflowExecution,
            workflowId,
            runId,
            deliver: target => RecordCancelRequest(target, source.ToWorkflowExecution(), initiatedEventId, cause: null),
            EventType.ExternalWorkflowExecutionCancelRequested,
            target => e => e.ExternalWorkflowExecutionCancelRequestedEventAttributes = new()
            {
                WorkflowExecution = target.ToWorkflowExecution(),
                InitiatedEventId = initiatedEventId,
            },
            e => e.RequestCancelExternalWorkflowExecutionFailedEventAttributes = new()
            {
                WorkflowId = workflowId,
                RunId = runId,
                Cause = RequestCancelExternalWorkflowExecutionFailedCause.UnknownExternalWorkflowExecution,
                InitiatedEventId = initiatedEventId,
                DecisionTaskCompletedEventId = context.CompletedEventId,
                Control = control,
            });
    }

    /// <summary>
    /// Once the batch is recorded, delivers a request to the target's open run and tells the sender it
    /// was delivered, or tells the sender it failed (the decision kind's *Failed event); the sender
    /// hears back only while it is still open.
    /// </summary>
    private void FollowUpExternal(
        DecisionContext context,
        DecisionKind kind,
        string workflowId,
        string? runId,
        Action<ExecutionState> deliver,
        EventType delivered,
        Func<ExecutionState, Action<HistoryEvent>> deliveredAttributes,
        Action<HistoryEvent> failedAttributes)
    {
        var source = context.Execution;
        context.FollowUps.Add(() =>
        {
            var target = FindOpenExecution(source.Domain, workflowId, runId);
            if (target is not null)
            {
                deliver(target);
            }

            if (source.IsOpen)
            {
                Append(source, target is null ? kind.FailedAs : delivered, target is null ? failedAttributes : deliveredAttributes(target));
                NotifyDecider(source);
            }
        });
    }
}
