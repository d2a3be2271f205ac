using Swf.LocalEngine.State;
using Swf.LocalEngine.Wire;
using Swf.Model;

namespace Swf.LocalEngine;

public sealed partial class LocalSwfEngine
{
    /// <summary>
    /// StartChildWorkflowExecution. What the decision alone decides (the type exists and is not
    /// deprecated, the open-children limit, the settings from the decision or the type's defaults)
    /// fails at once with StartChildWorkflowExecutionFailed and initiatedEventId 0. Otherwise
    /// StartChildWorkflowExecutionInitiated is recorded, and once the batch is recorded the child
    /// starts (ChildWorkflowExecutionStarted) or fails to (WORKFLOW_ALREADY_RUNNING,
    /// OPEN_WORKFLOWS_LIMIT_EXCEEDED) with the initiated event's id.
    /// </summary>
    private void StartChildWorkflowExecution(DecisionContext context, StartChildWorkflowExecutionDecisionAttributes attributes)
    {
        var parent = context.Execution;
        var domain = parent.Domain;
        var key = new TypeKey(attributes.WorkflowType.Name, attributes.WorkflowType.Version);
        void Fail(StartChildWorkflowExecutionFailedCause cause, long initiatedEventId) =>
            RecordDecisionFailure(context, DecisionKind.StartChildWorkflowExecution, e => e.StartChildWorkflowExecutionFailedEventAttributes = new()
            {
                WorkflowType = new WorkflowType { Name = key.Name, Version = key.Version },
                WorkflowId = attributes.WorkflowId,
                Cause = cause,
                InitiatedEventId = initiatedEventId,
                DecisionTaskCompletedEventId = context.CompletedEventId,
                Control = attributes.Control,
            });

        if (!domain.WorkflowTypes.TryGetValue(key, out var type))
        {
            Fail(StartChildWorkflowExecutionFailedCause.WorkflowTypeDoesNotExist, 0);
            return;
        }

        if (type.IsDeprecated)
        {
            Fail(StartChildWorkflowExecutionFailedCause.WorkflowTypeDeprecated, 0);
            return;
        }

        if (parent.Children.Count >= _options.MaxOpenChildWorkflowExecutions)
        {
            Fail(StartChildWorkflowExecutionFailedCause.OpenChildrenLimitExceeded, 0);
            return;
        }

        var settings = ResolveSettings(
            type, attributes.TaskList?.Name, attributes.TaskPriority, attributes.ExecutionStartToCloseTimeout,
            attributes.TaskStartToCloseTimeout, attributes.ChildPolicy, attributes.LambdaRole, out var missing);
        if (settings is null)
        {
            Fail(
                missing switch
                {
                    MissingSetting.ExecutionStartToCloseTimeout => StartChildWorkflowExecutionFailedCause.DefaultExecutionStartToCloseTimeoutUndefined,
                    MissingSetting.TaskStartToCloseTimeout => StartChildWorkflowExecutionFailedCause.DefaultTaskStartToCloseTimeoutUndefined,
                    MissingSetting.TaskList => StartChildWorkflowExecutionFailedCause.DefaultTaskListUndefined,
                    _ => StartChildWorkflowExecutionFailedCause.DefaultChildPolicyUndefined,
                },
                0);
            return;
        }

        var tagList = attributes.TagList is null ? null : new List<string>(attributes.TagList);
        var initiatedEventId = Append(parent, EventType.StartChildWorkflowExecutionInitiated, e => e.StartChildWorkflowExecutionInitiatedEventAttributes = new()
        {
            WorkflowId = attributes.WorkflowId,
            WorkflowType = new WorkflowType { Name = key.Name, Version = key.Version },
            Control = attributes.Control,
            Input = attributes.Input,
            ExecutionStartToCloseTimeout = settings.ExecutionStartToCloseTimeout,
            TaskList = new TaskList { Name = settings.TaskList },
            TaskPriority = Durations.FormatPriority(settings.TaskPriority),
            DecisionTaskCompletedEventId = context.CompletedEventId,
            ChildPolicy = settings.ChildPolicy,
            TaskStartToCloseTimeout = settings.TaskStartToCloseTimeout,
            TagList = tagList is null ? null : [.. tagList],
            LambdaRole = settings.LambdaRole,
        });
        var child = new ChildExecutionState { InitiatedEventId = initiatedEventId, WorkflowId = attributes.WorkflowId, WorkflowType = key, Undo = _undo };
        parent.AddChild(child);
        var input = attributes.Input;
        context.FollowUps.Add(() =>
        {
            // A parent that closed in the same batch no longer owns the child; it is not started.
            if (!parent.IsOpen || !parent.Children.ContainsKey(initiatedEventId))
            {
                return;
            }

            var cause = domain.OpenByWorkflowId.ContainsKey(child.WorkflowId) ? StartChildWorkflowExecutionFailedCause.WorkflowAlreadyRunning
                : domain.OpenByWorkflowId.Count >= _options.MaxOpenExecutionsPerDomain ? StartChildWorkflowExecutionFailedCause.OpenWorkflowsLimitExceeded
                : null;
            if (cause is not null)
            {
                parent.RemoveChild(child);
                Fail(cause, initiatedEventId);
                return;
            }

            var run = StartRun(domain, child.WorkflowId, type, settings, input, tagList, parent.ToWorkflowExecution(), initiatedEventId, continuedExecutionRunId: null);
            var startedEventId = Append(parent, EventType.ChildWorkflowExecutionStarted, e => e.ChildWorkflowExecutionStartedEventAttributes = new()
            {
                WorkflowExecution = run.ToWorkflowExecution(),
                WorkflowType = run.ToWorkflowType(),
                InitiatedEventId = initiatedEventId,
            });
            child.Start(run, startedEventId);
            NotifyDecider(parent);
        });
    }
}
