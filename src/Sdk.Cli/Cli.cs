using System.Reflection;
using System.Text.Json;
using Swf.Cli.Commands;

namespace Swf.Cli;

/// <summary>
/// The <c>swf</c> command-line tool: <c>history get</c>, <c>history show</c>, <c>history diff</c> and
/// <c>replay</c>. <see cref="RunAsync(string[], TextWriter, TextWriter, CancellationToken)"/> runs one command line in process, so tests and other tools can
/// call it without starting a process.
/// </summary>
public static class Cli
{
    private static readonly Command[] Commands =
    [
        new HistoryGetCommand(),
        new HistoryShowCommand(),
        new HistoryDiffCommand(),
        new ReplayCommand(),
    ];

    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments, without the program's name: <c>["history", "show", "run.json"]</c>.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="cancellationToken">Stops a download or a replay.</param>
    /// <returns>The exit code: see <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var context = new CliContext
        {
            Out = stdout,
            Error = stderr,
            OutIsTerminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected,
            CancellationToken = cancellationToken,
        };
        return await RunAsync(args, context).ConfigureAwait(false);
    }

    internal static async Task<int> RunAsync(string[] args, CliContext context)
    {
        if (args.Length == 0)
        {
            WriteHelp(context.Error);
            return ExitCodes.Error;
        }

        if (args[0] is "-h" or "--help" or "help")
        {
            WriteHelp(context.Out);
            return ExitCodes.Success;
        }

        if (args[0] is "--version")
        {
            await context.Out.WriteLineAsync(typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var (command, rest) = Find(args);
        if (command is null)
        {
            await context.Error.WriteLineAsync($"swf: unknown command '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(2))}'.").ConfigureAwait(false);
            WriteHelp(context.Error);
            return ExitCodes.Error;
        }

        try
        {
            var line = CommandLine.Parse(rest, command.Spec);
            if (line.Help)
            {
                command.WriteHelp(context.Out);
                return ExitCodes.Success;
            }

            return await command.RunAsync(line, context).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            await context.Error.WriteLineAsync($"swf {command.Name}: {ex.Message}").ConfigureAwait(false);
            if (ex.ShowUsage)
            {
                await context.Error.WriteLineAsync($"Usage: {command.Synopsis}  (swf {command.Name} --help for more)").ConfigureAwait(false);
            }

            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync($"swf {command.Name}: canceled.").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            await context.Error.WriteLineAsync($"swf {command.Name}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }

    private static (Command? Command, string[] Remaining) Find(string[] args)
    {
        foreach (var command in Commands)
        {
            var words = command.Name.Split(' ');
            if (args.Length >= words.Length && words.Select((w, i) => w == args[i]).All(match => match))
            {
                return (command, args[words.Length..]);
            }
        }

        return (null, args);
    }

    private static void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("swf: download, read, compare and replay Amazon SWF workflow histories.");
        writer.WriteLine();
        writer.WriteLine("Commands:");
        var width = Commands.Max(c => c.Name.Length) + 2;
        foreach (var command in Commands)
        {
            writer.WriteLine("  " + command.Name.PadRight(width) + command.Summary);
        }

        writer.WriteLine();
        writer.WriteLine("Run 'swf COMMAND --help' for a command's options. Exit codes: 0 success, 1 differences or");
        writer.WriteLine("non-determinism found, 2 error (bad options, unreadable file, unknown workflow type, no answer).");
    }
}
