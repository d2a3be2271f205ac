using Amazon.Runtime;
using Swf.Client;
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

    private static SwfHttpClient Client(Uri endpoint)
    {
        var options = new SwfClientOptions { ServiceUrl = endpoint, Region = "us-east-1", Credentials = new BasicAWSCredentials("local", "local") };
        options.Retry.MaxAttempts = 1;
        return new SwfHttpClient(options);
    }
}
