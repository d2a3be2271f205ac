using Swf.Model;

namespace Swf.Workflows;

/// <summary>
/// How a child workflow is started (<c>StartChildWorkflowExecution</c>). Null values fall back to the child workflow
/// type's registered defaults, except the workflow id, which the SDK derives from the parent's.
/// </summary>
/// <remarks>
/// The values are checked when the child is started; a bad one is an <see cref="ArgumentException"/> naming it. See
/// docs/children.md for what each child policy does to a child when its parent closes.
/// </remarks>
public sealed class ChildWorkflowOptions
{
    /// <summary>The most tags SWF accepts on an execution.</summary>
    public const int MaxTags = 5;

    /// <summary>
    /// Gets or sets the child's workflow id; by default <c>{parent workflow id}-child-{n}</c>, numbered in the order
    /// the parent starts children. It must be unique among the domain's open executions (else the start fails with
    /// <c>WORKFLOW_ALREADY_RUNNING</c>).
    /// </summary>
    public string? WorkflowId { get; set; }

    /// <summary>Gets or sets the task list of the child's decision tasks; null uses the child type's default.</summary>
    public string? TaskList { get; set; }

    /// <summary>Gets or sets the child's start-to-close timeout; null uses the child type's default.</summary>
    public TimeSpan? ExecutionStartToCloseTimeout { get; set; }

    /// <summary>Gets or sets the start-to-close timeout of the child's decision tasks; null uses the child type's default.</summary>
    public TimeSpan? TaskStartToCloseTimeout { get; set; }

    /// <summary>
    /// Gets or sets what happens to the child's own children when the child is terminated or times out
    /// (<c>TERMINATE</c>, <c>REQUEST_CANCEL</c> or <c>ABANDON</c>); null uses the child type's default. What happens to
    /// this child when its parent closes is the parent's child policy.
    /// </summary>
    public ChildPolicy? ChildPolicy { get; set; }

    /// <summary>Gets or sets the task priority of the child's decision tasks (higher is served first); null uses the child type's default.</summary>
    public int? TaskPriority { get; set; }

    /// <summary>
    /// Gets or sets the token that requests the child's cancellation when the call passes none: null (the default)
    /// follows the workflow's <see cref="Workflow.CancellationToken"/>; <see cref="System.Threading.CancellationToken.None"/>
    /// leaves the child running when the workflow is cancelled. A token given to the call itself always wins.
    /// </summary>
    public CancellationToken? CancellationToken { get; set; }

    /// <summary>Gets the child's tags (at most <see cref="MaxTags"/>, each at most 256 characters).</summary>
    public IList<string> Tags { get; } = new List<string>();

    /// <summary>Returns a copy (with its own tag list).</summary>
    /// <returns>The copy.</returns>
    public ChildWorkflowOptions Clone()
    {
        var copy = new ChildWorkflowOptions
        {
            WorkflowId = WorkflowId,
            TaskList = TaskList,
            ExecutionStartToCloseTimeout = ExecutionStartToCloseTimeout,
            TaskStartToCloseTimeout = TaskStartToCloseTimeout,
            ChildPolicy = ChildPolicy,
            TaskPriority = TaskPriority,
            CancellationToken = CancellationToken,
        };
        foreach (var tag in Tags)
        {
            copy.Tags.Add(tag);
        }

        return copy;
    }

    /// <summary>Throws when a value cannot be sent to SWF, naming the option.</summary>
    /// <exception cref="ArgumentException">A value breaks SWF's constraints.</exception>
    internal void Validate()
    {
        OptionChecks.Name(WorkflowId, "ChildWorkflowOptions.WorkflowId");
        OptionChecks.Name(TaskList, "ChildWorkflowOptions.TaskList");
        OptionChecks.Timeout(ExecutionStartToCloseTimeout, "ChildWorkflowOptions.ExecutionStartToCloseTimeout");
        OptionChecks.Timeout(TaskStartToCloseTimeout, "ChildWorkflowOptions.TaskStartToCloseTimeout");
        OptionChecks.Tags(Tags, "ChildWorkflowOptions.Tags");
    }
}
