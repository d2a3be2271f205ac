using System.Globalization;
using Swf.Exceptions;
using Swf.LocalEngine.State;
using Swf.LocalEngine.Wire;
using Swf.Model;
using Swf.Validation;

namespace Swf.LocalEngine;

public sealed partial class LocalSwfEngine
{
    /// <inheritdoc/>
    public Task<RespondDecisionTaskCompletedResponse> RespondDecisionTaskCompletedAsync(RespondDecisionTaskCompletedRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, Validate, () =>
        {
            if (!_decisionTokens.TryGetValue(request.TaskToken, out var task) || task.Phase != DecisionTaskPhase.Started || !task.Execution.IsOpen)
            {
                throw new UnknownResourceException("Unknown decision task: the task token is unknown, or its task has completed or timed out, or its execution has closed.");
            }

            var execution = task.Execution;

            // Read before anything is recorded: only events that arrived while the decider worked make a close "unhandled".
            var unhandled = execution.EventsSinceDecisionTaskStarted;
            var completedEventId = Append(execution, EventType.DecisionTaskCompleted, e => e.DecisionTaskCompletedEventAttributes = new()
            {
                ExecutionContext = request.ExecutionContext,
                ScheduledEventId = task.ScheduledEventId,
                StartedEventId = task.StartedEventId,
                TaskList = request.TaskList is null ? null : new TaskList { Name = request.TaskList.Name },
                TaskListScheduleToStartTimeout = request.TaskListScheduleToStartTimeout,
            });

            // Without a schedule-to-start timeout a task list override is permanent; with one it lasts until a task on it is not picked up in time.
            execution.CompleteDecisionTask(
                task,
                request.ExecutionContext,
                request.TaskList?.Name,
                request.TaskList is null || string.IsNullOrEmpty(request.TaskListScheduleToStartTimeout) ? null : Durations.Parse(request.TaskListScheduleToStartTimeout));
            FinishDecisionTask(task);

            // While decisions are applied, events that need a decider only mark the run; one task follows the whole batch.
            execution.BeginDecisionBatch(needsDecision: unhandled);
            var followUps = new List<Action>();
            var context = new DecisionContext(execution, completedEventId, unhandled, followUps);
            foreach (var decision in request.Decisions ?? [])
            {
                ApplyDecision(context, decision);
                if (!execution.IsOpen)
                {
                    break;
                }
            }

            execution.EndDecisionBatch();

            // Starting children and delivering signals and cancel requests happen after the batch is recorded, as in SWF.
            foreach (var followUp in followUps)
            {
                followUp();
            }

            if (execution.TakeNeedsDecisionAfterBatch() && execution.IsOpen && execution.DecisionTask is null)
            {
                ScheduleDecisionTask(execution);
            }

            return new RespondDecisionTaskCompletedResponse();
        });

    private void ApplyDecision(DecisionContext context, Decision decision)
    {
        switch (decision.DecisionType.Value)
        {
            case "ScheduleActivityTask":
                ScheduleActivityTask(context, decision.ScheduleActivityTaskDecisionAttributes!);
                break;
            case "RequestCancelActivityTask":
                RequestCancelActivityTask(context, decision.RequestCancelActivityTaskDecisionAttributes!);
                break;
            case "CompleteWorkflowExecution":
                CompleteWorkflowExecution(context, decision.CompleteWorkflowExecutionDecisionAttributes);
                break;
            case "FailWorkflowExecution":
                FailWorkflowExecution(context, decision.FailWorkflowExecutionDecisionAttributes);
                break;
            case "CancelWorkflowExecution":
                CancelWorkflowExecution(context, decision.CancelWorkflowExecutionDecisionAttributes);
                break;
            case "ContinueAsNewWorkflowExecution":
                ContinueAsNewWorkflowExecution(context, decision.ContinueAsNewWorkflowExecutionDecisionAttributes ?? new());
                break;
            case "RecordMarker":
                RecordMarker(context, decision.RecordMarkerDecisionAttributes!);
                break;
            case "StartTimer":
                StartTimer(context, decision.StartTimerDecisionAttributes!);
                break;
            case "CancelTimer":
                CancelTimer(context, decision.CancelTimerDecisionAttributes!);
                break;
            case "SignalExternalWorkflowExecution":
                SignalExternalWorkflowExecution(context, decision.SignalExternalWorkflowExecutionDecisionAttributes!);
                break;
            case "RequestCancelExternalWorkflowExecution":
                RequestCancelExternalWorkflowExecution(context, decision.RequestCancelExternalWorkflowExecutionDecisionAttributes!);
                break;
            case "StartChildWorkflowExecution":
                StartChildWorkflowExecution(context, decision.StartChildWorkflowExecutionDecisionAttributes!);
                break;
            case "ScheduleLambdaFunction":
                ScheduleLambdaFunction(context, decision.ScheduleLambdaFunctionDecisionAttributes!);
                break;
            default:
                throw new InvalidOperationException($"Engine bug: decision type {decision.DecisionType} passed validation.");
        }
    }

