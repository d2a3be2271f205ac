using System.Diagnostics;
using System.Globalization;
using Swf.LocalEngine;
using Swf.LocalServer;
using Swf.LocalServer.Store;
using Swf.Model;

namespace Swf.Benchmarks;

/// <summary>
/// <c>--startup</c>: how long swf-local takes to start on a store holding n completed workflows, with the
/// whole journal to replay (as before compaction) and from the snapshot a clean shutdown writes (checked: the
/// store holds no journal row then, so the second start replays nothing), and the
/// store's size per workflow either way. The store is filled through the engine with the SQLite journal
/// attached (group commit, one fsync per 1,000 workflows), not over HTTP, which would take hours here.
/// Each workflow is what a decider that completes at once leaves: StartWorkflowExecution,
/// PollForDecisionTask, RespondDecisionTaskCompleted(CompleteWorkflowExecution), with a 100-byte input and result.
/// </summary>
public static class StartupProfile
{
    private const string Domain = "startup";

    /// <summary>Fills a store per count, then times the starts.</summary>
    /// <param name="args">Workflow counts (10,000 and 100,000 by default).</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        var counts = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [10_000, 100_000];
        Console.WriteLine("| Completed workflows | Journal only: start-up | Journal size | Per workflow | Snapshot at shutdown took | From the snapshot: start-up | Store size | Per workflow |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var count in counts)
        {
            var directory = Directory.CreateTempSubdirectory("swf-local-startup-").FullName;
            try
            {
                var database = Path.Combine(directory, "swf.db");
                await FillAsync(database, count);
                var journalBytes = StoreBytes(database);

                var watch = Stopwatch.StartNew();
                var server = await SwfLocalServer.StartAsync(new SwfLocalServerOptions { Port = 0, DatabasePath = database, SnapshotEveryEntries = 0, EnableConsole = false });
                var fromJournal = watch.Elapsed;
                Check(server, count);
                watch.Restart();
                await server.DisposeAsync();
                var shutdown = watch.Elapsed;
                var snapshotBytes = StoreBytes(database);

                // The next start must load the snapshot, not replay the journal again (as it did while a restart's replayed rows were never compacted).
                CheckCompacted(database);

                watch.Restart();
                server = await SwfLocalServer.StartAsync(new SwfLocalServerOptions { Port = 0, DatabasePath = database, SnapshotEveryEntries = 0, EnableConsole = false });
                var fromSnapshot = watch.Elapsed;
                Check(server, count);
                await server.DisposeAsync();
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {count:N0} | {fromJournal.TotalSeconds:0.00} s | {journalBytes / 1048576.0:0.0} MB | {journalBytes / 1024.0 / count:0.00} KB | {shutdown.TotalSeconds:0.00} s | {fromSnapshot.TotalSeconds:0.00} s | {snapshotBytes / 1048576.0:0.0} MB | {snapshotBytes / 1024.0 / count:0.00} KB |"));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        return 0;
    }

    /// <summary>Fills a new store with <paramref name="count"/> completed workflows, through the engine with the store as its journal.</summary>
    /// <param name="database">The store.</param>
    /// <param name="count">The number of workflows.</param>
    /// <returns>A task that completes when the store is on disk.</returns>
    internal static async Task FillAsync(string database, int count)
    {
        using var journal = SqliteJournal.Open(database);
        using var engine = new LocalSwfEngine(new LocalSwfEngineOptions { Journal = journal });
        SqliteJournal.DeferDurability = true;
        try
        {
            await engine.RegisterDomainAsync(new RegisterDomainRequest { Name = Domain, WorkflowExecutionRetentionPeriodInDays = "30" });
            await engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
            {
                Domain = Domain, Name = "flow", Version = "1", DefaultTaskList = new TaskList { Name = "deciders" },
                DefaultTaskStartToCloseTimeout = "60", DefaultExecutionStartToCloseTimeout = "3600", DefaultChildPolicy = ChildPolicy.Terminate,
            });
            var payload = new string('x', 100);
            for (var i = 0; i < count; i++)
            {
                await engine.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest
                {
                    Domain = Domain, WorkflowId = "order-" + i.ToString(CultureInfo.InvariantCulture), WorkflowType = new WorkflowType { Name = "flow", Version = "1" }, Input = payload,
                });
                var task = (await engine.PollForDecisionTaskAsync(new PollForDecisionTaskRequest { Domain = Domain, TaskList = new TaskList { Name = "deciders" } })).DecisionTask;
                await engine.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest
                {
                    TaskToken = task.TaskToken!,
                    Decisions = [new Decision { DecisionType = DecisionType.CompleteWorkflowExecution, CompleteWorkflowExecutionDecisionAttributes = new() { Result = payload } }],
                });
                if (i % 1000 == 999)
                {
                    await journal.WhenDurableAsync();
                }
            }

            await journal.WhenDurableAsync();
        }
        finally
        {
            SqliteJournal.DeferDurability = false;
        }
    }

    /// <summary>Throws unless the store holds a snapshot and no journal row.</summary>
    /// <param name="database">The store.</param>
    internal static void CheckCompacted(string database)
    {
        using var journal = SqliteJournal.Open(database);
        var (snapshot, rows) = journal.WithDurableConnection(connection => (JournalSnapshots.Read(connection), JournalSnapshots.RowCount(connection)));
        if (snapshot is null || rows != 0)
        {
            throw new InvalidOperationException($"The clean shutdown left {(snapshot is null ? "no snapshot" : "a snapshot")} and {rows} journal rows.");
        }
    }

    private static void Check(SwfLocalServer server, int count)
    {
        var closed = server.Engine.CountClosedWorkflowExecutionsAsync(new CountClosedWorkflowExecutionsRequest
        {
            Domain = Domain, StartTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch },
        }).GetAwaiter().GetResult().WorkflowExecutionCount.Count;
        if (closed != count)
        {
            throw new InvalidOperationException($"The store holds {closed} closed workflows, not {count}.");
        }
    }

    private static long StoreBytes(string database) =>
        new[] { database, database + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
}
