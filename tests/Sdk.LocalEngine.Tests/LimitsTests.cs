using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class LimitsTests
{
    [Fact]
    public async Task HistoryLimit_Reached_RunTerminatedWithEventLimitExceeded()
    {
        using var h = await EngineHarness.CreateAsync(o => o.MaxHistoryEvents = 10);
        var runId = await h.StartAsync();

        for (var i = 0; i < 8; i++)
        {
            await h.Engine.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1", SignalName = "s" });
        }

        var history = await h.HistoryAsync(runId);
        Assert.Equal(11, history.Count);
        var terminated = history[^1].WorkflowExecutionTerminatedEventAttributes!;
        Assert.Equal(WorkflowExecutionTerminatedCause.EventLimitExceeded, terminated.Cause);
        Assert.Equal(CloseStatus.Terminated, (await h.DescribeAsync(runId)).ExecutionInfo.CloseStatus);
        await Assert.ThrowsAsync<UnknownResourceException>(() => h.Engine.SignalWorkflowExecutionAsync(
            new SignalWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1", SignalName = "s" }));
    }

    [Fact]
    public async Task ScheduleActivityTask_OpenLimitReached_FailsOpenActivitiesLimitExceeded()
    {
        using var h = await EngineHarness.CreateAsync(o => o.MaxOpenActivityTasks = 2);
        var runId = await h.StartAsync();

        await h.DecideAsync(D.ScheduleActivity("a"), D.ScheduleActivity("b"), D.ScheduleActivity("c"));

        Assert.Equal(ScheduleActivityTaskFailedCause.OpenActivitiesLimitExceeded,
            (await h.HistoryAsync(runId)).Single(e => e.EventType == EventType.ScheduleActivityTaskFailed).ScheduleActivityTaskFailedEventAttributes!.Cause);
    }

    [Fact]
    public async Task StartTimer_OpenLimitReached_FailsOpenTimersLimitExceeded()
    {
        using var h = await EngineHarness.CreateAsync(o => o.MaxOpenTimers = 1);
        var runId = await h.StartAsync();

        await h.DecideAsync(D.StartTimer("a", 10), D.StartTimer("b", 10));

        Assert.Equal(StartTimerFailedCause.OpenTimersLimitExceeded,
            (await h.HistoryAsync(runId)).Single(e => e.EventType == EventType.StartTimerFailed).StartTimerFailedEventAttributes!.Cause);
    }

    [Fact]
    public async Task StartChildWorkflowExecution_OpenLimitReached_FailsOpenChildrenLimitExceeded()
    {
        using var h = await EngineHarness.CreateAsync(o => o.MaxOpenChildWorkflowExecutions = 1);
        var runId = await h.StartAsync();

        await h.DecideAsync(D.StartChild("c1"), D.StartChild("c2"));

        Assert.Equal(StartChildWorkflowExecutionFailedCause.OpenChildrenLimitExceeded,
            (await h.HistoryAsync(runId)).Single(e => e.EventType == EventType.StartChildWorkflowExecutionFailed).StartChildWorkflowExecutionFailedEventAttributes!.Cause);
    }

    [Fact]
    public async Task StartWorkflowExecution_OpenExecutionLimitReached_ThrowsLimitExceeded()
    {
        using var h = await EngineHarness.CreateAsync(o => o.MaxOpenExecutionsPerDomain = 1);
        await h.StartAsync();

        await Assert.ThrowsAsync<LimitExceededException>(() => h.StartAsync("wf-2"));
    }

    [Fact]
    public async Task RespondActivityTaskCompleted_ResultTooLong_ThrowsValidation()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();
        await h.DecideAsync(D.ScheduleActivity("a"));
        var task = await h.PollActivityAsync();

        await Assert.ThrowsAsync<ValidationException>(() => h.Engine.RespondActivityTaskCompletedAsync(
            new RespondActivityTaskCompletedRequest { TaskToken = task.TaskToken!, Result = new string('x', 32_769) }));
    }

    [Fact]
    public async Task RegisterWorkflowType_TypeLimitReached_ThrowsLimitExceeded()
    {
        using var h = await EngineHarness.CreateAsync(o => o.MaxTypesPerDomain = 1);

        await Assert.ThrowsAsync<LimitExceededException>(() => h.Engine.RegisterWorkflowTypeAsync(
            new RegisterWorkflowTypeRequest { Domain = EngineHarness.Domain, Name = "Second", Version = "1" }));
    }
}