    /// <summary>Records a decision's *Failed event; every such event asks for a new decision task.</summary>
    private void RecordDecisionFailure(DecisionContext context, EventType type, Action<HistoryEvent> setAttributes)
    {
        Append(context.Execution, type, setAttributes);
        NotifyDecider(context.Execution);
    }

    private void CompleteWorkflowExecution(DecisionContext context, CompleteWorkflowExecutionDecisionAttributes? attributes)
    {
        if (context.Unhandled)
        {
            RecordDecisionFailure(context, EventType.CompleteWorkflowExecutionFailed, e => e.CompleteWorkflowExecutionFailedEventAttributes = new()
            {
                Cause = CompleteWorkflowExecutionFailedCause.UnhandledDecision,
                DecisionTaskCompletedEventId = context.CompletedEventId,
            });
            return;
        }

        CloseRun(
            context.Execution,
            EventType.WorkflowExecutionCompleted,
            e => e.WorkflowExecutionCompletedEventAttributes = new() { Result = attributes?.Result, DecisionTaskCompletedEventId = context.CompletedEventId },
            CloseStatus.Completed,
            context.Execution.Settings.ChildPolicy);
    }

    private void FailWorkflowExecution(DecisionContext context, FailWorkflowExecutionDecisionAttributes? attributes)
    {
        if (context.Unhandled)
        {
            RecordDecisionFailure(context, EventType.FailWorkflowExecutionFailed, e => e.FailWorkflowExecutionFailedEventAttributes = new()
            {
                Cause = FailWorkflowExecutionFailedCause.UnhandledDecision,
                DecisionTaskCompletedEventId = context.CompletedEventId,
            });
            return;
        }

        CloseRun(
            context.Execution,
            EventType.WorkflowExecutionFailed,
            e => e.WorkflowExecutionFailedEventAttributes = new()
            {
                Reason = attributes?.Reason,
                Details = attributes?.Details,
                DecisionTaskCompletedEventId = context.CompletedEventId,
            },
            CloseStatus.Failed,
            context.Execution.Settings.ChildPolicy);
    }

    private void CancelWorkflowExecution(DecisionContext context, CancelWorkflowExecutionDecisionAttributes? attributes)
    {
        if (context.Unhandled)
        {
            RecordDecisionFailure(context, EventType.CancelWorkflowExecutionFailed, e => e.CancelWorkflowExecutionFailedEventAttributes = new()
            {
                Cause = CancelWorkflowExecutionFailedCause.UnhandledDecision,
                DecisionTaskCompletedEventId = context.CompletedEventId,
            });
            return;
        }

        CloseRun(
            context.Execution,
            EventType.WorkflowExecutionCanceled,
            e => e.WorkflowExecutionCanceledEventAttributes = new() { Details = attributes?.Details, DecisionTaskCompletedEventId = context.CompletedEventId },
            CloseStatus.Canceled,
            context.Execution.Settings.ChildPolicy);
    }

    private void RecordMarker(DecisionContext context, RecordMarkerDecisionAttributes attributes) =>
        Append(context.Execution, EventType.MarkerRecorded, e => e.MarkerRecordedEventAttributes = new()
        {
            MarkerName = attributes.MarkerName,
            Details = attributes.Details,
            DecisionTaskCompletedEventId = context.CompletedEventId,
        });

    /// <summary>
    /// There is no Lambda service behind this engine, so ScheduleLambdaFunction always fails with
    /// LAMBDA_SERVICE_NOT_AVAILABLE_IN_REGION: the documented cause for a region without SWF's Lambda
    /// integration, which is what this engine is. No LambdaFunctionScheduled event is recorded.
    /// </summary>
    private void ScheduleLambdaFunction(DecisionContext context, ScheduleLambdaFunctionDecisionAttributes attributes) =>
        RecordDecisionFailure(context, EventType.ScheduleLambdaFunctionFailed, e => e.ScheduleLambdaFunctionFailedEventAttributes = new()
        {
            Id = attributes.Id,
            Name = attributes.Name,
            Cause = ScheduleLambdaFunctionFailedCause.LambdaServiceNotAvailableInRegion,
            DecisionTaskCompletedEventId = context.CompletedEventId,
        });

