using Swf.Model;

namespace Swf.Workflows;

/// <summary>How a child workflow is started. Null values fall back to the workflow type's defaults.</summary>
public sealed class ChildWorkflowOptions
{
    /// <summary>Gets or sets the child's workflow id; by default derived from the parent's id and a sequence number.</summary>
    public string? WorkflowId { get; set; }

    /// <summary>Gets or sets the task list of the child's decision tasks.</summary>
    public string? TaskList { get; set; }

    /// <summary>Gets or sets the child's start-to-close timeout.</summary>
    public TimeSpan? ExecutionStartToCloseTimeout { get; set; }

    /// <summary>Gets or sets the start-to-close timeout of the child's decision tasks.</summary>
    public TimeSpan? TaskStartToCloseTimeout { get; set; }

    /// <summary>Gets or sets what happens to the child when this workflow is terminated or times out.</summary>
    public ChildPolicy? ChildPolicy { get; set; }

    /// <summary>Gets or sets the task priority of the child's decision tasks.</summary>
    public int? TaskPriority { get; set; }

    /// <summary>
    /// Gets or sets the token that requests the child's cancellation when the call passes none: null (the default)
    /// follows the workflow's <see cref="Workflow.CancellationToken"/>; <see cref="System.Threading.CancellationToken.None"/>
    /// leaves the child running when the workflow is cancelled. A token given to the call itself always wins.
    /// </summary>
    public CancellationToken? CancellationToken { get; set; }

    /// <summary>Gets the child's tags (at most 5).</summary>
    public IList<string> Tags { get; } = new List<string>();
}
