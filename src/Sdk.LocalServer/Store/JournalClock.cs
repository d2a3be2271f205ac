namespace Swf.LocalServer.Store;

/// <summary>
/// The engine's clock while its journal is replayed: it reads the time of the entry being replayed
/// and its timers do not fire; after <see cref="GoLive"/> it is the underlying clock.
/// </summary>
internal sealed class JournalClock(TimeProvider inner) : TimeProvider
{
    private readonly TimeProvider _inner = inner;
    private DateTimeOffset? _replayNow;
    private volatile bool _live;

    public bool IsLive => _live;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public void SetReplayTime(DateTimeOffset now) => _replayNow = now;

    public void GoLive()
    {
        _replayNow = null;
        _live = true;
    }

    public override DateTimeOffset GetUtcNow() => _live ? _inner.GetUtcNow() : _replayNow ?? _inner.GetUtcNow();

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _live ? _inner.CreateTimer(callback, state, dueTime, period) : new DeferredTimer(this, callback, state);

    /// <summary>A timer made during replay: inert until the clock goes live, then backed by a real one.</summary>
    private sealed class DeferredTimer(JournalClock clock, TimerCallback callback, object? state) : ITimer
    {
        private readonly Lock _lock = new();
        private ITimer? _timer;
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_lock)
            {
                if (_disposed || !clock.IsLive)
                {
                    return !_disposed;
                }

                _timer ??= clock._inner.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                return _timer.Change(dueTime, period);
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _disposed = true;
                _timer?.Dispose();
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
