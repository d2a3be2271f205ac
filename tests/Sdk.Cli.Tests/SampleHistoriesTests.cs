using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Swf.Cli.Histories;
using Swf.Cli.Tests.TestSupport;
using Swf.Model;
using Swf.Serialization;

namespace Swf.Cli.Tests;

/// <summary>
/// The checked-in histories under Histories/ were recorded from the Greeting workflow on the local
/// engine. Set SWF_WRITE_SAMPLE_HISTORIES=1 and run this class to write them again.
/// </summary>
public sealed class SampleHistoriesTests
{
    [SkippableFact]
    public async Task WriteSampleHistories_OptedIn_RewritesTheCheckedInHistories()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("SWF_WRITE_SAMPLE_HISTORIES") == "1", "Set SWF_WRITE_SAMPLE_HISTORIES=1 to rewrite the sample histories.");
        var folder = Path.Combine(SourceFolder(), "Histories");
        List<HistoryEvent> events, hurried;
        using (var run = await SampleRun.StartAsync())
        {
            events = await run.HistoryAsync();
        }

        using (var run = await SampleRun.StartAsync(hurry: true))
        {
            hurried = await run.HistoryAsync();
        }

        await File.WriteAllBytesAsync(Path.Combine(folder, "greeting.v1.json"), HistoryJson.Write(events, isoTimestamps: false));
        await File.WriteAllBytesAsync(Path.Combine(folder, "greeting-hurried.v1.json"), HistoryJson.Write(hurried, isoTimestamps: false));

        // AWS CLI v2 pages saved one after another, each with its nextPageToken.
        var pages = events.Chunk(6).ToList();
        var appended = new StringBuilder();
        for (var i = 0; i < pages.Count; i++)
        {
            var page = JsonNode.Parse(HistoryJson.Write(pages[i], isoTimestamps: true))!.AsObject();
            if (i < pages.Count - 1)
            {
                page["nextPageToken"] = $"page-{i + 2}";
            }

            appended.Append(page.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 4, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })).Append('\n');
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "greeting.v2-pages.json"), appended.ToString());

        // A JSON array of v1 pages, the last page first (as reverse-order paging returns them).
        var array = new JsonArray([.. pages.AsEnumerable().Reverse().Select(p => JsonNode.Parse(HistoryJson.Write(p, isoTimestamps: false)))]);
        await File.WriteAllTextAsync(Path.Combine(folder, "greeting.v1-page-array.json"), array.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 4 }) + "\n");

        // The code now shouts with "Whisper": history's second ScheduleActivityTask no longer matches.
        var mutated = Copy(events);
        mutated.Last(e => e.EventType == EventType.ActivityTaskScheduled).ActivityTaskScheduledEventAttributes!.ActivityType = new ActivityType { Name = "Whisper", Version = "1" };
        await File.WriteAllBytesAsync(Path.Combine(folder, "greeting-mutated.v1.json"), HistoryJson.Write(mutated, isoTimestamps: false));

        var unknown = Copy(events);
        unknown[0].WorkflowExecutionStartedEventAttributes!.WorkflowType = new WorkflowType { Name = "Invoice", Version = "7" };
        await File.WriteAllBytesAsync(Path.Combine(folder, "unknown-type.v1.json"), HistoryJson.Write(unknown, isoTimestamps: false));
    }

    private static List<HistoryEvent> Copy(List<HistoryEvent> events) =>
        [.. events.Select(e => JsonSerializer.Deserialize(JsonSerializer.Serialize(e, SwfJsonContext.Default.HistoryEvent), SwfJsonResponses.For<HistoryEvent>())!)];

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
