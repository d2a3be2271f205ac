using Swf.Exceptions;
using Swf.Model;
using Swf.Serialization;
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
}
