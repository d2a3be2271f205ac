using System.Globalization;
using Swf.Cli.Histories;

namespace Swf.Cli.Commands;

/// <summary><c>swf history show FILE</c>: a history as a readable timeline.</summary>
internal sealed class HistoryShowCommand : Command
{
    private const int DefaultWidth = 60;

    public override string Name => "history show";

    public override string Summary => "Print a history as a timeline: event id, time from the first event, type and key attributes.";

    public override string Synopsis => "swf history show FILE [--width N | --full] [--no-decisions] [--no-color]";

    public override string? Details =>
        "FILE is the JSON of 'aws swf get-workflow-execution-history' (CLI v1 or v2, one page or several) or of\n" +
        "'swf history get'. Colours are used when writing to a terminal, unless NO_COLOR is set or --no-color is given.";

    public override CommandSpec Spec { get; } = new CommandSpec()
        .Value("--width", "N", $"Cut each attribute value to N characters (default {DefaultWidth}).")
        .Flag("--full", "Print attribute values in full.")
        .Flag("--no-decisions", "Leave out DecisionTaskScheduled, -Started and -Completed events.")
        .Flag("--no-color", "Never colour the output.")
        .Flag("--color", "Colour the output even when it is not a terminal.");

    public override async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count != 1)
        {
            throw CliException.Usage(line.Positionals.Count == 0 ? "Give the history file to show." : "Give one history file.");
        }

        var width = line.Flag("--full") ? 0 : line.Int("--width", 8, 100_000) ?? DefaultWidth;
        var events = HistoryFile.Read(line.Positionals[0]);
        var summaries = EventSummarizer.Summarize(events);
        var ansi = new Ansi(context.UseColor(line));
        var output = context.Out;

        var first = summaries[0];
        var last = summaries[^1];
        var workflow = summaries.FirstOrDefault(s => s.EventType == "WorkflowExecutionStarted")?.Subject ?? "(no WorkflowExecutionStarted event)";
        var header = $"{workflow}  ·  {summaries.Count.ToString(CultureInfo.InvariantCulture)} events  ·  started {Text.Iso(first.Timestamp)}  ·  last event at {Text.Relative(last.Timestamp - first.Timestamp)}";
        await output.WriteLineAsync(ansi.Bold(header)).ConfigureAwait(false);
        var closing = summaries.LastOrDefault(s => IsClosing(s.EventType));
        await output.WriteLineAsync(closing is null ? "still open (no closing event)" : "closed: " + ansi.Tone(closing.Tone, closing.EventType)).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);

        var shown = line.Flag("--no-decisions") ? summaries.Where(s => s.Tone != EventTone.Decision).ToList() : [.. summaries];
        var idWidth = Math.Max(2, shown.Count == 0 ? 2 : shown.Max(s => s.EventId.ToString(CultureInfo.InvariantCulture).Length));
        var typeWidth = shown.Count == 0 ? 5 : shown.Max(s => s.EventType.Length);
        var timeWidth = shown.Count == 0 ? 4 : shown.Max(s => Text.Relative(s.Timestamp - first.Timestamp).Length);
        await output.WriteLineAsync(ansi.Dim($"{"ID".PadLeft(idWidth)}  {"TIME".PadRight(timeWidth)}  {"EVENT".PadRight(typeWidth)}  DETAILS")).ConfigureAwait(false);
        foreach (var s in shown)
        {
            var id = s.EventId.ToString(CultureInfo.InvariantCulture).PadLeft(idWidth);
            var time = Text.Relative(s.Timestamp - first.Timestamp).PadRight(timeWidth);
            var type = ansi.Tone(s.Tone, s.EventType.PadRight(typeWidth));
            var subject = s.Subject is null ? string.Empty : ansi.Bold(Text.Shorten(s.Subject, width > 0 ? width : int.MaxValue)) + "  ";
            var details = Text.Attributes(s.Attributes, width);
            await output.WriteLineAsync($"{id}  {ansi.Dim(time)}  {type}  {subject}{details}".TrimEnd()).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static bool IsClosing(string eventType) => eventType is
        "WorkflowExecutionCompleted" or "WorkflowExecutionFailed" or "WorkflowExecutionCanceled" or
        "WorkflowExecutionTerminated" or "WorkflowExecutionTimedOut" or "WorkflowExecutionContinuedAsNew";
}
