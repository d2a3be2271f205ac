using System.CommandLine;

namespace Swf.Cli.Commands;

/// <summary><c>swf help [COMMAND...]</c>: the same as <c>swf [COMMAND...] --help</c>, kept for those who type it git's way.</summary>
internal sealed class HelpCommand : Command
{
    public HelpCommand()
        : base("help", "Show help for swf, or for the command named.")
    {
        Hidden = true;
        Arguments.Add(Words);
        SetAction((parseResult, cancellationToken) =>
        {
            string[] words = [.. parseResult.GetValue(Words) ?? [], "--help"];
            return parseResult.RootCommandResult.Command.Parse(words).InvokeAsync(parseResult.InvocationConfiguration, cancellationToken);
        });
    }

    public Argument<string[]> Words { get; } = new("COMMAND") { Description = "The command to show help for.", Arity = ArgumentArity.ZeroOrMore };
}
