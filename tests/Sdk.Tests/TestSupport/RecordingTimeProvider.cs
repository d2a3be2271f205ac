using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Swf.Tests.TestSupport;

/// <summary>
/// A fake clock that also tells which timers were armed: a test learns which time limit or backoff the
/// code under test chose, and when it is waiting, without any real waiting.
/// </summary>
internal sealed class RecordingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();
    private readonly List<TimeSpan> _dueTimes = [];

    public RecordingTimeProvider()
        : base(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero))
    {
    }

    /// <summary>Gets the due time of every timer armed so far.</summary>
    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_dueTimes)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_dueTimes)
        {
            _dueTimes.Add(dueTime);
        }

        _armed.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Completes when a timer whose due time matches is armed (one armed before the call counts too).</summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match)
    {
        await foreach (var dueTime in _armed.Reader.ReadAllAsync())
        {
            if (match(dueTime))
            {
                return dueTime;
            }
        }

        throw new InvalidOperationException("unreachable: the channel is never completed");
    }
}
