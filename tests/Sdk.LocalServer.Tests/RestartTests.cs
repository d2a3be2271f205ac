using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Swf.Model;
using Swf.Serialization;

namespace Swf.LocalServer.Tests;

/// <summary>
/// The durable store: a server is dropped without any save step (there is none) and a new one on the
/// same file must have everything, with timers and timeouts still running on their original times.
/// </summary>
public sealed class RestartTests : IDisposable
{
    private const string Domain = "durable";
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("swf-local-restart-").FullName;

    private string Database => Path.Combine(_directory, "swf.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Restart_WithDatabase_KeepsEverythingAndTheWorkflowFinishes()
    {
        var clock = new FakeTimeProvider(T0);
        WorkflowExecution execution;
        string historyBefore;
        string startedActivityToken;
        await using (var server = await Servers.StartAsync(o => (o.DatabasePath, o.TimeProvider) = (Database, clock)))
        {
            using var swf = Servers.Client(server);
            (execution, startedActivityToken) = await RunHalfWayAsync(swf);
            historyBefore = Json(await Servers.HistoryAsync(swf, Domain, execution));

            // Some time passes, the server is dropped without any flush.
            clock.Advance(TimeSpan.FromMinutes(10));
        }

        await using (var server = await Servers.StartAsync(o => (o.DatabasePath, o.TimeProvider) = (Database, clock)))
        {
            using var swf = Servers.Client(server);
            Assert.Equal(historyBefore, Json(await Servers.HistoryAsync(swf, Domain, execution)));
            var described = await swf.DescribeWorkflowExecutionAsync(new DescribeWorkflowExecutionRequest { Domain = Domain, Execution = execution });
            Assert.Equal(2, described.WorkflowExecutionDetail.OpenCounts.OpenActivityTasks);
            Assert.Equal(1, described.WorkflowExecutionDetail.OpenCounts.OpenTimers);
            Assert.Equal(1, (await swf.CountPendingActivityTasksAsync(new CountPendingActivityTasksRequest { Domain = Domain, TaskList = new TaskList { Name = Servers.ActivityList } })).PendingTaskCount.Count);

            // The started activity's token still works; the pending one is handed out now.
            await swf.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = startedActivityToken, Result = "one" });
            var second = await Servers.PollActivityAsync(swf, Domain);
            Assert.Equal("a2", second.ActivityId);
            await swf.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = second.TaskToken!, Result = "two" });
            var decision = await Servers.PollDecisionAsync(swf, Domain);
            Assert.Equal(2, decision.Events!.Count(e => e.EventType == EventType.ActivityTaskCompleted));
            Assert.DoesNotContain(decision.Events!, e => e.EventType == EventType.TimerFired);
            await Servers.DecideAsync(swf, decision.TaskToken!);

            // The timer fires at its original due time.
            clock.Advance(TimeSpan.FromHours(1));
            decision = await Servers.PollDecisionAsync(swf, Domain);
            var fired = Assert.Single(decision.Events!, e => e.EventType == EventType.TimerFired);
            Assert.Equal(T0.UtcDateTime.AddHours(1), fired.EventTimestamp);
            await Servers.DecideAsync(swf, decision.TaskToken!, Servers.Complete("finished"));
            var history = await Servers.HistoryAsync(swf, Domain, execution);
            Assert.Equal(EventType.WorkflowExecutionCompleted, history[^1].EventType);
        }
    }

    [Fact]
    public async Task Restart_TimersAndTimeoutsFellDueWhileDown_FireAtOnceAsOfTheirDueTime()
    {
        var clock = new FakeTimeProvider(T0);
        WorkflowExecution execution;
        await using (var server = await Servers.StartAsync(o => (o.DatabasePath, o.TimeProvider) = (Database, clock)))
        {
            using var swf = Servers.Client(server);
            (execution, _) = await RunHalfWayAsync(swf);
        }

        clock.Advance(TimeSpan.FromHours(5));
        await using (var server = await Servers.StartAsync(o => (o.DatabasePath, o.TimeProvider) = (Database, clock)))
        {
            using var swf = Servers.Client(server);
            var history = await Servers.HistoryAsync(swf, Domain, execution);
            var fired = Assert.Single(history, e => e.EventType == EventType.TimerFired);
            Assert.Equal(T0.UtcDateTime.AddHours(1), fired.EventTimestamp);
            Assert.Equal(2, history.Count(e => e.EventType == EventType.ActivityTaskTimedOut));
            var decision = await Servers.PollDecisionAsync(swf, Domain);
            await Servers.DecideAsync(swf, decision.TaskToken!, Servers.Complete());
            Assert.Equal(EventType.WorkflowExecutionCompleted, (await Servers.HistoryAsync(swf, Domain, execution))[^1].EventType);
        }

        // A third start replays the resumed timers too, and finds the run closed.
        await using (var server = await Servers.StartAsync(o => (o.DatabasePath, o.TimeProvider) = (Database, clock)))
        {
            using var swf = Servers.Client(server);
            Assert.Equal(EventType.WorkflowExecutionCompleted, (await Servers.HistoryAsync(swf, Domain, execution))[^1].EventType);
        }
    }

    /// <summary>Starts a run whose first decision schedules two activities and a one-hour timer; one activity is started.</summary>
    private static async Task<(WorkflowExecution Execution, string StartedActivityToken)> RunHalfWayAsync(Client.ISwfClient swf)
    {
        await Servers.RegisterAsync(swf, Domain);
        var run = (await Servers.StartAsync(swf, Domain, "order-7", "input")).Run;
        var decision = await Servers.PollDecisionAsync(swf, Domain);
        await Servers.DecideAsync(swf, decision.TaskToken!, Servers.ScheduleActivity("a1"), Servers.ScheduleActivity("a2"), Servers.StartTimer("reminder", "3600"));
        var first = await Servers.PollActivityAsync(swf, Domain);
        Assert.Equal("a1", first.ActivityId);
        return (new WorkflowExecution { WorkflowId = "order-7", RunId = run.RunId! }, first.TaskToken!);
    }

    private static string Json(List<HistoryEvent> events) => JsonSerializer.Serialize(new History { Events = events }, SwfJsonContext.Default.History);
}
