using Amazon.Runtime;
using Swf.Client;
using Swf.Exceptions;
using Swf.Model;

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

    private static SwfHttpClient Client(Uri endpoint)
    {
        var options = new SwfClientOptions { ServiceUrl = endpoint, Region = "us-east-1", Credentials = new BasicAWSCredentials("local", "local") };
        options.Retry.MaxAttempts = 1;
        return new SwfHttpClient(options);
    }
}
