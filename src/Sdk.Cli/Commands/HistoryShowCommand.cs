using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Swf.Cli.Histories;
using Swf.Cli.Replay;
using Swf.Exceptions;
using Swf.Model;
using Swf.Payloads;

namespace Swf.Cli.Commands;

/// <summary><c>swf history show FILE</c>: a history as a readable timeline.</summary>
internal sealed class HistoryShowCommand : Command
{
    private const int DefaultWidth = 60;

    private readonly ColorOptions _colors = new();

    public HistoryShowCommand(CliContext context)
        : base("show", "Print a history as a timeline: event id, time from the first event, type and key attributes.")
    {
        Arguments.Add(File);
        Options.Add(Width);
        Options.Add(Full);
        Options.Add(NoDecisions);
        Options.Add(Assembly);
        Options.Add(PayloadPipelineType);
        _colors.AddTo(this);
        SetAction((parseResult, _) => RunAsync(parseResult, context));
    }

    public Argument<string> File { get; } = new("FILE")
    {
        Description = "The history: the JSON of 'aws swf get-workflow-execution-history' (AWS CLI v1 or v2, one page or several) or of 'swf history get'.",
    };

    public Option<int> Width { get; } = CliOptions.WholeNumber("--width", "N", "Cut each attribute value to N characters.", 8, 100_000, DefaultWidth);

    public Option<bool> Full { get; } = CliOptions.Flag("--full", "Print attribute values in full.");

    public Option<bool> NoDecisions { get; } = CliOptions.Flag("--no-decisions", "Leave out DecisionTaskScheduled, -Started and -Completed events.");

    public Option<string?> Assembly { get; } = CliOptions.Text(
        "--assembly", "PATH", "The assembly (.dll) that holds the --payload-pipeline type, built with its dependencies beside it.");

    public Option<string?> PayloadPipelineType { get; } = CliOptions.Text(
        "--payload-pipeline",
        "TYPE",
        "A type in --assembly with one public static PayloadPipeline property or field: payloads are shown decoded with its codecs, keys and " +
        "store. Without it, encoded payloads are shown as stored.");

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The tool is not trimmed; it reflects over the user's assembly on purpose.")]
    private async Task<int> RunAsync(ParseResult parseResult, CliContext context)
    {
        var width = parseResult.GetValue(Full) ? 0 : parseResult.GetValue(Width);
        var events = HistoryFile.Read(parseResult.GetRequiredValue(File));
        if (parseResult.GetValue(PayloadPipelineType) is { } pipelineType)
        {
            var assembly = parseResult.GetValue(Assembly) ?? throw CliException.Usage("--payload-pipeline needs --assembly, the assembly that holds the type.");
            var pipeline = WorkflowCatalog.Load(assembly).CreatePayloadPipeline(pipelineType);
            try
            {
                await pipeline.DecodeEventsAsync(events).ConfigureAwait(false);
            }
            catch (PayloadCodecException ex)
            {
                throw new CliException("The history's payloads cannot be decoded: " + ex.Message, ex);
            }
        }

        var summaries = EventSummarizer.Summarize(events);
        var ansi = new Ansi(_colors.UseColor(parseResult, context));
        var output = context.Out;

        var first = summaries[0];
        var last = summaries[^1];
        var workflow = summaries.FirstOrDefault(s => s.EventType == "WorkflowExecutionStarted")?.Subject ?? "(no WorkflowExecutionStarted event)";
        var header = $"{workflow}  ·  {summaries.Count.ToString(CultureInfo.InvariantCulture)} events  ·  started {Text.Iso(first.Timestamp)}  ·  last event at {Text.Relative(last.Timestamp - first.Timestamp)}";
        await output.WriteLineAsync(ansi.Bold(header)).ConfigureAwait(false);
        var closing = summaries.LastOrDefault(s => DecisionKind.ClosesExecution(EventType.FindValue(s.EventType)));
        await output.WriteLineAsync(closing is null ? "still open (no closing event)" : "closed: " + ansi.Tone(closing.Tone, closing.EventType)).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);

        var shown = parseResult.GetValue(NoDecisions) ? summaries.Where(s => s.Tone != EventTone.Decision).ToList() : [.. summaries];
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
}
