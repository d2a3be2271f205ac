using Swf.Model;

namespace Swf.LocalServer.Tests;

/// <summary>Stores whose journal holds an entry that does not replay: start-up says which, and how to go on.</summary>
public sealed class BrokenJournalTests : IDisposable
{
    private const string Domain = "broken";
    private readonly string _directory = Directory.CreateTempSubdirectory("swf-local-broken-").FullName;

    private string Database => Path.Combine(_directory, "swf.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // Defect: the journal kept a RespondDecisionTaskCompleted with an empty duration that was answered 500;
    // replaying it threw FormatException and the store never started again. Now the request fails
    // validation on replay as it does live, changes nothing, and the decision task is still the decider's.
    [Fact]
    public async Task Start_StoreHoldingTheRequestAnEmptyDurationBroke_StartsWithTheDecisionTaskStillOpen()
    {
        WorkflowExecution execution;
        string token;
        await using (var server = await Servers.StartAsync(o => o.DatabasePath = Database))
        {
            using var swf = Servers.Client(server);
            await Servers.RegisterAsync(swf, Domain);
            execution = new WorkflowExecution { WorkflowId = "wf", RunId = (await Servers.StartAsync(swf, Domain, "wf")).Run.RunId! };
            token = (await Servers.PollDecisionAsync(swf, Domain)).TaskToken!;
        }

        // As the earlier swf-local journaled it: the request was accepted, then failed half-way.
        StoreRows.Append(Database, "RespondDecisionTaskCompleted", $$$"""
            {"taskToken":"{{{token}}}","decisions":[{"decisionType":"RecordMarker","recordMarkerDecisionAttributes":{"markerName":"m"}},
            {"decisionType":"ScheduleActivityTask","scheduleActivityTaskDecisionAttributes":{"activityType":{"name":"Charge","version":"1"},"activityId":"a1","scheduleToCloseTimeout":""}}]}
            """);

        await using (var server = await Servers.StartAsync(o => o.DatabasePath = Database))
        {
            using var swf = Servers.Client(server);
            var history = await Servers.HistoryAsync(swf, Domain, execution);
            Assert.Equal(EventType.DecisionTaskStarted, history[^1].EventType);
            await Servers.DecideAsync(swf, token, Servers.Complete());
            Assert.Equal(EventType.WorkflowExecutionCompleted, (await Servers.HistoryAsync(swf, Domain, execution))[^1].EventType);
        }
    }

    // Defect: a row that could not be read (here: a request without its required members) escaped start-up
    // as a JsonException; a row that did not replay was named only by its position.
    [Theory]
    [InlineData("StartWorkflowExecution", "{}", 0, "cannot be read")]
    [InlineData("PollForDecisionTask", """{"domain":"broken","taskList":{"name":"deciders"}}""", 999, "does not replay")]
    public async Task Start_JournalEntryThatDoesNotReplay_FailsNamingTheEntryItsOperationInstantAndTheWayOut(string operation, string request, long taskSequence, string what)
    {
        await using (var server = await Servers.StartAsync(o => o.DatabasePath = Database))
        {
            await Servers.RegisterAsync(server.Engine, Domain);
        }

        var id = StoreRows.Append(Database, operation, request, taskSequence);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Servers.StartAsync(o => o.DatabasePath = Database));

        Assert.Contains($"journal entry {id} ({operation} at {StoreRows.InstantOf(Database, id)}) {what}", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(Database), error.Message, StringComparison.Ordinal);
        Assert.Contains("--skip-bad-journal-entries", error.Message, StringComparison.Ordinal);
    }

    // Defect: the process died with an unhandled exception (exit code 134) on every start.
    [Fact]
    public async Task Process_JournalEntryThatCannotBeRead_ExitsWithCode1AndTheMessage()
    {
        await using (var server = await Servers.StartAsync(o => o.DatabasePath = Database))
        {
            await Servers.RegisterAsync(server.Engine, Domain);
        }

        var id = StoreRows.Append(Database, "StartWorkflowExecution", "{}");

        var (exitCode, _, error) = await Tools.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "swf-local.dll"), "--port", "0", "--db", Database]);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("swf-local: could not start: ", error, StringComparison.Ordinal);
        Assert.Contains($"journal entry {id} (StartWorkflowExecution at ", error, StringComparison.Ordinal);
        Assert.Contains("--skip-bad-journal-entries", error, StringComparison.Ordinal);
    }
}
