namespace Swf.Workflows;

/// <summary>
/// How one activity call is scheduled. Null means "not set": the activity type's registered
/// default applies (SWF fails the decision when neither gives a required value).
/// </summary>
public sealed class ActivityOptions
{
    /// <summary>Gets or sets the task list to schedule on.</summary>
    public string? TaskList { get; set; }

    /// <summary>Gets or sets the longest time from scheduled to started.</summary>
    public TimeSpan? ScheduleToStartTimeout { get; set; }

    /// <summary>Gets or sets the longest time from scheduled to closed.</summary>
    public TimeSpan? ScheduleToCloseTimeout { get; set; }

    /// <summary>Gets or sets the longest time from started to closed.</summary>
    public TimeSpan? StartToCloseTimeout { get; set; }

    /// <summary>Gets or sets the longest gap between heartbeats.</summary>
    public TimeSpan? HeartbeatTimeout { get; set; }

    /// <summary>Gets or sets the task priority; higher is served first.</summary>
    public int? TaskPriority { get; set; }

    /// <summary>Gets or sets the activity id; by default the SDK numbers activities in the order the workflow calls them.</summary>
    public string? ActivityId { get; set; }

    /// <summary>Gets or sets the retry policy, or null for a single attempt.</summary>
    public RetryPolicy? Retry { get; set; }

    /// <summary>
    /// Gets or sets the token that cancels activities scheduled with these options when the call passes none:
    /// null (the default) follows the workflow's <see cref="Workflow.CancellationToken"/>. Set
    /// <see cref="System.Threading.CancellationToken.None"/> for a proxy whose activities run after the workflow
    /// was cancelled (cleanup, compensation). A token given to the call itself always wins.
    /// </summary>
    public CancellationToken? CancellationToken { get; set; }

    /// <summary>Returns a copy whose unset values are taken from <paramref name="defaults"/>.</summary>
    /// <param name="defaults">The fallback values, or null.</param>
    /// <returns>The merged options.</returns>
    public ActivityOptions WithDefaults(ActivityOptions? defaults) => defaults is null ? Clone() : new()
    {
        TaskList = TaskList ?? defaults.TaskList,
        ScheduleToStartTimeout = ScheduleToStartTimeout ?? defaults.ScheduleToStartTimeout,
        ScheduleToCloseTimeout = ScheduleToCloseTimeout ?? defaults.ScheduleToCloseTimeout,
        StartToCloseTimeout = StartToCloseTimeout ?? defaults.StartToCloseTimeout,
        HeartbeatTimeout = HeartbeatTimeout ?? defaults.HeartbeatTimeout,
        TaskPriority = TaskPriority ?? defaults.TaskPriority,
        ActivityId = ActivityId ?? defaults.ActivityId,
        Retry = Retry ?? defaults.Retry,
        CancellationToken = CancellationToken ?? defaults.CancellationToken,
    };

    /// <summary>Returns a shallow copy.</summary>
    /// <returns>The copy.</returns>
    public ActivityOptions Clone() => (ActivityOptions)MemberwiseClone();
}
