using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class TimerTests
{
    [Fact]
    public async Task StartTimer_ClockReachesFireTime_RecordsTimerFiredAndSchedulesDecision()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.DecideAsync(D.StartTimer("t1", 60, control: "c"));

        h.AdvanceSeconds(59);
        Assert.Equal(0, await h.PendingDecisionTasksAsync());
        h.AdvanceSeconds(1);

        var history = await h.HistoryAsync(runId);
        Assert.Equal(["DecisionTaskCompleted", "TimerStarted", "TimerFired", "DecisionTaskScheduled"], history.Skip(3).Select(e => e.EventType.Value));
        var started = history[4].TimerStartedEventAttributes!;
        Assert.Equal("t1", started.TimerId);
        Assert.Equal("60", started.StartToFireTimeout);
        Assert.Equal("c", started.Control);
        Assert.Equal(4, started.DecisionTaskCompletedEventId);
        var fired = history[5].TimerFiredEventAttributes!;
        Assert.Equal("t1", fired.TimerId);
        Assert.Equal(5, fired.StartedEventId);
        Assert.Equal(EngineHarness.Epoch.UtcDateTime.AddSeconds(60), history[5].EventTimestamp);
        Assert.Equal(0, (await h.DescribeAsync(runId)).OpenCounts.OpenTimers);
    }

    [Fact]
    public async Task StartTimer_ThirtyDays_FiresWhenFakeClockAdvances()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync(configure: r => r.ExecutionStartToCloseTimeout = "31536000");
        await h.DecideAsync(D.StartTimer("month", 30 * 24 * 3600));

        h.Advance(TimeSpan.FromDays(30));

        var fired = (await h.HistoryAsync(runId)).Single(e => e.EventType == EventType.TimerFired);
        Assert.Equal(EngineHarness.Epoch.UtcDateTime.AddDays(30), fired.EventTimestamp);
    }

    [Fact]
    public async Task StartTimer_ZeroSeconds_FiresAfterTheBatch()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();

        await h.DecideAsync(D.StartTimer("now", 0), D.Marker("m"));

        Assert.Equal(["DecisionTaskCompleted", "TimerStarted", "MarkerRecorded", "TimerFired", "DecisionTaskScheduled"],
            (await h.EventTypesAsync(runId)).Skip(3));
    }

    [Fact]
    public async Task StartTimer_IdInUse_FailsTimerIdAlreadyInUse()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();

        await h.DecideAsync(D.StartTimer("t", 10), D.StartTimer("t", 20));

        var history = await h.HistoryAsync(runId);
        var failed = history.Single(e => e.EventType == EventType.StartTimerFailed).StartTimerFailedEventAttributes!;
        Assert.Equal(StartTimerFailedCause.TimerIdAlreadyInUse, failed.Cause);
        Assert.Equal("t", failed.TimerId);
        Assert.Equal(4, failed.DecisionTaskCompletedEventId);
        Assert.Equal(EventType.DecisionTaskScheduled, history[^1].EventType);
    }

    [Fact]
    public async Task StartTimer_IdOfFiredTimer_CanBeReused()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.DecideAsync(D.StartTimer("t", 1));
        h.AdvanceSeconds(1);

        await h.DecideAsync(D.StartTimer("t", 1));

        Assert.DoesNotContain(await h.HistoryAsync(runId), e => e.EventType == EventType.StartTimerFailed);
    }

    [Fact]
    public async Task CancelTimer_OpenTimer_RecordsCanceledAndNeverFires()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.DecideAsync(D.StartTimer("t", 10));
        await Signal(h);

        await h.DecideAsync(D.CancelTimer("t"));
        h.AdvanceSeconds(20);

        var history = await h.HistoryAsync(runId);
        var canceled = history.Single(e => e.EventType == EventType.TimerCanceled).TimerCanceledEventAttributes!;
        Assert.Equal("t", canceled.TimerId);
        Assert.Equal(5, canceled.StartedEventId);
        Assert.DoesNotContain(history, e => e.EventType == EventType.TimerFired);
        Assert.Equal(EventType.TimerCanceled, history[^1].EventType);
        Assert.Equal(0, await h.PendingDecisionTasksAsync());
    }

    [Fact]
    public async Task CancelTimer_UnknownId_FailsTimerIdUnknownAndSchedulesDecision()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();

        await h.DecideAsync(D.CancelTimer("nope"));

        var history = await h.HistoryAsync(runId);
        Assert.Equal(CancelTimerFailedCause.TimerIdUnknown, history[4].CancelTimerFailedEventAttributes!.Cause);
        Assert.Equal(EventType.DecisionTaskScheduled, history[^1].EventType);
    }

    [Fact]
    public async Task StartTimer_RunClosesBeforeFire_NothingAppendedAfterClose()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.DecideAsync(D.StartTimer("t", 10));
        await h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1" });

        h.AdvanceSeconds(20);

        Assert.Equal(EventType.WorkflowExecutionTerminated, (await h.HistoryAsync(runId))[^1].EventType);
    }

    [Fact]
    public async Task StartTimer_NoneTimeout_ThrowsValidation()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();
        var task = await h.PollDecisionAsync();

        await Assert.ThrowsAsync<Swf.Exceptions.ValidationException>(() => h.RespondAsync(task, new Decision
        {
            DecisionType = DecisionType.StartTimer,
            StartTimerDecisionAttributes = new() { TimerId = "t", StartToFireTimeout = "NONE" },
        }));
    }

    private static Task<SignalWorkflowExecutionResponse> Signal(EngineHarness h) =>
        h.Engine.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1", SignalName = "s" });
}
