namespace Swf.Workflows;

/// <summary>
/// How the SDK retries a failed or timed-out activity. SWF has no retries of its own: the workflow
/// waits on a timer and schedules the activity again, all recorded in history, so replay is exact.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Gets or sets the wait before the first retry.</summary>
    public TimeSpan InitialInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the factor each wait grows by.</summary>
    public double BackoffCoefficient { get; set; } = 2.0;

    /// <summary>Gets or sets the longest wait between attempts, or null for no cap.</summary>
    public TimeSpan? MaximumInterval { get; set; }

    /// <summary>Gets or sets the most attempts, the first included; 0 means no limit.</summary>
    public int MaximumAttempts { get; set; }

    /// <summary>Gets or sets how long after the first attempt no further attempt starts, or null for no limit.</summary>
    public TimeSpan? Expiration { get; set; }

    /// <summary>
    /// Gets the failure reasons that are never retried: an activity's failure reason is the name of
    /// the exception type it threw (short or full name both match).
    /// </summary>
    public IList<string> NonRetryableErrorTypes { get; } = new List<string>();

    /// <summary>Creates an exponential-backoff policy.</summary>
    /// <param name="maxAttempts">The most attempts, the first included; 0 for no limit.</param>
    /// <param name="initialInterval">The wait before the first retry (default one second).</param>
    /// <param name="backoffCoefficient">The factor each wait grows by (default 2).</param>
    /// <param name="maximumInterval">The longest wait, or null for no cap.</param>
    /// <returns>The policy.</returns>
    public static RetryPolicy Exponential(int maxAttempts = 0, TimeSpan? initialInterval = null, double backoffCoefficient = 2.0, TimeSpan? maximumInterval = null) =>
        new()
        {
            MaximumAttempts = maxAttempts,
            InitialInterval = initialInterval ?? TimeSpan.FromSeconds(1),
            BackoffCoefficient = backoffCoefficient,
            MaximumInterval = maximumInterval,
        };

    /// <summary>Computes the wait before a retry.</summary>
    /// <param name="attempt">The attempt that just failed, 1 for the first.</param>
    /// <returns>The wait, rounded up to whole seconds as SWF timers require (at least one second).</returns>
    public TimeSpan BackoffAfter(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var seconds = InitialInterval.TotalSeconds * Math.Pow(BackoffCoefficient, attempt - 1);
        if (MaximumInterval is { } max)
        {
            seconds = Math.Min(seconds, max.TotalSeconds);
        }

        return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(seconds)));
    }

    /// <summary>Tells whether a failure may be retried after the given attempt.</summary>
    /// <param name="attempt">The attempt that just failed, 1 for the first.</param>
    /// <param name="reason">The failure's reason (the exception type name for activities), or null for a timeout.</param>
    /// <param name="elapsed">The time since the first attempt was scheduled.</param>
    /// <returns><c>true</c> when another attempt should be made.</returns>
    public bool ShouldRetry(int attempt, string? reason, TimeSpan elapsed)
    {
        if (MaximumAttempts > 0 && attempt >= MaximumAttempts)
        {
            return false;
        }

        if (Expiration is { } expiration && elapsed + BackoffAfter(attempt) > expiration)
        {
            return false;
        }

        if (reason is null)
        {
            return true;
        }

        foreach (var type in NonRetryableErrorTypes)
        {
            if (string.Equals(type, reason, StringComparison.Ordinal)
                || reason.EndsWith("." + type, StringComparison.Ordinal)
                || type.EndsWith("." + reason, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
