using Swf.Model;

namespace Swf.Client;

/// <summary>How a workflow execution is started. Null values fall back to the workflow type's registered defaults.</summary>
public sealed class WorkflowStartOptions
{
    /// <summary>Gets or sets the task list of the run's decision tasks.</summary>
    public string? TaskList { get; set; }

    /// <summary>Gets or sets the run's start-to-close timeout.</summary>
    public TimeSpan? ExecutionStartToCloseTimeout { get; set; }

    /// <summary>Gets or sets the start-to-close timeout of the run's decision tasks.</summary>
    public TimeSpan? TaskStartToCloseTimeout { get; set; }

    /// <summary>Gets or sets what happens to child runs when this one is terminated or times out.</summary>
    public ChildPolicy? ChildPolicy { get; set; }

    /// <summary>Gets or sets the priority of the run's decision tasks.</summary>
    public int? TaskPriority { get; set; }

    /// <summary>
    /// Gets or sets the ARN of the IAM role SWF assumes to invoke the run's Lambda tasks (<c>lambdaRole</c>); null falls
    /// back to the workflow type's default. Without a role every Lambda task of the run fails.
    /// </summary>
    public string? LambdaRole { get; set; }

    /// <summary>Gets the run's tags (at most 5), usable as list filters.</summary>
    public IList<string> Tags { get; } = new List<string>();
}
