using System.CommandLine;

namespace Swf.Cli.Commands;

/// <summary><c>--no-color</c> and <c>--color</c>, for the commands that colour what they print.</summary>
internal sealed class ColorOptions
{
    public Option<bool> NoColor { get; } = CliOptions.Flag("--no-color", "Never colour the output (nor when NO_COLOR is set).");

    public Option<bool> Color { get; } = CliOptions.Flag("--color", "Colour the output even when it is not a terminal.");

    public void AddTo(Command command)
    {
        command.Options.Add(NoColor);
        command.Options.Add(Color);
    }

    public bool UseColor(ParseResult parseResult, CliContext context) =>
        context.UseColor(color: parseResult.GetValue(Color), noColor: parseResult.GetValue(NoColor));
}
