using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
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
    private const string Name = "swf";

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
        var parseResult = Parse(args, context);
        var command = CommandName(parseResult.CommandResult);
        var errors = Errors(parseResult);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await context.Error.WriteLineAsync($"{command}: {error}").ConfigureAwait(false);
            }

            await PointAtHelpAsync(parseResult, context).ConfigureAwait(false);
            return ExitCodes.Error;
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,

            // Failures the user can act on are printed below as one line; anything else is a bug and keeps its stack trace.
            EnableDefaultExceptionHandler = false,

            // The caller's token is the only way to stop a command run in process; a host that wants Ctrl+C to
            // stop one passes a token that Ctrl+C cancels.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parseResult.InvokeAsync(configuration, context.CancellationToken).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            await context.Error.WriteLineAsync($"{command}: {ex.Message}").ConfigureAwait(false);
            if (ex.ShowUsage)
            {
                await PointAtHelpAsync(parseResult, context).ConfigureAwait(false);
            }

            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync($"{command}: canceled.").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            await context.Error.WriteLineAsync($"{command}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }

    /// <summary>Parses one command line, without running it: what <see cref="RunAsync(string[], CliContext)"/> runs, and where completions come from.</summary>
    internal static ParseResult Parse(IReadOnlyList<string> args, CliContext context) =>
        CreateRootCommand(context).Parse(args, ParserConfiguration);

    /// <summary>Parses one command line typed as a whole, as a shell hands it over for completion.</summary>
    internal static ParseResult Parse(string commandLine, CliContext context) =>
        CreateRootCommand(context).Parse(commandLine, ParserConfiguration);

    /// <summary>Builds every command, option and argument: the one definition that parses, validates, completes and writes the help.</summary>
    internal static RootCommand CreateRootCommand(CliContext context)
    {
        var root = new RootCommand(
            "swf: download, read, compare and replay Amazon SWF workflow histories.\n" +
            "Exit codes: 0 success, 1 differences or non-determinism found, 2 error (bad options, unreadable file, unknown workflow type, no answer).")
        {
            HelpName = Name,
        };
        root.Subcommands.Add(new HistoryCommand(context));
        root.Subcommands.Add(new ReplayCommand(context));
        root.Subcommands.Add(new HelpCommand());
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction();
        }

        // The help action wraps to the console's width whenever the process has a console, even when the help
        // goes to another writer (a test's, a host's); only the terminal's own output is wrapped.
        if (!context.OutIsTerminal)
        {
            foreach (var help in root.Options.OfType<HelpOption>())
            {
                if (help.Action is HelpAction action)
                {
                    action.MaxWidth = int.MaxValue;
                }
            }
        }

        return root;
    }

    // A file name such as @run.json is a file, not a response file to expand: swf never read response files.
    private static ParserConfiguration ParserConfiguration => new() { ResponseFileTokenReplacer = null };

    /// <summary>The errors to report, or none when the command line is good or asks for help, a version or completions.</summary>
    private static List<string> Errors(ParseResult parseResult)
    {
        var runsCommand = parseResult.Action is ParseErrorAction || ReferenceEquals(parseResult.Action, parseResult.CommandResult.Command.Action);
        if (!runsCommand)
        {
            return [];
        }

        // A misspelt option is the cause of whatever else went wrong (it took a file's place, or the file became
        // an extra argument), so it is the one error reported.
        var unknown = UnknownOptions(parseResult);
        return unknown.Count > 0 ? unknown : [.. parseResult.Errors.Select(e => e.Message)];
    }

    /// <summary>
    /// Finds the words before <c>--</c> that look like options but are none of the command's. System.CommandLine takes
    /// such a word as a positional argument when the command has one free (<c>history show --colour run.json</c> would
    /// read a file named --colour and blame run.json), so the parser alone cannot say which option was wrong.
    /// </summary>
    private static List<string> UnknownOptions(ParseResult parseResult)
    {
        var optionValues = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        for (var result = parseResult.CommandResult as SymbolResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command)
            {
                foreach (var option in command.Children.OfType<OptionResult>())
                {
                    optionValues.UnionWith(option.Tokens);
                }
            }
        }

        var unknown = new List<string>();
        foreach (var token in parseResult.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash))
        {
            if (token.Type == TokenType.Argument && token.Value is ['-', _, ..] && !optionValues.Contains(token))
            {
                unknown.Add($"Unrecognized option '{token.Value}'.");
            }
        }

        return unknown;
    }

    /// <summary>
    /// After an error: a command that only groups others (<c>swf</c>, <c>swf history</c>) prints its help, which
    /// lists them; any other says where its help is.
    /// </summary>
    private static async Task PointAtHelpAsync(ParseResult parseResult, CliContext context)
    {
        var words = CommandWords(parseResult.CommandResult);
        if (parseResult.CommandResult.Command.Subcommands.Any(c => !c.Hidden))
        {
            await context.Error.WriteLineAsync().ConfigureAwait(false);
            var help = parseResult.RootCommandResult.Command.Parse([.. words, "--help"], ParserConfiguration);
            await help.InvokeAsync(new InvocationConfiguration { Output = context.Error, Error = context.Error }).ConfigureAwait(false);
            return;
        }

        await context.Error.WriteLineAsync($"Run '{string.Join(' ', [Name, .. words, "--help"])}' for usage.").ConfigureAwait(false);
    }

    private static string CommandName(CommandResult result) => string.Join(' ', [Name, .. CommandWords(result)]);

    private static List<string> CommandWords(CommandResult result)
    {
        var words = new List<string>();
        for (var command = result; command.Parent is CommandResult parent; command = parent)
        {
            words.Insert(0, command.Command.Name);
        }

        return words;
    }
}
