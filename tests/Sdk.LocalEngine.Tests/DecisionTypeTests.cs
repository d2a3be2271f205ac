using Swf.Model;

namespace Swf.LocalEngine.Tests;

/// <summary>The decisions not covered by their own area's tests: markers, closing decisions, Lambda, batches.</summary>
public sealed class DecisionTypeTests
{
    [Fact]
    public async Task RecordMarker_Valid_RecordsMarkerWithoutNewDecisionTask()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();

        await h.DecideAsync(D.Marker("version", "v2"));

        var history = await h.HistoryAsync(runId);
        var marker = history[^1].MarkerRecordedEventAttributes!;
        Assert.Equal("version", marker.MarkerName);
        Assert.Equal("v2", marker.Details);
        Assert.Equal(4, marker.DecisionTaskCompletedEventId);
        Assert.Equal(0, await h.PendingDecisionTasksAsync());
    }

    [Fact]
    public async Task CompleteWorkflowExecution_Valid_ClosesWithResult()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        h.AdvanceSeconds(3);

        await h.DecideAsync(D.Complete("42"));

        var last = (await h.HistoryAsync(runId))[^1];
        Assert.Equal("42", last.WorkflowExecutionCompletedEventAttributes!.Result);
        Assert.Equal(4, last.WorkflowExecutionCompletedEventAttributes.DecisionTaskCompletedEventId);
        var info = (await h.DescribeAsync(runId)).ExecutionInfo;
        Assert.Equal(ExecutionStatus.Closed, info.ExecutionStatus);
        Assert.Equal(CloseStatus.Completed, info.CloseStatus);
        Assert.Equal(EngineHarness.Epoch.UtcDateTime.AddSeconds(3), info.CloseTimestamp);
    }

    [Fact]
    public async Task FailWorkflowExecution_Valid_ClosesWithReasonAndDetails()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();

        await h.DecideAsync(D.Fail("boom", "stack"));

        var failed = (await h.HistoryAsync(runId))[^1].WorkflowExecutionFailedEventAttributes!;
        Assert.Equal("boom", failed.Reason);
        Assert.Equal("stack", failed.Details);
        Assert.Equal(CloseStatus.Failed, (await h.DescribeAsync(runId)).ExecutionInfo.CloseStatus);
    }

    [Fact]
    public async Task CompleteWorkflowExecution_OpenActivityAndTimer_KillsThem()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.DecideAsync(D.ScheduleActivity("a1"), D.StartTimer("t", 10));
        var activity = await h.PollActivityAsync();
        await h.Engine.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1", SignalName = "s" });

        await h.DecideAsync(D.Complete());
        h.AdvanceSeconds(1000);

        Assert.Equal(EventType.WorkflowExecutionCompleted, (await h.HistoryAsync(runId))[^1].EventType);
        await Assert.ThrowsAsync<Swf.Exceptions.UnknownResourceException>(() =>
            h.Engine.RecordActivityTaskHeartbeatAsync(new RecordActivityTaskHeartbeatRequest { TaskToken = activity.TaskToken! }));
        var counts = (await h.DescribeAsync(runId)).OpenCounts;
        Assert.Equal(0, counts.OpenActivityTasks);
        Assert.Equal(0, counts.OpenTimers);
    }

    [Fact]
    public async Task ScheduleLambdaFunction_NoLambdaService_FailsLambdaServiceNotAvailable()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();

        await h.DecideAsync(D.ScheduleLambda("l1", "fn"));

        var history = await h.HistoryAsync(runId);
        var failed = history[4].ScheduleLambdaFunctionFailedEventAttributes!;
        Assert.Equal(ScheduleLambdaFunctionFailedCause.LambdaServiceNotAvailableInRegion, failed.Cause);
        Assert.Equal("l1", failed.Id);
        Assert.Equal("fn", failed.Name);
        Assert.Equal(EventType.DecisionTaskScheduled, history[^1].EventType);
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_SeveralDecisions_EventsInListOrderLinkedToCompletedEvent()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();

        await h.DecideAsync(D.Marker("m"), D.ScheduleActivity("a"), D.StartTimer("t", 5), D.ScheduleActivity("a"));

        var history = await h.HistoryAsync(runId);
        Assert.Equal(["DecisionTaskCompleted", "MarkerRecorded", "ActivityTaskScheduled", "TimerStarted", "ScheduleActivityTaskFailed", "DecisionTaskScheduled"],
            history.Skip(3).Select(e => e.EventType.Value));
        Assert.Single(history, e => e.EventType == EventType.DecisionTaskScheduled && e.EventId > 4);
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_EmptyDecisions_IsValid()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();

        await h.DecideAsync();

        Assert.Equal(EventType.DecisionTaskCompleted, (await h.HistoryAsync(runId))[^1].EventType);
    }
}
