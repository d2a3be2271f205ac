namespace Swf.LocalServer.Throttling;

/// <summary>A token bucket that refills continuously by the instants it is shown; not thread-safe (<see cref="RequestThrottle"/> locks).</summary>
internal sealed class TokenBucket
{
    private readonly double _size;
    private readonly double _refillPerSecond;
    private double _tokens;
    private DateTimeOffset _at;

    public TokenBucket(SwfThrottleQuota quota, double scale, DateTimeOffset now)
    {
        // A bucket below one token would refuse every call: a scaled-down quota still lets one through.
        _size = Math.Max(1, quota.BucketSize * scale);
        _refillPerSecond = quota.RefillPerSecond * scale;
        _tokens = _size;
        _at = now;
    }

    /// <summary>Gets whether the bucket is full as of <paramref name="now"/> (so forgetting it changes nothing).</summary>
    public bool IsFull(DateTimeOffset now)
    {
        Refill(now);
        return _tokens >= _size;
    }

    /// <summary>
    /// Gets whether <paramref name="count"/> tokens may be taken. More than the bucket holds are allowed
    /// from a full bucket (a decision batch larger than the bucket would otherwise never pass); the
    /// bucket then owes the rest, which later refills pay back.
    /// </summary>
    public bool CanTake(double count, DateTimeOffset now)
    {
        Refill(now);
        return _tokens >= Math.Min(count, _size);
    }

    public void Take(double count) => _tokens -= count;

    private void Refill(DateTimeOffset now)
    {
        // A system clock can step back; the bucket then waits for it rather than refilling twice.
        if (now > _at)
        {
            _tokens = Math.Min(_size, _tokens + ((now - _at).TotalSeconds * _refillPerSecond));
            _at = now;
        }
    }
}
