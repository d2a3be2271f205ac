using Swf.Model;

namespace Swf.Workflows;

/// <summary>
/// How the new run of a continue-as-new starts (<c>ContinueAsNewWorkflowExecution</c>). Null values keep what SWF
/// and the SDK do without them: the current run's task list and tags, and the workflow type's registered defaults
/// for the timeouts, the child policy and the priority.
/// </summary>
public sealed class ContinueAsNewOptions
{
    /// <summary>Gets or sets the task list of the new run's decision tasks; null keeps the current run's.</summary>
    public string? TaskList { get; set; }

    /// <summary>Gets or sets the new run's start-to-close timeout; null uses the type's registered default.</summary>
    public TimeSpan? ExecutionStartToCloseTimeout { get; set; }

    /// <summary>Gets or sets the start-to-close timeout of the new run's decision tasks; null uses the type's registered default.</summary>
    public TimeSpan? TaskStartToCloseTimeout { get; set; }

    /// <summary>Gets or sets what happens to the new run's children when it is terminated or times out; null uses the type's registered default.</summary>
    public ChildPolicy? ChildPolicy { get; set; }

    /// <summary>Gets or sets the task priority of the new run's decision tasks; null uses the type's registered default.</summary>
    public int? TaskPriority { get; set; }

    /// <summary>Gets or sets the new run's tags (at most 5); null keeps the current run's tags, an empty list gives none.</summary>
    public IList<string>? Tags { get; set; }

    /// <summary>
    /// Gets or sets the version of the workflow type the new run is of (same name); null keeps the current run's.
    /// A worker must run that version, or the new run's decision tasks wait for one.
    /// </summary>
    public string? WorkflowTypeVersion { get; set; }

    /// <summary>
    /// Gets or sets the IAM role the new run's Lambda tasks run with (<c>lambdaRole</c> of the continue-as-new
    /// decision); null keeps the current run's role (<see cref="WorkflowInfo.LambdaRole"/>).
    /// </summary>
    public string? LambdaRole { get; set; }

    /// <summary>Returns a copy (with its own tag list).</summary>
    /// <returns>The copy.</returns>
    public ContinueAsNewOptions Clone() => new()
    {
        TaskList = TaskList,
        ExecutionStartToCloseTimeout = ExecutionStartToCloseTimeout,
        TaskStartToCloseTimeout = TaskStartToCloseTimeout,
        ChildPolicy = ChildPolicy,
        TaskPriority = TaskPriority,
        Tags = Tags is null ? null : new List<string>(Tags),
        WorkflowTypeVersion = WorkflowTypeVersion,
        LambdaRole = LambdaRole,
    };

    /// <summary>Throws when a value cannot be sent to SWF, naming the option.</summary>
    /// <exception cref="ArgumentException">A value breaks SWF's constraints.</exception>
    internal void Validate()
    {
        OptionChecks.Name(TaskList, "ContinueAsNewOptions.TaskList");
        OptionChecks.Timeout(ExecutionStartToCloseTimeout, "ContinueAsNewOptions.ExecutionStartToCloseTimeout");
        OptionChecks.Timeout(TaskStartToCloseTimeout, "ContinueAsNewOptions.TaskStartToCloseTimeout");
        OptionChecks.Tags(Tags, "ContinueAsNewOptions.Tags");
        if (WorkflowTypeVersion is { Length: 0 or > 64 })
        {
            throw new ArgumentException("ContinueAsNewOptions.WorkflowTypeVersion must have 1 to 64 characters.", "ContinueAsNewOptions.WorkflowTypeVersion");
        }

        OptionChecks.Name(WorkflowTypeVersion, "ContinueAsNewOptions.WorkflowTypeVersion");
        if (LambdaRole is { Length: 0 or > 1600 })
        {
            throw new ArgumentException("ContinueAsNewOptions.LambdaRole must have 1 to 1,600 characters (an IAM role ARN).", "ContinueAsNewOptions.LambdaRole");
        }
    }
}
