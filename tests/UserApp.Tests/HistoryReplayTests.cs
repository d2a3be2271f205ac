using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Swf.Converters;
using Swf.Model;
using Swf.Serialization;
using Swf.Worker;
using Swf.Workflows;
using UserApp.Tests.Travel;

namespace UserApp.Tests;

/// <summary>
/// Replays the checked-in histories (the JSON <c>aws swf get-workflow-execution-history</c> prints) from event 1
/// against today's code, with the execution they belong to. A change that would break running trips fails here.
/// Run with <c>UPDATE_HISTORIES=1</c> to record them again (from the scenarios) after an intended change.
/// </summary>
public sealed class HistoryReplayTests
{
    private static readonly IPayloadConverter Converter = new JsonPayloadConverter(TravelJsonContext.Default);

    private static readonly Dictionary<string, (Func<Task<ScenarioRun>> Scenario, WorkflowDefinition Definition, EventType LastEvent)> Catalog = new()
    {
        ["trip-booked"] = (() => TravelScenarios.BookedAsync(), TripWorkflow.SwfDefinition, EventType.WorkflowExecutionCompleted),
        ["visa-granted"] = (() => TravelScenarios.BookedAsync(), VisaWorkflow.SwfDefinition, EventType.WorkflowExecutionCompleted),
        ["trip-expired"] = (TravelScenarios.ExpiredAsync, TripWorkflow.SwfDefinition, EventType.WorkflowExecutionCompleted),
        ["trip-declined"] = (TravelScenarios.DeclinedAsync, TripWorkflow.SwfDefinition, EventType.WorkflowExecutionCompleted),
        ["trip-canceled"] = (TravelScenarios.CanceledAsync, TripWorkflow.SwfDefinition, EventType.WorkflowExecutionCanceled),
        ["visa-canceled"] = (TravelScenarios.CanceledAsync, VisaWorkflow.SwfDefinition, EventType.WorkflowExecutionCanceled),
        ["fare-watch-run-1"] = (TravelScenarios.FareWatchAsync, FareWatchWorkflow.SwfDefinition, EventType.WorkflowExecutionContinuedAsNew),
        ["fare-watch-run-2"] = (TravelScenarios.FareWatchAsync, FareWatchWorkflow.SwfDefinition, EventType.WorkflowExecutionCompleted),

        // Recorded by the code from before GetVersion("notify-traveler"), replayed by today's code.
        ["visa-before-notification"] = (TravelScenarios.VisaBeforeNotificationAsync, VisaWorkflow.SwfDefinition, EventType.WorkflowExecutionCompleted),
    };

    public static TheoryData<string> Histories => new(Catalog.Keys);

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task Replay_CheckedInHistory_MatchesTodaysCodeFromEventOne(string name)
    {
        var (scenario, definition, lastEvent) = Catalog[name];
        if (Environment.GetEnvironmentVariable("UPDATE_HISTORIES") == "1")
        {
            await RecordAsync(name, scenario);
        }

        var events = HistoryJson.Parse(await File.ReadAllBytesAsync(PathOf(AppContext.BaseDirectory, name + ".json")), name);
        var execution = ReadExecution(await File.ReadAllTextAsync(PathOf(AppContext.BaseDirectory, name + ".execution.json")));

        WorkflowReplayer.Replay(definition, events, execution, Converter);
        Assert.Equal(lastEvent, events[^1].EventType);
    }

    private static async Task RecordAsync(string name, Func<Task<ScenarioRun>> scenario, [CallerFilePath] string thisFile = "")
    {
        await using var run = await scenario();
        var execution = run.Histories[name];
        var history = HistoryJson.Write(await run.App.HistoryAsync(execution));
        var sidecar = new JsonObject { ["workflowId"] = execution.WorkflowId, ["runId"] = execution.RunId }.ToJsonString(new() { WriteIndented = true });
        foreach (var folder in new[] { Path.GetDirectoryName(thisFile)!, AppContext.BaseDirectory })
        {
            Directory.CreateDirectory(Path.Combine(folder, "Histories"));
            await File.WriteAllBytesAsync(PathOf(folder, name + ".json"), history);
            await File.WriteAllTextAsync(PathOf(folder, name + ".execution.json"), sidecar + "\n");
        }
    }

    private static string PathOf(string folder, string file) => Path.Combine(folder, "Histories", file);

    private static WorkflowExecution ReadExecution(string json)
    {
        // The CLI prints no run id in a history, so each one sits beside the execution it belongs to.
        var node = JsonNode.Parse(json)!;
        return new WorkflowExecution { WorkflowId = (string)node["workflowId"]!, RunId = (string)node["runId"]! };
    }
}
