using System.CommandLine;
using System.CommandLine.Invocation;

namespace Swf.LocalServer;

/// <summary>
/// The <c>swf-local</c> command line, on System.CommandLine: parses the arguments, starts the
/// server and runs until stopped. <c>swf-local --help</c> lists the options, and completions come
/// from System.CommandLine's <c>[suggest]</c> directive (what <c>dotnet-suggest</c> calls).
/// </summary>
public static class LocalServerCommand
{
    /// <summary>The exit code for arguments that do not parse or break a rule.</summary>
    private const int BadArguments = 2;

    /// <summary>The exit code when the server could not start.</summary>
    private const int CouldNotStart = 1;

    /// <summary>Runs the command until the process is stopped (Ctrl+C or SIGTERM).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where the listening address, help and completions are printed.</param>
    /// <param name="error">Where errors are printed, with the help.</param>
    /// <returns>The exit code: 0 after a clean stop (and for <c>--help</c>), 2 for bad arguments, 1 when the server could not start.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var commandLine = new LocalServerCommandLine();
        commandLine.Root.SetAction((parse, cancellationToken) => ServeAsync(commandLine.ToOptions(parse), parse.InvocationConfiguration, cancellationToken));
        var parse = commandLine.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            // System.CommandLine prints the errors and then the help; both belong on stderr for a
            // usage error, and the exit code is 2 (its own is 1, which means "could not start" here).
            await parse.InvokeAsync(new InvocationConfiguration { Output = error, Error = error }).ConfigureAwait(false);
            return BadArguments;
        }

        return await parse.InvokeAsync(new InvocationConfiguration
        {
            Output = output,
            Error = error,

            // Ctrl+C and SIGTERM cancel the action's token; the server then stops cleanly, however
            // long that takes, rather than being cut off after a grace period.
            ProcessTerminationTimeout = Timeout.InfiniteTimeSpan,

            // An unexpected failure surfaces as the runtime reports it, not as exit code 1 ("could not start").
            EnableDefaultExceptionHandler = false,
        }).ConfigureAwait(false);
    }

    /// <summary>Parses a command line into a server's settings, without starting anything.</summary>
    /// <param name="args">The arguments, as <see cref="RunAsync"/> takes them.</param>
    /// <returns>The settings, or the errors that <see cref="RunAsync"/> would print.</returns>
    public static LocalServerParseResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var commandLine = new LocalServerCommandLine();
        var parse = commandLine.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            return new LocalServerParseResult(null, [.. parse.Errors.Select(e => e.Message)]);
        }

        // --help, --version and directives bring actions of their own; only a plain command line runs the server.
        var runs = parse.Action == commandLine.Root.Action;
        return new LocalServerParseResult(runs ? commandLine.ToOptions(parse) : null, []);
    }

    private static async Task<int> ServeAsync(SwfLocalServerOptions options, InvocationConfiguration console, CancellationToken stop)
    {
        var output = console.Output;
        var error = console.Error;
        SwfLocalServer server;
        try
        {
            server = await SwfLocalServer.StartAsync(options, stop).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await error.WriteLineAsync($"swf-local: could not start: {ex.Message}").ConfigureAwait(false);
            return CouldNotStart;
        }

        await using (server.ConfigureAwait(false))
        {
            foreach (var skipped in server.SkippedJournalEntries)
            {
                await error.WriteLineAsync($"swf-local: skipped {skipped}").ConfigureAwait(false);
            }

            var store = options.DatabasePath is null ? "in memory" : Path.GetFullPath(options.DatabasePath);
            await output.WriteLineAsync($"swf-local listening on {server.Endpoint} (state: {store}{(options.RequireAuth ? ", SigV4 required" : string.Empty)})").ConfigureAwait(false);
            await output.WriteLineAsync(server.ConsoleEndpoint is { } consoleEndpoint ? $"web console: {consoleEndpoint}" : "web console: off").ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM.
            }
        }

        return 0;
    }
}
