using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace OrderProcessing.Hosting;

/// <summary>Prints one short line per log entry, "time  message", so the sample's steps read as a story.</summary>
public sealed class StepConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    /// <summary>The formatter's name.</summary>
    public const string FormatterName = "steps";

    /// <inheritdoc/>
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var level = logEntry.LogLevel >= LogLevel.Warning ? logEntry.LogLevel.ToString().ToUpperInvariant() + " " : string.Empty;
        var exception = logEntry.Exception is { } ex ? $" ({ex.GetType().Name}: {ex.Message})" : string.Empty;
        textWriter.WriteLine($"{DateTime.Now:HH:mm:ss.fff}  {level}{message}{exception}");
    }
}
