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
            var overrideScheduleToStart = request.TaskList is null || request.TaskListScheduleToStartTimeout is null ? null : Durations.Parse(request.TaskListScheduleToStartTimeout);
            var completedEventId = Append(execution, EventType.DecisionTaskCompleted, e => e.DecisionTaskCompletedEventAttributes = new()
            {
                ExecutionContext = request.ExecutionContext,
                ScheduledEventId = task.ScheduledEventId,
                StartedEventId = task.StartedEventId,
                TaskList = request.TaskList is null ? null : new TaskList { Name = request.TaskList.Name },
                TaskListScheduleToStartTimeout = request.TaskListScheduleToStartTimeout,
            });

            // Without a schedule-to-start timeout a task list override is permanent; with one it lasts until a task on it is not picked up in time.
            execution.CompleteDecisionTask(task, request.ExecutionContext, request.TaskList?.Name, overrideScheduleToStart);
            FinishDecisionTask(task);

            // While decisions are applied, events that need a decider only mark the run; one task follows the whole batch.
            execution.BeginDecisionBatch(needsDecision: unhandled);
            var followUps = new List<Action>();
            var context = new DecisionContext(execution, completedEventId, unhandled, followUps);
            var applier = new DecisionApplier(this);
            var decisions = request.Decisions ?? [];
            for (var i = 0; i < decisions.Count; i++)
            {
                var decision = decisions[i];
                Step(string.Create(CultureInfo.InvariantCulture, $"decision:{i + 1}:{decision.DecisionType.Value}"));
                if (!decision.Accept(applier, context))
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

    /// <summary>Records a decision's *Failed event (the kind's <see cref="DecisionKind.FailedAs"/>); every such event asks for a new decision task.</summary>
    private void RecordDecisionFailure(DecisionContext context, DecisionKind kind, Action<HistoryEvent> setAttributes)
    {
        Append(context.Execution, kind.FailedAs, setAttributes);
        NotifyDecider(context.Execution);
    }

    /// <summary>
    /// A decision that closes the run as completed, failed or canceled. When events arrived while the
    /// decider worked, SWF refuses it (the kind's *Failed event, cause UNHANDLED_DECISION) so that the
    /// decider sees them first; else the run closes with the kind's event.
    /// </summary>
    private void CloseByDecision(DecisionContext context, DecisionKind kind, Action<HistoryEvent> setRefused, Action<HistoryEvent> setClosed, CloseStatus status)
    {
        if (context.Unhandled)
        {
            RecordDecisionFailure(context, kind, setRefused);
            return;
        }

        CloseRun(context.Execution, kind.RecordedAs, setClosed, status, context.Execution.Settings.ChildPolicy);
    }

    private void CompleteWorkflowExecution(DecisionContext context, CompleteWorkflowExecutionDecisionAttributes attributes) =>
        CloseByDecision(
            context,
            DecisionKind.CompleteWorkflowExecution,
            e => e.CompleteWorkflowExecutionFailedEventAttributes = new()
            {
                Cause = CompleteWorkflowExecutionFailedCause.UnhandledDecision,
                DecisionTaskCompletedEventId = context.CompletedEventId,
            },
            e => e.WorkflowExecutionCompletedEventAttributes = new() { Result = attributes.Result, DecisionTaskCompletedEventId = context.CompletedEventId },
            CloseStatus.Completed);

    private void FailWorkflowExecution(DecisionContext context, FailWorkflowExecutionDecisionAttributes attributes) =>
        CloseByDecision(
            context,
            DecisionKind.FailWorkflowExecution,
            e => e.FailWorkflowExecutionFailedEventAttributes = new()
            {
                Cause = FailWorkflowExecutionFailedCause.UnhandledDecision,
                DecisionTaskCompletedEventId = context.CompletedEventId,
            },
            e => e.WorkflowExecutionFailedEventAttributes = new()
            {
                Reason = attributes.Reason,
                Details = attributes.Details,
                DecisionTaskCompletedEventId = context.CompletedEventId,
            },
            CloseStatus.Failed);

    private void CancelWorkflowExecution(DecisionContext context, CancelWorkflowExecutionDecisionAttributes attributes) =>
        CloseByDecision(
            context,
            DecisionKind.CancelWorkflowExecution,
            e => e.CancelWorkflowExecutionFailedEventAttributes = new()
            {
                Cause = CancelWorkflowExecutionFailedCause.UnhandledDecision,
                DecisionTaskCompletedEventId = context.CompletedEventId,
            },
            e => e.WorkflowExecutionCanceledEventAttributes = new() { Details = attributes.Details, DecisionTaskCompletedEventId = context.CompletedEventId },
            CloseStatus.Canceled);

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
        RecordDecisionFailure(context, DecisionKind.ScheduleLambdaFunction, e => e.ScheduleLambdaFunctionFailedEventAttributes = new()
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
            var kind = DecisionKind.Find(decision.DecisionType)
                ?? throw new ValidationException(
                    $"1 validation error detected: Value '{decision.DecisionType}' at '{path}.decisionType' failed to satisfy constraint: Member must satisfy enum value set");
            if (kind.ClosesRun && i != decisions.Count - 1)
            {
                throw new ValidationException(
                    $"1 validation error detected: Value at '{path}.decisionType' failed to satisfy constraint: the closing decision {decision.DecisionType} must be the last decision in the list (it is decision {i + 1} of {decisions.Count}); no decision was applied");
            }

            // Every attribute of a closing decision is optional, so its attributes may be absent; the others' may not.
            if (kind.AttributesRequired && kind.AttributesOf(decision) is null)
            {
                throw new ValidationException($"1 validation error detected: Value null at '{path}.{kind.AttributesMember}' failed to satisfy constraint: Member must not be null");
            }

            RejectNone(decision.StartTimerDecisionAttributes?.StartToFireTimeout, $"{path}.{DecisionKind.StartTimer.AttributesMember}.startToFireTimeout");
            RejectNone(decision.StartChildWorkflowExecutionDecisionAttributes?.ExecutionStartToCloseTimeout, $"{path}.{DecisionKind.StartChildWorkflowExecution.AttributesMember}.executionStartToCloseTimeout");
            RejectNone(decision.ContinueAsNewWorkflowExecutionDecisionAttributes?.ExecutionStartToCloseTimeout, $"{path}.{DecisionKind.ContinueAsNewWorkflowExecution.AttributesMember}.executionStartToCloseTimeout");
        }
    }

    /// <summary>What a decision needs to know about the batch it is applied in.</summary>
    /// <param name="Execution">The run.</param>
    /// <param name="CompletedEventId">The DecisionTaskCompleted event's id, which every decision's event refers to.</param>
    /// <param name="Unhandled">Whether events arrived after the task started, which makes a closing decision fail.</param>
    /// <param name="FollowUps">Work to run once the batch is recorded.</param>
    private sealed record DecisionContext(ExecutionState Execution, long CompletedEventId, bool Unhandled, List<Action> FollowUps);

    /// <summary>
    /// Applies each decision type with the engine's method for it. It implements the generated
    /// visitor, so a decision type added to the API is a compile error here, not a silent default.
    /// Each method returns whether the batch goes on: the decisions after one that closed the run are
    /// not applied.
    /// </summary>
    private sealed class DecisionApplier(LocalSwfEngine engine) : IDecisionVisitor<DecisionContext, bool>
    {
        public bool ScheduleActivityTask(ScheduleActivityTaskDecisionAttributes attributes, DecisionContext state)
        {
            engine.ScheduleActivityTask(state, attributes);
            return state.Execution.IsOpen;
        }

        public bool RequestCancelActivityTask(RequestCancelActivityTaskDecisionAttributes attributes, DecisionContext state)
        {
            engine.RequestCancelActivityTask(state, attributes);
            return state.Execution.IsOpen;
        }

        public bool CompleteWorkflowExecution(CompleteWorkflowExecutionDecisionAttributes attributes, DecisionContext state)
        {
            engine.CompleteWorkflowExecution(state, attributes);
            return state.Execution.IsOpen;
        }

        public bool FailWorkflowExecution(FailWorkflowExecutionDecisionAttributes attributes, DecisionContext state)
        {
            engine.FailWorkflowExecution(state, attributes);
            return state.Execution.IsOpen;
        }

        public bool CancelWorkflowExecution(CancelWorkflowExecutionDecisionAttributes attributes, DecisionContext state)
        {
            engine.CancelWorkflowExecution(state, attributes);
            return state.Execution.IsOpen;
        }

        public bool ContinueAsNewWorkflowExecution(ContinueAsNewWorkflowExecutionDecisionAttributes attributes, DecisionContext state)
        {
            engine.ContinueAsNewWorkflowExecution(state, attributes);
            return state.Execution.IsOpen;
        }

        public bool RecordMarker(RecordMarkerDecisionAttributes attributes, DecisionContext state)
        {
            engine.RecordMarker(state, attributes);
            return state.Execution.IsOpen;
        }

        public bool StartTimer(StartTimerDecisionAttributes attributes, DecisionContext state)
        {
            engine.StartTimer(state, attributes);
            return state.Execution.IsOpen;
        }

        public bool CancelTimer(CancelTimerDecisionAttributes attributes, DecisionContext state)
        {
            engine.CancelTimer(state, attributes);
            return state.Execution.IsOpen;
        }

        public bool SignalExternalWorkflowExecution(SignalExternalWorkflowExecutionDecisionAttributes attributes, DecisionContext state)
        {
            engine.SignalExternalWorkflowExecution(state, attributes);
            return state.Execution.IsOpen;
        }

        public bool RequestCancelExternalWorkflowExecution(RequestCancelExternalWorkflowExecutionDecisionAttributes attributes, DecisionContext state)
        {
            engine.RequestCancelExternalWorkflowExecution(state, attributes);
            return state.Execution.IsOpen;
        }

        public bool StartChildWorkflowExecution(StartChildWorkflowExecutionDecisionAttributes attributes, DecisionContext state)
        {
            engine.StartChildWorkflowExecution(state, attributes);
            return state.Execution.IsOpen;
        }

        public bool ScheduleLambdaFunction(ScheduleLambdaFunctionDecisionAttributes attributes, DecisionContext state)
        {
            engine.ScheduleLambdaFunction(state, attributes);
            return state.Execution.IsOpen;
        }
    }
}
