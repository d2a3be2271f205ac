using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class TaskListTests
{
    [Fact]
    public async Task ListTaskLists_ScheduledTasksAndWaitingPoller_ReportsCountsAndIdentity()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync("wf-1");
        await h.StartAsync("wf-2");
        using var stop = new CancellationTokenSource();
        var poll = h.Engine.PollForActivityTaskAsync(
            new PollForActivityTaskRequest { Domain = EngineHarness.Domain, TaskList = new TaskList { Name = "idle" }, Identity = "worker-7" },
            stop.Token);

        var lists = h.Engine.ListTaskLists(EngineHarness.Domain);

        Assert.Collection(
            lists,
            decisions =>
            {
                Assert.Equal((EngineHarness.DecisionList, TaskListKind.Decision, 2), (decisions.Name, decisions.Kind, decisions.PendingTaskCount));
                Assert.Empty(decisions.Pollers);
            },
            idle =>
            {
                Assert.Equal(("idle", TaskListKind.Activity, 0), (idle.Name, idle.Kind, idle.PendingTaskCount));
                var poller = Assert.Single(idle.Pollers);
                Assert.Equal("worker-7", poller.Identity);
                Assert.Equal(EngineHarness.Epoch, poller.PollingSince);
            });
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll);
        Assert.Empty(h.Engine.ListTaskLists(EngineHarness.Domain)[1].Pollers);
    }

    [Fact]
    public void ListTaskLists_UnknownDomain_ThrowsUnknownResource()
    {
        using var h = new EngineHarness();

        Assert.Throws<UnknownResourceException>(() => h.Engine.ListTaskLists("nowhere"));
    }
}
