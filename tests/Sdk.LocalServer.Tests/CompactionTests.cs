using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalServer.Tests;

/// <summary>
/// Journal compaction: a snapshot replaces the journal rows it covers, closed runs past retention leave
/// the store, and a restart (after a clean shutdown, or from the file as a crash left it, snapshot plus
/// the rows after it) has exactly the same state: domains, types, open and closed runs, histories,
/// tokens, timers and the clock.
/// </summary>
public sealed class CompactionTests : IDisposable
{
    private const string Domain = "compacted";
    private static readonly DateTimeOffset T0 = new(2030, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("swf-local-compact-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Restart_AfterCompaction_SameStateAndTheRunsGoOn()
    {
        var database = Path.Combine(_directory, "swf.db");
        var crashed = Path.Combine(_directory, "crashed", "swf.db");
        var clock = new FakeTimeProvider(T0);
        WorkflowExecution expired, completed, open, tail;
        string activityToken;
        string stateBefore;
        await using (var server = await Servers.StartAsync(o => (o.DatabasePath, o.TimeProvider, o.SnapshotEveryEntries) = (database, clock, 0)))
        {
            using var swf = Servers.Client(server);
            await Servers.RegisterAsync(swf, Domain);
            expired = await CompleteAsync(swf, "expired-run");

            // Past the domain's one-day retention: the first run must leave the store with the next snapshot.
            clock.Advance(TimeSpan.FromDays(2));
            completed = await CompleteAsync(swf, "completed-run");
            open = new WorkflowExecution { WorkflowId = "open-run", RunId = (await Servers.StartAsync(swf, Domain, "open-run", "in")).Run.RunId! };
            var decision = await Servers.PollDecisionAsync(swf, Domain);
            await Servers.DecideAsync(swf, decision.TaskToken!, Servers.ScheduleActivity("a1"), Servers.StartTimer("reminder", "3600"));
            activityToken = (await Servers.PollActivityAsync(swf, Domain)).TaskToken!;

            Assert.True(server.CompactJournal());
            Assert.Equal(0, Rows(database));
            Assert.False(server.CompactJournal());
            Assert.DoesNotContain("expired-run", server.Engine.DescribeState(), StringComparison.Ordinal);

            // Steps after the snapshot stay in the journal.
            clock.Advance(TimeSpan.FromMinutes(5));
            tail = new WorkflowExecution { WorkflowId = "tail-run", RunId = (await Servers.StartAsync(swf, Domain, "tail-run")).Run.RunId! };
            await swf.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = Domain, WorkflowId = "open-run", SignalName = "poke", Input = "p" });
            Assert.True(Rows(database) >= 2);
            stateBefore = StateOf(server);

            // What a kill -9 now would leave on disk: the database and its write-ahead log as they are.
            Directory.CreateDirectory(Path.GetDirectoryName(crashed)!);
            File.Copy(database, crashed);
            File.Copy(database + "-wal", crashed + "-wal");
        }

        // The clean shutdown took a last snapshot.
        Assert.Equal(0, Rows(database));
        var stoppedAt = clock.GetUtcNow();
        foreach (var store in new[] { crashed, database })
        {
            var restartClock = new FakeTimeProvider(stoppedAt);
            await using var server = await Servers.StartAsync(o => (o.DatabasePath, o.TimeProvider, o.SnapshotEveryEntries) = (store, restartClock, 0));
            Assert.Equal(stateBefore, StateOf(server));
            using var swf = Servers.Client(server);
            await Assert.ThrowsAsync<UnknownResourceException>(() => swf.DescribeWorkflowExecutionAsync(new DescribeWorkflowExecutionRequest { Domain = Domain, Execution = expired }));
            Assert.Equal(EventType.WorkflowExecutionCompleted, (await Servers.HistoryAsync(swf, Domain, completed))[^1].EventType);
            Assert.Equal([EventType.WorkflowExecutionStarted, EventType.DecisionTaskScheduled], (await Servers.HistoryAsync(swf, Domain, tail)).Select(e => e.EventType));

            // The activity token handed out before the snapshot still works, and the timer fires on its original time.
            await swf.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = activityToken, Result = "done" });
            restartClock.Advance(TimeSpan.FromHours(1));
            var history = await Servers.HistoryAsync(swf, Domain, open);
            Assert.Contains(history, e => e.EventType == EventType.ActivityTaskCompleted);
            Assert.Contains(history, e => e.EventType == EventType.WorkflowExecutionSignaled);
            var fired = Assert.Single(history, e => e.EventType == EventType.TimerFired);
            Assert.Equal((T0 + TimeSpan.FromDays(2) + TimeSpan.FromHours(1)).UtcDateTime, fired.EventTimestamp);
        }
    }

    [Fact]
    public async Task Shutdown_AfterRestartFromTheJournalOnly_SnapshotCoversTheReplayedRows()
    {
        // A store whose journal was never compacted (a snapshot not yet due, or a crash): the rows replayed at start-up are
        // entries past the store's snapshot, so the next snapshot covers them, even when nothing new came in since.
        var database = Path.Combine(_directory, "swf.db");
        var clock = new FakeTimeProvider(T0);
        WorkflowExecution completed;
        string stateBefore;
        await using (var server = await Servers.StartAsync(o => (o.DatabasePath, o.TimeProvider, o.SnapshotEveryEntries) = (database, clock, 1_000_000)))
        {
            using var swf = Servers.Client(server);
            await Servers.RegisterAsync(swf, Domain);
            completed = await CompleteAsync(swf, "replayed-run");
            stateBefore = StateOf(server);
        }

        var rows = Rows(database);
        Assert.True(rows >= 5, $"the journal holds {rows} rows");
        Assert.Equal(0, SnapshotRows(database));

        await using (var server = await Servers.StartAsync(o => (o.DatabasePath, o.TimeProvider, o.SnapshotEveryEntries) = (database, clock, 0)))
        {
            Assert.Equal(stateBefore, StateOf(server));
        }

        Assert.Equal(0, Rows(database));
        Assert.Equal(1, SnapshotRows(database));
        await using (var server = await Servers.StartAsync(o => (o.DatabasePath, o.TimeProvider, o.SnapshotEveryEntries) = (database, clock, 0)))
        {
            Assert.Equal(stateBefore, StateOf(server));
            Assert.False(server.CompactJournal());
            using var swf = Servers.Client(server);
            Assert.Equal(EventType.WorkflowExecutionCompleted, (await Servers.HistoryAsync(swf, Domain, completed))[^1].EventType);
        }
    }

    [Fact]
    public async Task CompactJournal_AfterRestartWithRowsPastTheSnapshot_DropsThemAll()
    {
        var database = Path.Combine(_directory, "swf.db");
        var clock = new FakeTimeProvider(T0);
        string stateBefore;
        await using (var server = await Servers.StartAsync(o => (o.DatabasePath, o.TimeProvider, o.SnapshotEveryEntries) = (database, clock, 1_000_000)))
        {
            using var swf = Servers.Client(server);
            await Servers.RegisterAsync(swf, Domain);
            await CompleteAsync(swf, "before-snapshot");
            Assert.True(server.CompactJournal());
            await CompleteAsync(swf, "after-snapshot");
            stateBefore = StateOf(server);
        }

        Assert.True(Rows(database) >= 3);
        await using (var server = await Servers.StartAsync(o => (o.DatabasePath, o.TimeProvider, o.SnapshotEveryEntries) = (database, clock, 1_000_000)))
        {
            Assert.True(server.CompactJournal());
            Assert.Equal(0, Rows(database));
            Assert.False(server.CompactJournal());
            Assert.Equal(stateBefore, StateOf(server));
        }

        await using (var server = await Servers.StartAsync(o => (o.DatabasePath, o.TimeProvider, o.SnapshotEveryEntries) = (database, clock, 1_000_000)))
        {
            Assert.Equal(stateBefore, StateOf(server));
        }
    }

    private static async Task<WorkflowExecution> CompleteAsync(Client.ISwfClient swf, string workflowId)
    {
        var run = (await Servers.StartAsync(swf, Domain, workflowId)).Run;
        var decision = await Servers.PollDecisionAsync(swf, Domain);
        await Servers.DecideAsync(swf, decision.TaskToken!, Servers.Complete("ok"));
        return new WorkflowExecution { WorkflowId = workflowId, RunId = run.RunId! };
    }

    /// <summary>
    /// The engine's whole state as its snapshot writes it (every domain, type, run, history event, task,
    /// token, timer and timeout with its due time, the counters and the clock), as the engine's own
    /// snapshot tests compare it. Empty task lists are not state a snapshot keeps.
    /// </summary>
    private static string StateOf(SwfLocalServer server)
    {
        using var bytes = new MemoryStream();
        server.Engine.CaptureSnapshot().WriteTo(bytes);
        bytes.Position = 0;
        using var unzip = new GZipStream(bytes, CompressionMode.Decompress);
        using var reader = new StreamReader(unzip);
        return reader.ReadToEnd();
    }

    private static long SnapshotRows(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'snapshot'";
        if ((long)count.ExecuteScalar()! == 0)
        {
            return 0;
        }

        count.CommandText = "SELECT COUNT(*) FROM snapshot";
        return (long)count.ExecuteScalar()!;
    }

    private static long Rows(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM journal";
        return (long)count.ExecuteScalar()!;
    }
}
