namespace Swf.LocalServer.Throttling;

/// <summary>One token bucket of SWF's throttling: how many calls (or decisions) may come at once, and how fast the allowance comes back.</summary>
/// <param name="BucketSize">The bucket's size: the burst allowed after a quiet spell.</param>
/// <param name="RefillPerSecond">The tokens added back per second, up to <paramref name="BucketSize"/>: the rate sustained.</param>
public sealed record SwfThrottleQuota(double BucketSize, double RefillPerSecond);
