using System.CommandLine;

namespace Swf.Cli.Commands;

/// <summary><c>swf history</c>: the parent of <c>get</c>, <c>show</c> and <c>diff</c>; it does nothing by itself.</summary>
internal sealed class HistoryCommand : Command
{
    public HistoryCommand(CliContext context)
        : base("history", "Download (history get), print (history show) and compare (history diff) workflow histories.")
    {
        Subcommands.Add(new HistoryGetCommand(context));
        Subcommands.Add(new HistoryShowCommand(context));
        Subcommands.Add(new HistoryDiffCommand(context));
    }
}
