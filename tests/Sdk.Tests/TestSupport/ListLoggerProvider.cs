using Microsoft.Extensions.Logging;

namespace Swf.Tests.TestSupport;

/// <summary>Hands one <see cref="ListLogger"/> to every category, and tells a test when a log event it waits for is written.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly List<(int EventId, int Count, TaskCompletionSource Seen)> _waiters = [];
    private readonly Dictionary<int, int> _counts = [];

    public ListLoggerProvider()
    {
        Logger = new ListLogger(OnLogged);
    }

    public ListLogger Logger { get; }

    public ILogger CreateLogger(string categoryName) => Logger;

    public void Dispose()
    {
    }

    /// <summary>Returns a task that completes once the event id has been logged <paramref name="count"/> times.</summary>
    public Task WhenLogged(int eventId, int count)
    {
        lock (_lock)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_counts.GetValueOrDefault(eventId) >= count)
            {
                seen.SetResult();
            }
            else
            {
                _waiters.Add((eventId, count, seen));
            }

            return seen.Task;
        }
    }

    private void OnLogged(EventId eventId)
    {
        lock (_lock)
        {
            var count = _counts[eventId.Id] = _counts.GetValueOrDefault(eventId.Id) + 1;
            foreach (var waiter in _waiters.Where(w => w.EventId == eventId.Id && w.Count <= count).ToList())
            {
                waiter.Seen.SetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
