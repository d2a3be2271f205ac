namespace Swf.Workflows;

/// <summary>How one Lambda task is scheduled (<c>ScheduleLambdaFunction</c>). Null means "not set".</summary>
public sealed class LambdaOptions
{
    /// <summary>The shortest start-to-close timeout SWF accepts for a Lambda task.</summary>
    public static readonly TimeSpan MinStartToCloseTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The longest start-to-close timeout SWF accepts for a Lambda task (15 minutes), and SWF's default.</summary>
    public static readonly TimeSpan MaxStartToCloseTimeout = TimeSpan.FromSeconds(900);

    /// <summary>
    /// Gets or sets the Lambda task's id in the history (at most 256 characters); by default the SDK numbers Lambda
    /// tasks in the order the workflow calls them (<c>lambda-1</c>, <c>lambda-2</c>, …). A retry adds <c>-2</c>, <c>-3</c>, ….
    /// </summary>
    public string? Id { get; set; }

    /// <summary>
    /// Gets or sets how long the function may run once started: whole seconds from 1 to 900. Null (the default)
    /// sends none, and SWF applies 900 seconds.
    /// </summary>
    public TimeSpan? StartToCloseTimeout { get; set; }

    /// <summary>Gets or sets the retry policy, or null for a single attempt; failures and timeouts are retried as for activities.</summary>
    public RetryPolicy? Retry { get; set; }

    /// <summary>
    /// Gets or sets the token that withdraws Lambda tasks scheduled with these options when the call passes none:
    /// null (the default) follows the workflow's <see cref="Workflow.CancellationToken"/>. SWF cannot cancel a
    /// scheduled Lambda task, so the token only withdraws one that was not sent yet, and cancels a retry's backoff.
    /// </summary>
    public CancellationToken? CancellationToken { get; set; }

    /// <summary>Returns a shallow copy.</summary>
    /// <returns>The copy.</returns>
    public LambdaOptions Clone() => (LambdaOptions)MemberwiseClone();
}
