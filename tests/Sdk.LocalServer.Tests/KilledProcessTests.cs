using System.Text.Json;
using Amazon.Runtime;
using Microsoft.Data.Sqlite;
using Swf.Client;
using Swf.Exceptions;
using Swf.Model;
using Swf.Serialization;

namespace Swf.LocalServer.Tests;

public sealed class KilledProcessTests : IDisposable
{
    private const string Domain = "killed";
    private readonly string _directory = Directory.CreateTempSubdirectory("swf-local-kill-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Restart_AfterSigkill_LosesNothing()
    {
        var database = Path.Combine(_directory, "swf.db");
        WorkflowExecution execution;
        List<HistoryEvent> before;
        using (var first = await LocalServerProcess.StartAsync("--db", database))
        {
            using var swf = Client(first.Endpoint);
            await Servers.RegisterAsync(swf, Domain);
            var run = (await Servers.StartAsync(swf, Domain, "wf-kill")).Run;
            execution = new WorkflowExecution { WorkflowId = "wf-kill", RunId = run.RunId! };
            var decision = await Servers.PollDecisionAsync(swf, Domain);
            await Servers.DecideAsync(swf, decision.TaskToken!, Servers.ScheduleActivity("pay"), Servers.StartTimer("wait", "2"));
            before = await Servers.HistoryAsync(swf, Domain, execution);
            await first.KillAsync();
        }

        using var second = await LocalServerProcess.StartAsync("--db", database);
        using (var swf = Client(second.Endpoint))
        {
            var after = await Servers.HistoryAsync(swf, Domain, execution);
            Assert.True(after.Count >= before.Count);
            Assert.Equal(before.Select(e => (e.EventId, e.EventType.Value, e.EventTimestamp)), after.Take(before.Count).Select(e => (e.EventId, e.EventType.Value, e.EventTimestamp)));

            var activity = await Servers.PollActivityAsync(swf, Domain);
            Assert.Equal("pay", activity.ActivityId);
            await swf.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = activity.TaskToken!, Result = "paid" });

            // The timer fires (during or after the restart); the decider finishes once it has seen it.
            var sawTimer = false;
            while (true)
            {
                var decision = await Servers.PollDecisionAsync(swf, Domain);
                sawTimer |= decision.Events!.Any(e => e.EventType == EventType.TimerFired && e.EventId > decision.PreviousStartedEventId);
                if (sawTimer)
                {
                    await Servers.DecideAsync(swf, decision.TaskToken!, Servers.Complete());
                    break;
                }

                await Servers.DecideAsync(swf, decision.TaskToken!);
            }

            Assert.Equal(EventType.WorkflowExecutionCompleted, (await Servers.HistoryAsync(swf, Domain, execution))[^1].EventType);
        }
    }

    [Theory]
    [InlineData("full")]
    [InlineData("normal")]
    public async Task Restart_AfterSigkillDuringConcurrentStarts_KeepsEveryAcknowledgedStart(string journalSync)
    {
        // Group commit puts concurrent requests in one transaction: every start that was answered must be there
        // after a kill, whichever batch it was in, and the kill lands while starts are still being written. With
        // --journal-sync normal nothing is fsync'd before the answer, but it is written: a kill still loses nothing.
        var database = Path.Combine(_directory, "swf.db");
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (var first = await LocalServerProcess.StartAsync("--db", database, "--journal-sync", journalSync))
        {
            using var swf = Client(first.Endpoint);
            await Servers.RegisterAsync(swf, Domain);
            using var stop = new CancellationTokenSource();
            var starters = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var id = $"wf-{worker}-{i}";
                    try
                    {
                        var run = (await Servers.StartAsync(swf, Domain, id)).Run;
                        acknowledged[id] = run.RunId!;
                        if (acknowledged.Count >= 200)
                        {
                            enough.TrySetResult();
                        }
                    }
                    catch (SwfException)
                    {
                        return;
                    }
                }
            })).ToList();
            await Task.WhenAny(enough.Task, Task.WhenAll(starters));
            Assert.True(enough.Task.IsCompleted, "the starters stopped before 200 starts were answered");
            await first.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(starters);
        }

        using var second = await LocalServerProcess.StartAsync("--db", database);
        using (var swf = Client(second.Endpoint))
        {
            foreach (var (id, runId) in acknowledged)
            {
                var detail = await swf.DescribeWorkflowExecutionAsync(new DescribeWorkflowExecutionRequest { Domain = Domain, Execution = new WorkflowExecution { WorkflowId = id, RunId = runId } });
                Assert.Equal(ExecutionStatus.Open, detail.WorkflowExecutionDetail.ExecutionInfo.ExecutionStatus);
            }
        }
    }

    [Fact]
    public async Task Restart_AfterSigkillWhileCompactingUnderLoad_LosesNothingAccepted()
    {
        // With --snapshot-every 20 a snapshot falls due every few workflows, so under this load one is being taken
        // (or was just written) nearly all the time; the process is killed once the store shows that two were written,
        // after a few more workflows, while the workers go on. Everything acknowledged must come back: every start, and
        // every history as the client last read it (a closed run's exactly, an open run's as its beginning).
        var database = Path.Combine(_directory, "swf.db");
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, (string RunId, string[] History, bool Closed)>(StringComparer.Ordinal);
        var acknowledged = new SemaphoreSlim(0);
        var killed = false;
        var snapshots = new HashSet<long>();
        using (var first = await LocalServerProcess.StartAsync("--db", database, "--snapshot-every", "20"))
        {
            using var swf = Client(first.Endpoint);
            await Servers.RegisterAsync(swf, Domain);
            var workers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
            {
                for (var i = 0; ; i++)
                {
                    try
                    {
                        var id = $"wf-{worker}-{i}";
                        var runId = (await Servers.StartAsync(swf, Domain, id, new string('i', 200))).Run.RunId!;
                        seen[id] = (runId, [], false);
                        acknowledged.Release();

                        // The task may be another worker's workflow: whoever polls completes what it got.
                        var task = await Servers.PollDecisionAsync(swf, Domain);
                        var execution = task.WorkflowExecution!;
                        seen[execution.WorkflowId] = (execution.RunId!, Events(await Servers.HistoryAsync(swf, Domain, execution)), false);
                        await Servers.DecideAsync(swf, task.TaskToken!, Servers.Complete(new string('r', 200)));
                        seen[execution.WorkflowId] = (execution.RunId!, Events(await Servers.HistoryAsync(swf, Domain, execution)), true);
                        acknowledged.Release();
                    }
                    catch (Exception) when (Volatile.Read(ref killed))
                    {
                        return;
                    }
                }
            })).ToList();

            // Driven by acknowledged steps, not by time: each one looks at the store's snapshot.
            var afterSecond = 0;
            for (var steps = 0; afterSecond < 6; steps++)
            {
                Assert.True(steps < 4000, $"only {snapshots.Count} snapshots were written in {steps} acknowledged steps");
                await Task.WhenAny(acknowledged.WaitAsync(), Task.WhenAny(workers));
                if (workers.FirstOrDefault(w => w.IsCompleted) is { } ended)
                {
                    await ended;
                    Assert.Fail("a worker stopped before the kill");
                }

                snapshots.Add(SnapshotPosition(database));
                snapshots.Remove(0);
                afterSecond += snapshots.Count >= 2 ? 1 : 0;
            }

            Volatile.Write(ref killed, true);
            await first.KillAsync();
            await Task.WhenAll(workers);
        }

        Assert.True(seen.Count >= 10);
        using var second = await LocalServerProcess.StartAsync("--db", database, "--snapshot-every", "20");
        using (var swf = Client(second.Endpoint))
        {
            foreach (var (id, (runId, history, closed)) in seen)
            {
                var execution = new WorkflowExecution { WorkflowId = id, RunId = runId };
                var detail = await swf.DescribeWorkflowExecutionAsync(new DescribeWorkflowExecutionRequest { Domain = Domain, Execution = execution });
                Assert.Equal(id, detail.WorkflowExecutionDetail.ExecutionInfo.Execution.WorkflowId);
                var after = Events(await Servers.HistoryAsync(swf, Domain, execution));
                if (closed)
                {
                    Assert.Equal(ExecutionStatus.Closed, detail.WorkflowExecutionDetail.ExecutionInfo.ExecutionStatus);
                    Assert.Equal(history, after);
                }
                else
                {
                    Assert.Equal(history, after.Take(history.Length));
                }
            }
        }
    }

    private static string[] Events(List<HistoryEvent> history) => [.. history.Select(e => JsonSerializer.Serialize(e, SwfJsonContext.Default.HistoryEvent))];

    /// <summary>The journal position of the store's snapshot as another process sees the file now (0 for none).</summary>
    private static long SnapshotPosition(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(journal_position), 0) FROM snapshot";
        return (long)command.ExecuteScalar()!;
    }

    private static SwfHttpClient Client(Uri endpoint)
    {
        var options = new SwfClientOptions { ServiceUrl = endpoint, Region = "us-east-1", Credentials = new BasicAWSCredentials("local", "local") };
        options.Retry.MaxAttempts = 1;
        return new SwfHttpClient(options);
    }
}
