using Swf.Model;

namespace Swf.LocalServer.Tests;

/// <summary><c>--skip-bad-journal-entries</c>: a store with entries that do not replay starts without them, and says so.</summary>
public sealed class SkipBadJournalEntriesTests : IDisposable
{
    private const string Domain = "skipping";
    private readonly string _directory = Directory.CreateTempSubdirectory("swf-local-skip-").FullName;

    private string Database => Path.Combine(_directory, "swf.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Start_SkipBadJournalEntries_StartsWithoutThemReportsEachAndSkipsThemAgainNextTime()
    {
        await using (var server = await Servers.StartAsync(o => o.DatabasePath = Database))
        {
            await Servers.RegisterAsync(server.Engine, Domain);
        }

        var unreadable = StoreRows.Append(Database, "StartWorkflowExecution", "{}");
        var unreplayable = StoreRows.Append(Database, "PollForDecisionTask", """{"domain":"skipping","taskList":{"name":"deciders"}}""", taskSequence: 999);
        string before;
        await using (var server = await Servers.StartAsync(o => (o.DatabasePath, o.SkipBadJournalEntries) = (Database, true)))
        {
            Assert.Collection(
                server.SkippedJournalEntries,
                first => Assert.Contains($"journal entry {unreadable} (StartWorkflowExecution at ", first, StringComparison.Ordinal),
                second => Assert.Contains($"journal entry {unreplayable} (PollForDecisionTask at ", second, StringComparison.Ordinal));
            before = server.Engine.DescribeState();

            // The store goes on after the entries it skipped.
            using var swf = Servers.Client(server);
            await Servers.StartAsync(swf, Domain, "after");
        }

        await using (var server = await Servers.StartAsync(o => (o.DatabasePath, o.SkipBadJournalEntries) = (Database, true)))
        {
            Assert.Equal(2, server.SkippedJournalEntries.Count);
            var open = await server.Engine.ListOpenWorkflowExecutionsAsync(new ListOpenWorkflowExecutionsRequest { Domain = Domain, StartTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch } });
            Assert.Equal("after", Assert.Single(open.WorkflowExecutionInfos.ExecutionInfos).Execution.WorkflowId);
        }

        Assert.Contains($"domain {Domain} REGISTERED", before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_SkipBadJournalEntries_StartsAndPrintsWhatItSkipped()
    {
        await using (var server = await Servers.StartAsync(o => o.DatabasePath = Database))
        {
            await Servers.RegisterAsync(server.Engine, Domain);
        }

        var id = StoreRows.Append(Database, "StartWorkflowExecution", "{}");

        using var process = await LocalServerProcess.StartAsync("--db", Database, "--skip-bad-journal-entries");
        using var swf = Servers.Client(process.Endpoint);
        var domain = await swf.DescribeDomainAsync(new DescribeDomainRequest { Name = Domain });
        Assert.Equal(Domain, domain.DomainDetail.DomainInfo.Name);
        await process.KillAsync();
        Assert.Contains($"swf-local: skipped journal entry {id} (StartWorkflowExecution at ", process.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SkipBadJournalEntries_SetsTheOptionAndNeedsDb()
    {
        Assert.True(LocalServerCommand.Parse(["--port", "0", "--db", "x.db", "--skip-bad-journal-entries"]).Options!.SkipBadJournalEntries);
        Assert.False(LocalServerCommand.Parse(["--port", "0", "--db", "x.db"]).Options!.SkipBadJournalEntries);
        Assert.Contains("--skip-bad-journal-entries is only used with --db.", LocalServerCommand.Parse(["--port", "0", "--skip-bad-journal-entries"]).Errors);
    }
}
