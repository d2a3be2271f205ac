using Microsoft.Extensions.Logging;

namespace Swf.Tests.TestSupport;

/// <summary>A logger that keeps every message, every structured value and every exception it is given.</summary>
internal sealed class ListLogger(Action<EventId>? logged = null) : ILogger
{
    private readonly List<string> _lines = [];

    /// <summary>Gets everything logged, as text.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var lines = new List<string> { $"{logLevel}: {formatter(state, exception)}" };
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            lines.AddRange(values.Select(v => $"  {v.Key} = {v.Value}"));
        }

        if (exception is not null)
        {
            lines.Add(exception.ToString());
        }

        lock (_lines)
        {
            _lines.AddRange(lines);
        }

        logged?.Invoke(eventId);
    }
}
