using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class TimeoutTests
{
    [Fact]
    public async Task ActivityScheduleToStart_NotPickedUp_TimesOutAndIsNeverDelivered()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.DecideAsync(D.ScheduleActivity("a1"));

        h.AdvanceSeconds(60);

        var history = await h.HistoryAsync(runId);
        var timedOut = history[^2].ActivityTaskTimedOutEventAttributes!;
        Assert.Equal(ActivityTaskTimeoutType.ScheduleToStart, timedOut.TimeoutType);
        Assert.Equal(5, timedOut.ScheduledEventId);
        Assert.Equal(0, timedOut.StartedEventId);
        Assert.Equal(EventType.DecisionTaskScheduled, history[^1].EventType);
        Assert.Equal(0, await h.PendingActivityTasksAsync());
    }

    [Fact]
    public async Task ActivityStartToClose_NoResponse_TimesOutAndLaterResponseFails()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.DecideAsync(D.ScheduleActivity("a1"));
        var task = await h.PollActivityAsync();

        h.AdvanceSeconds(119);
        Assert.Equal(EventType.ActivityTaskStarted, (await h.HistoryAsync(runId))[^1].EventType);
        h.AdvanceSeconds(1);

        var timedOut = (await h.HistoryAsync(runId))[^2].ActivityTaskTimedOutEventAttributes!;
        Assert.Equal(ActivityTaskTimeoutType.StartToClose, timedOut.TimeoutType);
        Assert.Equal(6, timedOut.StartedEventId);
        await Assert.ThrowsAsync<UnknownResourceException>(() =>
            h.Engine.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = task.TaskToken! }));
    }

    [Fact]
    public async Task ActivityScheduleToClose_WholeLifetimeExceeded_TimesOut()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.DecideAsync(D.ScheduleActivity("a1", configure: a => { a.ScheduleToCloseTimeout = "100"; a.StartToCloseTimeout = "90"; }));
        h.AdvanceSeconds(50);
        await h.PollActivityAsync();

        h.AdvanceSeconds(50);

        var timedOut = (await h.HistoryAsync(runId))[^2].ActivityTaskTimedOutEventAttributes!;
        Assert.Equal(ActivityTaskTimeoutType.ScheduleToClose, timedOut.TimeoutType);
    }

    [Fact]
    public async Task ActivityHeartbeat_GapTooLong_TimesOutWithLastDetails()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.DecideAsync(D.ScheduleActivity("a1", configure: a => a.HeartbeatTimeout = "10"));
        var task = await h.PollActivityAsync();
        h.AdvanceSeconds(8);
        await h.Engine.RecordActivityTaskHeartbeatAsync(new RecordActivityTaskHeartbeatRequest { TaskToken = task.TaskToken!, Details = "50%" });
        h.AdvanceSeconds(8);
        Assert.Equal(EventType.ActivityTaskStarted, (await h.HistoryAsync(runId))[^1].EventType);

        h.AdvanceSeconds(2);

        var history = await h.HistoryAsync(runId);
        var timedOut = history[^2].ActivityTaskTimedOutEventAttributes!;
        Assert.Equal(ActivityTaskTimeoutType.Heartbeat, timedOut.TimeoutType);
        Assert.Equal("50%", timedOut.Details);
        Assert.Equal(EngineHarness.Epoch.UtcDateTime.AddSeconds(18), history[^2].EventTimestamp);
    }

    [Fact]
    public async Task ActivityHeartbeat_NotStarted_DoesNotTimeOut()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.DecideAsync(D.ScheduleActivity("a1", configure: a => a.HeartbeatTimeout = "10"));

        h.AdvanceSeconds(30);

        Assert.Equal(EventType.ActivityTaskScheduled, (await h.HistoryAsync(runId))[^1].EventType);
    }

    [Fact]
    public async Task DecisionTaskStartToClose_NoResponse_TimesOutAndNewTaskIsScheduled()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        var task = await h.PollDecisionAsync();

        h.AdvanceSeconds(30);

        var history = await h.HistoryAsync(runId);
        Assert.Equal(["WorkflowExecutionStarted", "DecisionTaskScheduled", "DecisionTaskStarted", "DecisionTaskTimedOut", "DecisionTaskScheduled"], history.Select(e => e.EventType.Value));
        var timedOut = history[3].DecisionTaskTimedOutEventAttributes!;
        Assert.Equal(DecisionTaskTimeoutType.StartToClose, timedOut.TimeoutType);
        Assert.Equal(2, timedOut.ScheduledEventId);
        Assert.Equal(3, timedOut.StartedEventId);
        await Assert.ThrowsAsync<UnknownResourceException>(() => h.RespondAsync(task, D.Complete()));
    }

    [Fact]
    public async Task DecisionTaskStartToClose_AfterTimeout_PreviousStartedEventIdIsLastCompletedTask()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();
        await h.DecideAsync(D.StartTimer("t", 1));
        h.AdvanceSeconds(1);
        var timedOutTask = await h.PollDecisionAsync();
        Assert.Equal(3, timedOutTask.PreviousStartedEventId);
        h.AdvanceSeconds(30);

        var next = await h.PollDecisionAsync();

        Assert.Equal(3, next.PreviousStartedEventId);
        Assert.True(next.StartedEventId > timedOutTask.StartedEventId);
    }

    [Fact]
    public async Task ExecutionStartToClose_Expires_TimesOutWithoutDecisionTask()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync(configure: r => r.ExecutionStartToCloseTimeout = "100");
        var task = await h.PollDecisionAsync();
        await h.RespondAsync(task, D.ScheduleActivity("a1"), D.StartTimer("t", 500));

        h.AdvanceSeconds(100);

        var history = await h.HistoryAsync(runId);
        var timedOut = history[^1];
        Assert.Equal(EventType.WorkflowExecutionTimedOut, timedOut.EventType);
        Assert.Equal(WorkflowExecutionTimeoutType.StartToClose, timedOut.WorkflowExecutionTimedOutEventAttributes!.TimeoutType);
        Assert.Equal(ChildPolicy.Terminate, timedOut.WorkflowExecutionTimedOutEventAttributes.ChildPolicy);
        var detail = await h.DescribeAsync(runId);
        Assert.Equal(CloseStatus.TimedOut, detail.ExecutionInfo.CloseStatus);
        Assert.Equal(EngineHarness.Epoch.UtcDateTime.AddSeconds(100), detail.ExecutionInfo.CloseTimestamp);
        Assert.Equal(0, await h.PendingDecisionTasksAsync());
        Assert.Equal(0, await h.PendingActivityTasksAsync());
        h.AdvanceSeconds(1000);
        Assert.Equal(history.Count, (await h.HistoryAsync(runId)).Count);
    }
}
