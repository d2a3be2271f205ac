namespace Swf.Client;

/// <summary>
/// How <see cref="SwfHttpClient"/> retries throttling, server errors (5xx) and network failures.
/// Client faults (4xx other than throttling) are never retried. The defaults follow the AWS SDKs'
/// standard retry mode: 3 attempts, exponential backoff with full jitter, capped at 20 seconds.
/// </summary>
public sealed class SwfRetryOptions
{
    /// <summary>Gets or sets the most attempts per call, the first included. 1 disables retries.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Gets or sets the backoff before the first retry; each later retry doubles it, before jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest backoff, before jitter.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Computes the backoff before a retry: a random time between zero and
    /// <c>min(MaxDelay, BaseDelay * 2^(retry - 1))</c> ("full jitter").
    /// </summary>
    /// <param name="retry">The retry's number, 1 for the first retry.</param>
    /// <param name="random">A number in [0, 1) that picks the point in the range.</param>
    /// <returns>The backoff.</returns>
    public TimeSpan ComputeDelay(int retry, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var exponent = Math.Min(retry - 1, 30);
        var ceiling = Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * (double)(1L << exponent));
        return TimeSpan.FromTicks((long)(ceiling * Math.Clamp(random, 0, 1)));
    }
}
