using Microsoft.Extensions.Logging;

namespace Swf.Cli.Replay;

/// <summary>
/// Prints the notes of a long-running command (informational messages and warnings, not debug chatter) to its
/// error stream, one line each, prefixed with the command's name; calls may come from several threads.
/// </summary>
internal sealed class CliLogger(TextWriter writer, string command) : ILogger
{
    private readonly Lock _lock = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var kind = logLevel >= LogLevel.Warning ? "warning: " : string.Empty;
        lock (_lock)
        {
            writer.WriteLine($"{command}: {kind}{formatter(state, exception)}.");
        }
    }
}
