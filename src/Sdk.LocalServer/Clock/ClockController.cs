using Swf.LocalEngine;
using Swf.LocalServer.Store;

namespace Swf.LocalServer.Clock;

/// <summary>
/// Moves swf-local's clock in the manual and skipping modes: forward by an amount, or to the engine's
/// next timer or timeout; in skip mode, also on its own whenever every worker is idle. Each move is
/// written to the store before the clock moves, so that a restart keeps the time.
/// </summary>
/// <remarks>
/// Moves are serialized by their own lock, taken before the engine's (an engine call never takes
/// it), so that two moves never interleave their record and their move.
/// </remarks>
internal sealed class ClockController : IAsyncDisposable
{
    /// <summary>How often skip mode checks whether every worker is idle (real time: the check is cheap).</summary>
    private static readonly TimeSpan IdleCheckInterval = TimeSpan.FromMilliseconds(10);

    private readonly Lock _move = new();
    private readonly LocalSwfEngine _engine;
    private readonly SteerableClock? _clock;
    private readonly SqliteJournal? _journal;
    private readonly CancellationTokenSource _stop = new();
    private Task _skipping = Task.CompletedTask;

    /// <summary>Initializes a new instance of the <see cref="ClockController"/> class.</summary>
    /// <param name="mode">The clock's mode.</param>
    /// <param name="engine">The engine that runs on the clock.</param>
    /// <param name="clock">The clock, for the manual and skipping modes; null for the system clock.</param>
    /// <param name="journal">The store that records the clock's moves, or null when state is in memory.</param>
    /// <param name="time">The engine's clock, whatever the mode.</param>
    public ClockController(LocalClockMode mode, LocalSwfEngine engine, SteerableClock? clock, SqliteJournal? journal, TimeProvider time)
    {
        Mode = mode;
        _engine = engine;
        _clock = clock;
        _journal = journal;
        Time = time;
    }

    /// <summary>Gets the clock's mode.</summary>
    public LocalClockMode Mode { get; }

    /// <summary>Gets the engine's clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Gets a value indicating whether the clock can be moved (not the system clock).</summary>
    public bool CanMove => _clock is not null;

    /// <summary>Records the clock's time in the store (on start, so that a fresh store keeps its start), and starts skip mode's idle check.</summary>
    public void Start()
    {
        if (_clock is null)
        {
            return;
        }

        lock (_move)
        {
            Record(_clock.GetUtcNow());
        }

        if (Mode == LocalClockMode.Skip)
        {
            _skipping = SkipWhenIdleAsync(_stop.Token);
        }
    }

    /// <summary>Moves the clock forward; the timers and timeouts that fall due run before this returns.</summary>
    /// <param name="by">How far (more than zero).</param>
    /// <returns>The clock's time after the move.</returns>
    public DateTimeOffset Advance(TimeSpan by)
    {
        var clock = _clock ?? throw new InvalidOperationException("The system clock cannot be moved.");
        lock (_move)
        {
            Record(clock.GetUtcNow() + by);
            clock.Advance(by);
            return clock.GetUtcNow();
        }
    }

    /// <summary>Jumps to the engine's next timer or timeout, which runs before this returns.</summary>
    /// <param name="onlyWhenIdle">Whether to jump only when every worker is idle.</param>
    /// <returns>The clock's time after the jump, or null when nothing is due (or a worker is busy).</returns>
    public DateTimeOffset? Skip(bool onlyWhenIdle)
    {
        var clock = _clock ?? throw new InvalidOperationException("The system clock cannot be moved.");
        lock (_move)
        {
            var due = _engine.SkipToNextScheduledTime(
                wait =>
                {
                    Record(clock.GetUtcNow() + wait);
                    clock.Advance(wait);
                },
                onlyWhenIdle);
            return due is null ? null : clock.GetUtcNow();
        }
    }

    /// <summary>Stops skip mode's idle check.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _skipping.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private void Record(DateTimeOffset instant) => _journal?.RecordClock(instant, _clock!.Base.GetUtcNow());

    private async Task SkipWhenIdleAsync(CancellationToken stop)
    {
        using var tick = new PeriodicTimer(IdleCheckInterval, TimeProvider.System);
        while (await tick.WaitForNextTickAsync(stop).ConfigureAwait(false))
        {
            try
            {
                Skip(onlyWhenIdle: true);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }
}
