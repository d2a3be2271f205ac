using System.CommandLine;
using System.Globalization;
using Swf.Cli.Histories;

namespace Swf.Cli.Commands;

/// <summary><c>swf history diff A B</c>: where two histories of the same workflow diverge.</summary>
internal sealed class HistoryDiffCommand : Command
{
    private const int Width = 120;

    private readonly ColorOptions _colors = new();

    public HistoryDiffCommand(CliContext context)
        : base(
            "diff",
            "Show where two histories of the same workflow diverge (exit 0 when they do not, 1 when they do).\n" +
            "Events are aligned by event id and compared by type and key attributes (those 'swf history show' prints). " +
            "What differs from one run of the same code to the next is ignored: timestamps, worker identities, run ids and sticky task lists.")
    {
        Arguments.Add(A);
        Arguments.Add(B);
        _colors.AddTo(this);
        SetAction((parseResult, _) => RunAsync(parseResult, context));
    }

    public Argument<string> A { get; } = new("A") { Description = "The first history file." };

    public Argument<string> B { get; } = new("B") { Description = "The second history file." };

    private async Task<int> RunAsync(ParseResult parseResult, CliContext context)
    {
        var (pathA, pathB) = (parseResult.GetRequiredValue(A), parseResult.GetRequiredValue(B));
        var a = EventSummarizer.Summarize(HistoryFile.Read(pathA));
        var b = EventSummarizer.Summarize(HistoryFile.Read(pathB));
        var ansi = new Ansi(_colors.UseColor(parseResult, context));
        var output = context.Out;

        var byIdA = a.ToDictionary(s => s.EventId);
        var byIdB = b.ToDictionary(s => s.EventId);
        var ids = byIdA.Keys.Union(byIdB.Keys).Order().ToList();
        var same = 0;
        foreach (var id in ids)
        {
            var left = byIdA.GetValueOrDefault(id);
            var right = byIdB.GetValueOrDefault(id);
            if (left is not null && right is not null && Differences(left, right).Count == 0)
            {
                same++;
                continue;
            }

            await output.WriteLineAsync(ansi.Bold($"The histories diverge at event {id.ToString(CultureInfo.InvariantCulture)}.")).ConfigureAwait(false);
            await output.WriteLineAsync($"  A ({pathA}): {Describe(left, ansi)}").ConfigureAwait(false);
            await output.WriteLineAsync($"  B ({pathB}): {Describe(right, ansi)}").ConfigureAwait(false);
            if (left is not null && right is not null)
            {
                foreach (var difference in Differences(left, right))
                {
                    await output.WriteLineAsync("    " + ansi.Red(difference)).ConfigureAwait(false);
                }
            }

            await output.WriteLineAsync(Lengths(a.Count, b.Count, same)).ConfigureAwait(false);
            return ExitCodes.Found;
        }

        await output.WriteLineAsync($"The histories are the same: {a.Count.ToString(CultureInfo.InvariantCulture)} events (timestamps, identities, run ids and sticky task lists ignored).").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Lists what differs between two events with the same id, ignoring incidental attributes.</summary>
    internal static List<string> Differences(EventSummary left, EventSummary right)
    {
        var differences = new List<string>();
        if (left.EventType != right.EventType)
        {
            differences.Add($"type: {left.EventType} ≠ {right.EventType}");
            return differences;
        }

        if (!string.Equals(left.Subject, right.Subject, StringComparison.Ordinal))
        {
            differences.Add($"name: {left.Subject ?? "(none)"} ≠ {right.Subject ?? "(none)"}");
        }

        var leftAttributes = left.Attributes.Where(x => !x.Incidental).ToDictionary(x => x.Name, x => x.Value);
        var rightAttributes = right.Attributes.Where(x => !x.Incidental).ToDictionary(x => x.Name, x => x.Value);
        foreach (var name in leftAttributes.Keys.Union(rightAttributes.Keys))
        {
            var l = leftAttributes.GetValueOrDefault(name);
            var r = rightAttributes.GetValueOrDefault(name);
            if (!string.Equals(l, r, StringComparison.Ordinal))
            {
                differences.Add($"{name}: {Show(l)} ≠ {Show(r)}");
            }
        }

        return differences;
    }

    private static string Show(string? value) => value is null ? "(none)" : Text.Shorten(value, Width / 2);

    private static string Describe(EventSummary? summary, Ansi ansi)
    {
        if (summary is null)
        {
            return ansi.Dim("(no such event: the history ends before it)");
        }

        var subject = summary.Subject is null ? string.Empty : "  " + summary.Subject;
        var details = Text.Attributes(summary.Attributes.Where(x => !x.Incidental), Width / 2);
        return $"{ansi.Tone(summary.Tone, summary.EventType)}{subject}{(details.Length > 0 ? "  " + details : string.Empty)}";
    }

    private static string Lengths(int a, int b, int same)
    {
        var counts = a == b
            ? $"Both have {a.ToString(CultureInfo.InvariantCulture)} events"
            : $"A has {a.ToString(CultureInfo.InvariantCulture)} events and B has {b.ToString(CultureInfo.InvariantCulture)} ({(b > a ? "B" : "A")} is longer by {Math.Abs(a - b).ToString(CultureInfo.InvariantCulture)})";
        return $"{counts}; {same.ToString(CultureInfo.InvariantCulture)} events before the divergence are the same.";
    }
}
