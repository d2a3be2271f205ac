using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task PollForActivityTask_SeveralWaitingPollers_FirstPollerGetsFirstTask()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();
        var first = PollActivity(h, "first");
        var second = PollActivity(h, "second");

        await h.DecideAsync(D.ScheduleActivity("a1"));
        var firstTask = (await first).ActivityTask;
        Assert.False(second.IsCompleted);
        await h.Engine.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1", SignalName = "s" });
        await h.DecideAsync(D.ScheduleActivity("a2"));
        var secondTask = (await second).ActivityTask;

        Assert.Equal("a1", firstTask.ActivityId);
        Assert.Equal("a2", secondTask.ActivityId);
    }

    [Fact]
    public async Task PollForActivityTask_CancelledPoller_TaskGoesToNextPoller()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();
        using var cts = new CancellationTokenSource();
        var cancelled = PollActivity(h, "cancelled", cts.Token);
        var other = PollActivity(h, "other");

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await h.DecideAsync(D.ScheduleActivity("a1"));

        Assert.Equal("a1", (await other).ActivityTask.ActivityId);
    }

    [Fact]
    public async Task PollForDecisionTask_CancelledAfterTaskHandedOver_TaskIsNotConsumed()
    {
        using var h = await EngineHarness.CreateAsync();
        using var cts = new CancellationTokenSource();
        var poll = h.Engine.PollForDecisionTaskAsync(
            new PollForDecisionTaskRequest { Domain = EngineHarness.Domain, TaskList = new TaskList { Name = EngineHarness.DecisionList } }, cts.Token);

        // The start hands the task to the waiting poll, whose continuation has not run yet when the cancel arrives.
        var runId = await h.StartAsync();
        await cts.CancelAsync();
        var outcome = await Record.ExceptionAsync(() => poll);

        if (outcome is null)
        {
            // The poll won the race and started the task: that is a delivery, not a loss.
            Assert.NotNull((await poll).DecisionTask.TaskToken);
            return;
        }

        Assert.IsAssignableFrom<OperationCanceledException>(outcome);
        Assert.Equal(1, await h.PendingDecisionTasksAsync());
        Assert.DoesNotContain(await h.HistoryAsync(runId), e => e.EventType == EventType.DecisionTaskStarted);
        Assert.Equal(runId, (await h.PollDecisionAsync()).WorkflowExecution!.RunId);
    }

    [Fact]
    public async Task PollForActivityTask_ManyConcurrentPollers_EachTaskDeliveredExactlyOnce()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();
        var polls = Enumerable.Range(0, 40).Select(i => PollActivity(h, "w" + i)).ToList();

        await h.DecideAsync([.. Enumerable.Range(0, 25).Select(i => D.ScheduleActivity("a" + i))]);
        var delivered = await Task.WhenAll(polls.Take(25));
        h.AdvanceSeconds(60);
        var empty = await Task.WhenAll(polls.Skip(25));

        Assert.Equal(25, delivered.Select(r => r.ActivityTask.ActivityId).Distinct().Count());
        Assert.All(empty, r => Assert.Null(r.ActivityTask.TaskToken));
    }

    [Fact]
    public async Task StartWorkflowExecution_ManyClientsInParallel_EveryRunGetsOneDecisionTask()
    {
        using var h = await EngineHarness.CreateAsync();
        var pollers = Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            h.Engine.PollForDecisionTaskAsync(new PollForDecisionTaskRequest { Domain = EngineHarness.Domain, TaskList = new TaskList { Name = EngineHarness.DecisionList } }))).ToList();
        var starts = Enumerable.Range(0, 50).Select(i => Task.Run(() => h.StartAsync("wf-" + i))).ToList();

        var runIds = await Task.WhenAll(starts);
        var tasks = new List<DecisionTask>();
        while (tasks.Count < 50)
        {
            var done = await Task.WhenAny(pollers);
            pollers.Remove(done);
            tasks.Add((await done).DecisionTask);
        }

        Assert.Equal(runIds.Order(), tasks.Select(t => t.WorkflowExecution!.RunId).Order());
    }

    [Fact]
    public async Task PollForActivityTask_PollerLimitReached_ThrowsLimitExceeded()
    {
        using var h = await EngineHarness.CreateAsync(o => o.MaxPollersPerTaskList = 2);
        var first = PollActivity(h, "1");
        var second = PollActivity(h, "2");

        var error = await Assert.ThrowsAsync<LimitExceededException>(() => PollActivity(h, "3"));

        Assert.Contains("maximum concurrent poll requests", error.Message, StringComparison.Ordinal);
        h.AdvanceSeconds(60);
        await Task.WhenAll(first, second);
    }

    [Fact]
    public async Task PollForDecisionTask_LongPollOption_WaitsConfiguredDuration()
    {
        using var h = await EngineHarness.CreateAsync(o => o.LongPollTimeout = TimeSpan.FromSeconds(5));
        var poll = h.Engine.PollForDecisionTaskAsync(new PollForDecisionTaskRequest { Domain = EngineHarness.Domain, TaskList = new TaskList { Name = "x" } });

        h.AdvanceSeconds(4);
        Assert.False(poll.IsCompleted);
        h.AdvanceSeconds(1);

        Assert.Null((await poll).DecisionTask.TaskToken);
    }

    private static Task<PollForActivityTaskResponse> PollActivity(EngineHarness h, string identity, CancellationToken cancellationToken = default) =>
        h.Engine.PollForActivityTaskAsync(
            new PollForActivityTaskRequest { Domain = EngineHarness.Domain, TaskList = new TaskList { Name = EngineHarness.ActivityList }, Identity = identity },
            cancellationToken);
}
