using Swf.Model;
using Swf.Workflows;

namespace Swf.Cli.Tests.Workflows;

/// <summary>
/// A workflow that starts a child with the default child id (<c>{workflowId}-child-1</c>): its decisions depend on
/// its own workflow id, so its history replays only as its real execution.
/// </summary>
public static class FamilyWorkflows
{
    /// <summary>Gets the child: it shouts its input.</summary>
    public static WorkflowDefinition Member { get; } = new()
    {
        WorkflowType = new WorkflowType { Name = "Member", Version = "1" },
        DefaultTaskList = "greetings",
        DefaultExecutionStartToCloseTimeout = TimeSpan.FromHours(1),
        DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
        DefaultChildPolicy = ChildPolicy.Terminate,
        CreateInstance = () => new object(),
        Run = (_, input) => Workflow.ExecuteActivityAsync(GreetingWorkflows.Shout, input),
    };

    /// <summary>Gets the parent: it starts a <see cref="Member"/> with the default id and returns its result.</summary>
    public static WorkflowDefinition Family { get; } = new()
    {
        WorkflowType = new WorkflowType { Name = "Family", Version = "1" },
        DefaultTaskList = "greetings",
        DefaultExecutionStartToCloseTimeout = TimeSpan.FromHours(1),
        DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
        DefaultChildPolicy = ChildPolicy.Terminate,
        CreateInstance = () => new object(),
        Run = (_, input) => Workflow.ExecuteChildWorkflowAsync(Member.WorkflowType, input),
    };
}
