using Swf.LocalEngine.Wire;
using Swf.Model;

namespace Swf.LocalEngine;

public sealed partial class LocalSwfEngine
{
    /// <summary>
    /// ContinueAsNewWorkflowExecution: the run closes as CONTINUED_AS_NEW and a new run of the same
    /// workflow id starts with continuedExecutionRunId. As the API documents, each setting comes from
    /// the decision, else the workflow type's defaults (not from the closing run); a missing one
    /// fails the decision with DEFAULT_*_UNDEFINED. The new run keeps the parent of the old one, and
    /// the parent follows the child to its new run.
    /// </summary>
    private void ContinueAsNewWorkflowExecution(DecisionContext context, ContinueAsNewWorkflowExecutionDecisionAttributes attributes)
    {
        var execution = context.Execution;
        var domain = execution.Domain;
        void Fail(ContinueAsNewWorkflowExecutionFailedCause cause) =>
            RecordDecisionFailure(context, DecisionKind.ContinueAsNewWorkflowExecution, e => e.ContinueAsNewWorkflowExecutionFailedEventAttributes = new()
            {
                Cause = cause,
                DecisionTaskCompletedEventId = context.CompletedEventId,
            });

        if (context.Unhandled)
        {
            Fail(ContinueAsNewWorkflowExecutionFailedCause.UnhandledDecision);
            return;
        }

        var key = execution.WorkflowType with { Version = attributes.WorkflowTypeVersion ?? execution.WorkflowType.Version };
        if (!domain.WorkflowTypes.TryGetValue(key, out var type))
        {
            Fail(ContinueAsNewWorkflowExecutionFailedCause.WorkflowTypeDoesNotExist);
            return;
        }

        if (type.IsDeprecated)
        {
            Fail(ContinueAsNewWorkflowExecutionFailedCause.WorkflowTypeDeprecated);
            return;
        }

        var settings = ResolveSettings(
            type, attributes.TaskList?.Name, attributes.TaskPriority, attributes.ExecutionStartToCloseTimeout,
            attributes.TaskStartToCloseTimeout, attributes.ChildPolicy, attributes.LambdaRole, out var missing);
        if (settings is null)
        {
            Fail(missing switch
            {
                MissingSetting.ExecutionStartToCloseTimeout => ContinueAsNewWorkflowExecutionFailedCause.DefaultExecutionStartToCloseTimeoutUndefined,
                MissingSetting.TaskStartToCloseTimeout => ContinueAsNewWorkflowExecutionFailedCause.DefaultTaskStartToCloseTimeoutUndefined,
                MissingSetting.TaskList => ContinueAsNewWorkflowExecutionFailedCause.DefaultTaskListUndefined,
                _ => ContinueAsNewWorkflowExecutionFailedCause.DefaultChildPolicyUndefined,
            });
            return;
        }

        var newRunId = Generate(_options.RunIdGenerator);
        var tagList = attributes.TagList is null ? null : new List<string>(attributes.TagList);
        CloseRun(
            execution,
            EventType.WorkflowExecutionContinuedAsNew,
            e => e.WorkflowExecutionContinuedAsNewEventAttributes = new()
            {
                Input = attributes.Input,
                DecisionTaskCompletedEventId = context.CompletedEventId,
                NewExecutionRunId = newRunId,
                ExecutionStartToCloseTimeout = settings.ExecutionStartToCloseTimeout,
                TaskList = new TaskList { Name = settings.TaskList },
                TaskPriority = Durations.FormatPriority(settings.TaskPriority),
                TaskStartToCloseTimeout = settings.TaskStartToCloseTimeout,
                ChildPolicy = settings.ChildPolicy,
                TagList = tagList is null ? null : [.. tagList],
                WorkflowType = new WorkflowType { Name = key.Name, Version = key.Version },
                LambdaRole = settings.LambdaRole,
            },
            CloseStatus.ContinuedAsNew,
            execution.Settings.ChildPolicy);
        var run = StartRun(domain, execution.WorkflowId, type, settings, attributes.Input, tagList, execution.Parent, execution.ParentInitiatedEventId, execution.RunId, newRunId);
        if (execution.Parent is not null
            && domain.Executions.TryGetValue(execution.Parent.RunId, out var parent)
            && parent.Children.TryGetValue(execution.ParentInitiatedEventId, out var child))
        {
            child.ContinueAs(run);
        }
    }
}
