using Swf.Exceptions;
using Swf.Model;
using Swf.Serialization;
using Swf.Tests.TestSupport;
using Swf.Worker;
using Swf.Workflows;

namespace Swf.Tests.Worker;

public sealed class WorkflowReplayerTests : IDisposable
{
    private static readonly ActivityType Act = new() { Name = "Act", Version = "1" };
    private readonly string _folder = Directory.CreateTempSubdirectory("swf-replay-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static WorkflowDefinition Definition { get; } = new()
    {
        WorkflowType = new WorkflowType { Name = "Test", Version = "1" },
        CreateInstance = () => new object(),
        Run = async (_, input) => await Workflow.ExecuteActivityAsync(Act, input),
    };

    private static IReadOnlyList<HistoryEvent> Completed(string activityName)
    {
        var h = new HistoryBuilder().Started("in").DecisionTask().Completed();
        var scheduled = h.ActivityScheduled("1", name: activityName);
        h.ActivityCompleted(scheduled, "out").DecisionTask().Completed().WorkflowCompleted("out");
        return h.Events;
    }

    [Fact]
    public void ReplayFolder_GoodChangedAndJunkFiles_ReportsEachWithEventIds()
    {
        File.WriteAllBytes(Path.Combine(_folder, "a-good.json"), HistoryJson.Write(Completed("Act")));
        File.WriteAllBytes(Path.Combine(_folder, "b-changed.json"), HistoryJson.Write(Completed("Renamed"), isoTimestamps: true));
        File.WriteAllText(Path.Combine(_folder, "c-junk.json"), "{\"domainInfos\":[]}");

        var results = WorkflowReplayer.ReplayFolder(_folder, [Definition]);

        Assert.Equal(3, results.Count);
        Assert.True(results[0].Succeeded);
        Assert.Equal(5, results[1].EventId);
        Assert.IsType<NonDeterministicWorkflowException>(results[1].Error);
        Assert.IsType<FormatException>(results[2].Error);
        var all = Assert.Throws<AggregateException>(() => WorkflowReplayer.ThrowIfAnyFailed(results));
        Assert.Equal(2, all.InnerExceptions.Count);
        Assert.Contains("b-changed.json", all.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayFile_UnknownWorkflowType_SaysWhichTypesAreKnown()
    {
        var path = Path.Combine(_folder, "other.json");
        File.WriteAllBytes(path, HistoryJson.Write(new HistoryBuilder().Started(workflowName: "Other").DecisionTask().Events));

        var result = WorkflowReplayer.ReplayFile(path, [Definition]);

        Assert.False(result.Succeeded);
        Assert.Contains("no definition for workflow type Other 1; known: Test 1", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_MarkerOfTheWorkflowIdWithoutExecution_ThrowsExecutionRequiredNotNonDeterminism()
    {
        // The difference does not show in the message (a marker's details are not in it), only in the decisions.
        var marked = new WorkflowDefinition
        {
            WorkflowType = new WorkflowType { Name = "Test", Version = "1" },
            CreateInstance = () => new object(),
            Run = (_, _) =>
            {
                Workflow.RecordMarker("who", Workflow.Info.WorkflowId);
                return Task.FromResult<string?>("done");
            },
        };
        var events = new HistoryBuilder().Started().DecisionTask().Completed().Marker("who", "order-7").WorkflowCompleted("done").Events;

        var ex = Assert.Throws<ReplayExecutionRequiredException>(() => WorkflowReplayer.Replay(marked, events));
        WorkflowReplayer.Replay(marked, events, new WorkflowExecution { WorkflowId = "order-7", RunId = "run-7" });

        Assert.Equal(5, Assert.IsType<NonDeterministicWorkflowException>(ex.InnerException).EventId);
        Assert.Contains("does not say which execution it is", ex.Message, StringComparison.Ordinal);
        Assert.Contains("`swf history get`", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_ChangedWorkflowWithoutExecution_IsStillNonDeterministic()
    {
        var ex = Assert.Throws<NonDeterministicWorkflowException>(() => WorkflowReplayer.Replay(Definition, Completed("Renamed")));

        Assert.Equal(5, ex.EventId);
    }

    [Fact]
    public async Task ReplayFile_ChildWithDefaultIdAndRecordedExecution_ReplaysAsThatExecution()
    {
        await using var fleet = await RecordedFleet.RunAsync();
        var execution = await fleet.ExecutionAsync("order-1");
        var path = Path.Combine(_folder, "order-1.json");
        File.WriteAllBytes(path, HistoryJson.Write(await fleet.HistoryAsync(execution), execution, isoTimestamps: true));

        var result = WorkflowReplayer.ReplayFile(path, RecordedFleet.Definitions);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(ReplayStatus.Succeeded, result.Status);
        Assert.Equal((execution.WorkflowId, execution.RunId), (result.Execution!.WorkflowId, result.Execution.RunId));
    }

    [Fact]
    public async Task ReplayFile_ChildWithDefaultIdWithoutExecution_ReportsTheExecutionIsNeeded()
    {
        await using var fleet = await RecordedFleet.RunAsync();
        var execution = await fleet.ExecutionAsync("order-1");
        var path = Path.Combine(_folder, "order-1.json");
        File.WriteAllBytes(path, HistoryJson.Write(await fleet.HistoryAsync(execution)));

        var result = WorkflowReplayer.ReplayFile(path, RecordedFleet.Definitions);

        // Replayed as a stand-in, the child's default id ("replay-child-1") differs from the recorded "order-1-child-1".
        Assert.Equal(ReplayStatus.ExecutionRequired, result.Status);
        var error = Assert.IsType<ReplayExecutionRequiredException>(result.Error);
        Assert.Contains("(workflow id order-1-child-1)", error.InnerException!.Message, StringComparison.Ordinal);
        Assert.Null(result.EventId);
        Assert.Throws<ReplayExecutionRequiredException>(() => WorkflowReplayer.Replay(RecordedFleet.OrderDefinition, HistoryJson.Parse(File.ReadAllBytes(path))));
    }

    [Fact]
    public async Task ReplayFileAndFolder_ExecutionGivenForFilesWithoutOne_ReplayAsIt()
    {
        await using var fleet = await RecordedFleet.RunAsync();
        var executions = new Dictionary<string, WorkflowExecution>();
        foreach (var workflowId in new[] { "order-1", "order-2" })
        {
            var execution = await fleet.ExecutionAsync(workflowId);
            var path = Path.Combine(_folder, workflowId + ".json");
            executions[path] = execution;
            File.WriteAllBytes(path, HistoryJson.Write(await fleet.HistoryAsync(execution)));
        }

        var file = WorkflowReplayer.ReplayFile(
            Path.Combine(_folder, "order-1.json"), RecordedFleet.Definitions, new WorkflowReplayOptions { Execution = executions[Path.Combine(_folder, "order-1.json")] });
        var folder = WorkflowReplayer.ReplayFolder(_folder, RecordedFleet.Definitions, new WorkflowReplayOptions { ExecutionResolver = path => executions[path] });
        var unresolved = WorkflowReplayer.ReplayFolder(_folder, RecordedFleet.Definitions, new WorkflowReplayOptions { ExecutionResolver = _ => null });

        Assert.True(file.Succeeded, file.ToString());
        Assert.Equal(2, folder.Count);
        Assert.All(folder, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(executions.Values.Select(e => e.RunId).Order(), folder.Select(r => r.Execution!.RunId).Order());
        Assert.All(unresolved, r => Assert.Equal(ReplayStatus.ExecutionRequired, r.Status));
    }
}