    /// <summary>Checks a decision task's answer: the model's constraints, then what they cannot express about the decisions.</summary>
    private static void Validate(RespondDecisionTaskCompletedRequest request)
    {
        SwfRequestValidator.ThrowIfInvalid(request);
        RejectMalformedDecisions(request.Decisions ?? []);
    }

    /// <summary>
    /// Checks what the model's validator cannot: each decision carries the attributes its type
    /// requires, its type is known, at most one closing decision is present and it is last, and no
    /// timer asks for NONE. Any violation rejects the whole call before anything is recorded.
    /// </summary>
    private static void RejectMalformedDecisions(List<Decision> decisions)
    {
        for (var i = 0; i < decisions.Count; i++)
        {
            var decision = decisions[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"decisions.{i + 1}.member");
            object? attributes;
            string member;
            switch (decision.DecisionType.Value)
            {
                case "ScheduleActivityTask": (attributes, member) = (decision.ScheduleActivityTaskDecisionAttributes, "scheduleActivityTaskDecisionAttributes"); break;
                case "RequestCancelActivityTask": (attributes, member) = (decision.RequestCancelActivityTaskDecisionAttributes, "requestCancelActivityTaskDecisionAttributes"); break;
                case "RecordMarker": (attributes, member) = (decision.RecordMarkerDecisionAttributes, "recordMarkerDecisionAttributes"); break;
                case "StartTimer": (attributes, member) = (decision.StartTimerDecisionAttributes, "startTimerDecisionAttributes"); break;
                case "CancelTimer": (attributes, member) = (decision.CancelTimerDecisionAttributes, "cancelTimerDecisionAttributes"); break;
                case "SignalExternalWorkflowExecution": (attributes, member) = (decision.SignalExternalWorkflowExecutionDecisionAttributes, "signalExternalWorkflowExecutionDecisionAttributes"); break;
                case "RequestCancelExternalWorkflowExecution": (attributes, member) = (decision.RequestCancelExternalWorkflowExecutionDecisionAttributes, "requestCancelExternalWorkflowExecutionDecisionAttributes"); break;
                case "StartChildWorkflowExecution": (attributes, member) = (decision.StartChildWorkflowExecutionDecisionAttributes, "startChildWorkflowExecutionDecisionAttributes"); break;
                case "ScheduleLambdaFunction": (attributes, member) = (decision.ScheduleLambdaFunctionDecisionAttributes, "scheduleLambdaFunctionDecisionAttributes"); break;
                case "CompleteWorkflowExecution" or "FailWorkflowExecution" or "CancelWorkflowExecution" or "ContinueAsNewWorkflowExecution":
                    // Every attribute of a closing decision is optional, so the attributes may be absent.
                    (attributes, member) = (true, string.Empty);
                    if (i != decisions.Count - 1)
                    {
                        throw new ValidationException(
                            $"1 validation error detected: Value at '{path}.decisionType' failed to satisfy constraint: the closing decision {decision.DecisionType} must be the last decision in the list (it is decision {i + 1} of {decisions.Count}); no decision was applied");
                    }

                    break;
                default:
                    throw new ValidationException(
                        $"1 validation error detected: Value '{decision.DecisionType}' at '{path}.decisionType' failed to satisfy constraint: Member must satisfy enum value set");
            }

            if (attributes is null)
            {
                throw new ValidationException($"1 validation error detected: Value null at '{path}.{member}' failed to satisfy constraint: Member must not be null");
            }

            RejectNone(decision.StartTimerDecisionAttributes?.StartToFireTimeout, path + ".startTimerDecisionAttributes.startToFireTimeout");
            RejectNone(decision.StartChildWorkflowExecutionDecisionAttributes?.ExecutionStartToCloseTimeout, path + ".startChildWorkflowExecutionDecisionAttributes.executionStartToCloseTimeout");
            RejectNone(decision.ContinueAsNewWorkflowExecutionDecisionAttributes?.ExecutionStartToCloseTimeout, path + ".continueAsNewWorkflowExecutionDecisionAttributes.executionStartToCloseTimeout");
        }
    }

    /// <summary>What a decision needs to know about the batch it is applied in.</summary>
    /// <param name="Execution">The run.</param>
    /// <param name="CompletedEventId">The DecisionTaskCompleted event's id, which every decision's event refers to.</param>
    /// <param name="Unhandled">Whether events arrived after the task started, which makes a closing decision fail.</param>
    /// <param name="FollowUps">Work to run once the batch is recorded.</param>
    private sealed record DecisionContext(ExecutionState Execution, long CompletedEventId, bool Unhandled, List<Action> FollowUps);

}
