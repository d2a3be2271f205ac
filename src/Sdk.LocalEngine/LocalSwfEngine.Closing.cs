using Swf.LocalEngine.State;
using Swf.Model;

namespace Swf.LocalEngine;

public sealed partial class LocalSwfEngine
{
    /// <summary>
    /// Closes a run: appends its close event, kills its timers and tasks (their tokens then fail
    /// with UnknownResourceFault), applies the child policy to its open children and reports the
    /// close to its parent.
    /// </summary>
    /// <remarks>
    /// The child policy is applied on every close, not only on terminate and timeout: the SWF guide
    /// describes it as what happens when the parent closes before the child, and a child whose parent
    /// is gone could otherwise never be told. ABANDON leaves children running.
    /// </remarks>
    private void CloseRun(ExecutionState execution, EventType type, Action<HistoryEvent> setAttributes, CloseStatus status, ChildPolicy childPolicy)
    {
        Append(execution, type, setAttributes);
        var closeEvent = execution.History[^1];
        execution.Close(status, closeEvent.EventTimestamp);
        execution.StopTimers();
        if (execution.DecisionTask is { } decisionTask)
        {
            FinishDecisionTask(decisionTask);
        }

        foreach (var activity in execution.Activities.Values.ToList())
        {
            CloseActivity(activity);
        }

        foreach (var lambda in execution.LambdaFunctions.Values.ToList())
        {
            // A run's close records nothing for its open Lambda tasks; the functions' late results are dropped.
            CloseLambdaFunction(lambda);
        }

        execution.DropTimers();
        foreach (var child in execution.ReleaseChildren())
        {
            ApplyChildPolicy(child, childPolicy);
        }

        if (status != CloseStatus.ContinuedAsNew)
        {
            ReportToParent(execution, closeEvent);
        }
    }

    private void Terminate(ExecutionState execution, string? reason, string? details, ChildPolicy childPolicy, WorkflowExecutionTerminatedCause? cause) =>
        CloseRun(
            execution,
            EventType.WorkflowExecutionTerminated,
            e => e.WorkflowExecutionTerminatedEventAttributes = new()
            {
                Reason = reason,
                Details = details,
                ChildPolicy = childPolicy,
                Cause = cause,
            },
            CloseStatus.Terminated,
            childPolicy);

    /// <summary>The run's execution start-to-close timeout fired: it closes as TIMED_OUT, with no decision task.</summary>
    private void TimeOutExecution(ExecutionState execution)
    {
        if (!execution.IsOpen)
        {
            return;
        }

        var policy = execution.Settings.ChildPolicy;
        CloseRun(
            execution,
            EventType.WorkflowExecutionTimedOut,
            e => e.WorkflowExecutionTimedOutEventAttributes = new() { TimeoutType = WorkflowExecutionTimeoutType.StartToClose, ChildPolicy = policy },
            CloseStatus.TimedOut,
            policy);
    }

    /// <summary>A run whose history reached the limit is terminated by SWF with EVENT_LIMIT_EXCEEDED.</summary>
    private void EnforceHistoryLimit(ExecutionState execution)
    {
        if (execution.IsOpen && execution.History.Count >= _options.MaxHistoryEvents)
        {
            Terminate(execution, reason: null, details: null, execution.Settings.ChildPolicy, WorkflowExecutionTerminatedCause.EventLimitExceeded);
        }
    }

    private void ApplyChildPolicy(ChildExecutionState child, ChildPolicy policy)
    {
        if (child.Run is not { IsOpen: true } run)
        {
            return;
        }

        if (policy == ChildPolicy.Terminate)
        {
            Terminate(run, reason: null, details: null, run.Settings.ChildPolicy, WorkflowExecutionTerminatedCause.ChildPolicyApplied);
        }
        else if (policy == ChildPolicy.RequestCancel)
        {
            RecordCancelRequest(run, external: null, externalInitiatedEventId: null, WorkflowExecutionCancelRequestedCause.ChildPolicyApplied);
        }
    }

    /// <summary>Records a child's close in its parent's history, which asks the parent's decider to decide.</summary>
    private void ReportToParent(ExecutionState execution, HistoryEvent closeEvent)
    {
        if (execution.Parent is null
            || !execution.Domain.Executions.TryGetValue(execution.Parent.RunId, out var parent)
            || !parent.IsOpen
            || !parent.Children.TryGetValue(execution.ParentInitiatedEventId, out var child)
            || !ReferenceEquals(child.Run, execution))
        {
            return;
        }

        parent.RemoveChild(child);
        var run = execution.ToWorkflowExecution();
        var type = execution.ToWorkflowType();
        if (closeEvent.WorkflowExecutionCompletedEventAttributes is { } completed)
        {
            Append(parent, EventType.ChildWorkflowExecutionCompleted, e => e.ChildWorkflowExecutionCompletedEventAttributes = new()
            {
                WorkflowExecution = run, WorkflowType = type, Result = completed.Result,
                InitiatedEventId = child.InitiatedEventId, StartedEventId = child.StartedEventId,
            });
        }
        else if (closeEvent.WorkflowExecutionFailedEventAttributes is { } failed)
        {
            Append(parent, EventType.ChildWorkflowExecutionFailed, e => e.ChildWorkflowExecutionFailedEventAttributes = new()
            {
                WorkflowExecution = run, WorkflowType = type, Reason = failed.Reason, Details = failed.Details,
                InitiatedEventId = child.InitiatedEventId, StartedEventId = child.StartedEventId,
            });
        }
        else if (closeEvent.WorkflowExecutionCanceledEventAttributes is { } canceled)
        {
            Append(parent, EventType.ChildWorkflowExecutionCanceled, e => e.ChildWorkflowExecutionCanceledEventAttributes = new()
            {
                WorkflowExecution = run, WorkflowType = type, Details = canceled.Details,
                InitiatedEventId = child.InitiatedEventId, StartedEventId = child.StartedEventId,
            });
        }
        else if (closeEvent.WorkflowExecutionTimedOutEventAttributes is { } timedOut)
        {
            Append(parent, EventType.ChildWorkflowExecutionTimedOut, e => e.ChildWorkflowExecutionTimedOutEventAttributes = new()
            {
                WorkflowExecution = run, WorkflowType = type, TimeoutType = timedOut.TimeoutType,
                InitiatedEventId = child.InitiatedEventId, StartedEventId = child.StartedEventId,
            });
        }
        else
        {
            Append(parent, EventType.ChildWorkflowExecutionTerminated, e => e.ChildWorkflowExecutionTerminatedEventAttributes = new()
            {
                WorkflowExecution = run, WorkflowType = type,
                InitiatedEventId = child.InitiatedEventId, StartedEventId = child.StartedEventId,
            });
        }

        NotifyDecider(parent);
    }
}
