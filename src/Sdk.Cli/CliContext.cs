namespace Swf.Cli;

/// <summary>Where a command writes, what it may read from the environment, and when it should stop.</summary>
internal sealed class CliContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>Gets a value indicating whether <see cref="Out"/> is a terminal (the process's own, not redirected).</summary>
    public bool OutIsTerminal { get; init; }

    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public CancellationToken CancellationToken { get; init; }

    /// <summary>Gets the clock that says what "now" is, for times given relative to it (<c>--closed-since 7d</c>).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Gets the backoff before the first retry of a call SWF throttled or failed; later retries double it.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Decides whether to colour output: never with <c>--no-color</c> or <c>NO_COLOR</c>, always with <c>--color</c>, else when writing to a terminal.</summary>
    /// <param name="color">Whether <c>--color</c> was given.</param>
    /// <param name="noColor">Whether <c>--no-color</c> was given.</param>
    public bool UseColor(bool color, bool noColor)
    {
        if (noColor || !string.IsNullOrEmpty(GetEnvironmentVariable("NO_COLOR")))
        {
            return false;
        }

        return color || OutIsTerminal;
    }
}
