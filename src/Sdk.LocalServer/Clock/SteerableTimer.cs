namespace Swf.LocalServer.Clock;

/// <summary>A timer of a <see cref="SteerableClock"/>: it fires when the clock reaches its due time, however the clock got there.</summary>
internal sealed class SteerableTimer(SteerableClock clock, TimerCallback callback, object? state) : ITimer
{
    public SteerableClock Clock { get; } = clock;

    /// <summary>Gets or sets when the timer fires next (on the clock); null when disarmed. Guarded by the clock's lock.</summary>
    public DateTimeOffset? Due { get; set; }

    /// <summary>Gets or sets the timer's period. Guarded by the clock's lock.</summary>
    public TimeSpan Period { get; set; }

    /// <summary>Gets or sets the base clock's timer that wakes a running clock at the due time. Guarded by the clock's lock.</summary>
    public ITimer? Wake { get; set; }

    public bool IsDisposed { get; private set; }

    /// <inheritdoc/>
    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (IsDisposed)
        {
            return false;
        }

        Clock.Arm(this, dueTime, period);
        return true;
    }

    /// <summary>Runs the callback, unless the timer was disposed.</summary>
    public void Fire()
    {
        if (!IsDisposed)
        {
            callback(state);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        IsDisposed = true;
        Clock.Forget(this);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
