using Swf.Model;

namespace Swf.Workflows;

/// <summary>What a running workflow knows about its own execution.</summary>
/// <param name="Domain">The domain.</param>
/// <param name="WorkflowId">The workflow id.</param>
/// <param name="RunId">The run id.</param>
/// <param name="WorkflowType">The workflow type.</param>
/// <param name="TaskList">The task list of its decision tasks.</param>
/// <param name="Parent">The parent execution, when this one is a child.</param>
/// <param name="ContinuedFromRunId">The run this one continues, after continue-as-new.</param>
/// <param name="Tags">The execution's tags.</param>
/// <param name="StartTime">When the execution started.</param>
public sealed record WorkflowInfo(
    string Domain,
    string WorkflowId,
    string RunId,
    WorkflowType WorkflowType,
    string TaskList,
    WorkflowExecution? Parent,
    string? ContinuedFromRunId,
    IReadOnlyList<string> Tags,
    DateTime StartTime)
{
    /// <summary>
    /// Gets the IAM role the execution's Lambda tasks run with (<c>lambdaRole</c> of its start), or null when it has
    /// none. A continue-as-new passes it on to the next run unless <see cref="Exceptions.ContinueAsNewException.LambdaRole"/> says otherwise.
    /// </summary>
    public string? LambdaRole { get; init; }
}
