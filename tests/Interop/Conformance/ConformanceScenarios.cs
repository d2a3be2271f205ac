using Swf.Exceptions;
using Swf.Model;

namespace Swf.Interop.Tests.Conformance;

/// <summary>
/// One scenario suite, written once, run against every SWF implementation (the engine in process,
/// swf-local through the wire client, and moto where moto is faithful). Each scenario asserts the
/// exact event sequence SWF documents.
/// </summary>
public abstract partial class ConformanceScenarios
{
    private static readonly EventType[] DecisionRound = [EventType.DecisionTaskScheduled, EventType.DecisionTaskStarted, EventType.DecisionTaskCompleted];

    protected abstract ConformanceTarget Target { get; }

    protected virtual void SkipIfUnavailable()
    {
    }

    [SkippableFact]
    public async Task ActivityRound_ScheduleRunComplete_RecordsSwfsSequence()
    {
        var s = await ScenarioAsync("act");
        var run = await s.StartAsync("wf", "order-1");
        await s.RespondAsync(await s.PollDecisionAsync(), s.ScheduleActivity("a1", "charge me"));
        var activity = await s.PollActivityAsync();
        Assert.Equal("charge me", activity.Input);
        await s.Client.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = activity.TaskToken!, Result = "receipt" });
        var decision = await s.PollDecisionAsync();
        Assert.Equal(3, decision.PreviousStartedEventId);
        await s.RespondAsync(decision, MotoScenario.Complete("done"));

        var history = await s.HistoryAsync(run);

        AssertSequence(history,
        [
            EventType.WorkflowExecutionStarted, .. DecisionRound, EventType.ActivityTaskScheduled, EventType.ActivityTaskStarted,
            EventType.ActivityTaskCompleted, .. DecisionRound, EventType.WorkflowExecutionCompleted,
        ]);
        var completed = MotoScenario.Single(history, EventType.ActivityTaskCompleted).ActivityTaskCompletedEventAttributes!;
        Assert.Equal(5, completed.ScheduledEventId);
        Assert.Equal(6, completed.StartedEventId);
        Assert.Equal("receipt", completed.Result);
        Assert.Equal(CloseStatus.Completed, (await s.DescribeAsync(run)).ExecutionInfo.CloseStatus);
    }

    [SkippableFact]
    public async Task ActivityFails_WithReasonAndDetails_BothReachTheDecider()
    {
        var s = await ScenarioAsync("fail");
        var run = await s.StartAsync("wf");
        await s.RespondAsync(await s.PollDecisionAsync(), s.ScheduleActivity("a1"));
        var activity = await s.PollActivityAsync();
        await s.Client.RespondActivityTaskFailedAsync(new RespondActivityTaskFailedRequest { TaskToken = activity.TaskToken!, Reason = "CardDeclined", Details = "insufficient funds" });

        var decision = await s.PollDecisionAsync();

        var failed = Assert.Single(decision.Events!, e => e.EventType == EventType.ActivityTaskFailed).ActivityTaskFailedEventAttributes!;
        Assert.Equal("CardDeclined", failed.Reason);
        Assert.Equal("insufficient funds", failed.Details);
        await s.RespondAsync(decision, new Decision
        {
            DecisionType = DecisionType.FailWorkflowExecution,
            FailWorkflowExecutionDecisionAttributes = new() { Reason = "payment failed" },
        });
        Assert.Equal(EventType.WorkflowExecutionFailed, (await s.HistoryAsync(run))[^1].EventType);
    }

    [SkippableFact]
    public async Task Signal_WhileIdle_SchedulesOneDecisionTaskWithTheSignal()
    {
        var s = await ScenarioAsync("sig");
        var run = await s.StartAsync("wf");
        await s.RespondAsync(await s.PollDecisionAsync());

        await s.Client.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = s.Domain, WorkflowId = "wf", SignalName = "approve", Input = "ann" });
        var decision = await s.PollDecisionAsync();

        var signaled = Assert.Single(decision.Events!, e => e.EventType == EventType.WorkflowExecutionSignaled).WorkflowExecutionSignaledEventAttributes!;
        Assert.Equal("approve", signaled.SignalName);
        Assert.Equal("ann", signaled.Input);
        AssertSequence(await s.HistoryAsync(run), [EventType.WorkflowExecutionStarted, .. DecisionRound, EventType.WorkflowExecutionSignaled, EventType.DecisionTaskScheduled, EventType.DecisionTaskStarted]);
    }

    [SkippableFact]
    public async Task CloseDecision_SignalsDuringDecisionTask_FailsUnhandledAndOneTaskFollows()
    {
        Require(ConformanceFeature.DecisionTaskBatching);
        var s = await ScenarioAsync("race");
        var run = await s.StartAsync("wf");
        var task = await s.PollDecisionAsync();
        await Signal(s, "first");
        await Signal(s, "second");

        await s.RespondAsync(task, MotoScenario.Complete("too early"));

        var history = await s.HistoryAsync(run);
        AssertSequence(history,
        [
            EventType.WorkflowExecutionStarted, EventType.DecisionTaskScheduled, EventType.DecisionTaskStarted,
            EventType.WorkflowExecutionSignaled, EventType.WorkflowExecutionSignaled,
            EventType.DecisionTaskCompleted, EventType.CompleteWorkflowExecutionFailed, EventType.DecisionTaskScheduled,
        ]);
        Assert.Equal(CompleteWorkflowExecutionFailedCause.UnhandledDecision, history[^2].CompleteWorkflowExecutionFailedEventAttributes!.Cause);
        Assert.Equal(1, (await s.DescribeAsync(run)).OpenCounts.OpenDecisionTasks);
    }

    [SkippableFact]
    public async Task Timer_FiresAfterItsDelay_AndCancelTimerRecordsCanceled()
    {
        Require(ConformanceFeature.ClockControl);
        var s = await ScenarioAsync("timer");
        var run = await s.StartAsync("wf");
        await s.RespondAsync(await s.PollDecisionAsync(), MotoScenario.StartTimer("reminder", "600"), MotoScenario.StartTimer("deadline", "1200"));

        // Within the run's one-hour start-to-close timeout.
        Target.Advance(TimeSpan.FromMinutes(10));
        var decision = await s.PollDecisionAsync();
        await s.RespondAsync(decision, MotoScenario.CancelTimer("deadline"));

        var history = await s.HistoryAsync(run);
        AssertSequence(history,
        [
            EventType.WorkflowExecutionStarted, .. DecisionRound, EventType.TimerStarted, EventType.TimerStarted,
            EventType.TimerFired, .. DecisionRound, EventType.TimerCanceled,
        ]);
        Assert.Equal("reminder", MotoScenario.Single(history, EventType.TimerFired).TimerFiredEventAttributes!.TimerId);
        Assert.Equal(0, (await s.DescribeAsync(run)).OpenCounts.OpenTimers);
    }

    [SkippableFact]
    public async Task ActivityStartToCloseTimeout_Expires_TimesOutAndRejectsTheLateAnswer()
    {
        Require(ConformanceFeature.ClockControl);
        Require(ConformanceFeature.StaleTokenFault);
        var s = await ScenarioAsync("timeout");
        var run = await s.StartAsync("wf");
        await s.RespondAsync(await s.PollDecisionAsync(), s.ScheduleActivity("a1"));
        var activity = await s.PollActivityAsync();

        Target.Advance(TimeSpan.FromSeconds(301));

        var timedOut = MotoScenario.Single(await s.HistoryAsync(run), EventType.ActivityTaskTimedOut).ActivityTaskTimedOutEventAttributes!;
        Assert.Equal(ActivityTaskTimeoutType.StartToClose, timedOut.TimeoutType);
        await Assert.ThrowsAsync<UnknownResourceException>(() =>
            s.Client.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = activity.TaskToken! }));
    }

    [SkippableFact]
    public async Task Terminate_ClosesAtOnce_AndOutstandingTokensAreUnknown()
    {
        Require(ConformanceFeature.StaleTokenFault);
        var s = await ScenarioAsync("term");
        var run = await s.StartAsync("wf");
        var task = await s.PollDecisionAsync();

        await s.TerminateAsync(run);

        Assert.Equal(EventType.WorkflowExecutionTerminated, (await s.HistoryAsync(run))[^1].EventType);
        Assert.Equal(CloseStatus.Terminated, (await s.DescribeAsync(run)).ExecutionInfo.CloseStatus);
        await Assert.ThrowsAsync<UnknownResourceException>(() => s.RespondAsync(task));
    }

    [SkippableFact]
    public async Task CancelRequest_DeciderCancels_ClosesAsCanceled()
    {
        Require(ConformanceFeature.Cancellation);
        var s = await ScenarioAsync("cancel");
        var run = await s.StartAsync("wf");
        await s.RespondAsync(await s.PollDecisionAsync());

        await s.Client.RequestCancelWorkflowExecutionAsync(new RequestCancelWorkflowExecutionRequest { Domain = s.Domain, WorkflowId = "wf" });
        var decision = await s.PollDecisionAsync();
        Assert.Contains(decision.Events!, e => e.EventType == EventType.WorkflowExecutionCancelRequested);
        await s.RespondAsync(decision, new Decision { DecisionType = DecisionType.CancelWorkflowExecution, CancelWorkflowExecutionDecisionAttributes = new() });

        Assert.Equal(EventType.WorkflowExecutionCanceled, (await s.HistoryAsync(run))[^1].EventType);
        Assert.True((await s.DescribeAsync(run)).ExecutionInfo.CancelRequested);
    }

    [SkippableFact]
    public async Task ChildWorkflow_Completes_ParentSeesInitiatedStartedCompleted()
    {
        Require(ConformanceFeature.ChildWorkflows);
        var s = await ScenarioAsync("child");
        var parent = await s.StartAsync("parent");
        await s.RespondAsync(await s.PollDecisionAsync(), new Decision
        {
            DecisionType = DecisionType.StartChildWorkflowExecution,
            StartChildWorkflowExecutionDecisionAttributes = new() { WorkflowType = s.WorkflowType, WorkflowId = "child", Input = "sub-order" },
        });
        var childTask = await s.PollDecisionAsync();
        Assert.Equal("child", childTask.WorkflowExecution!.WorkflowId);
        await s.RespondAsync(childTask, MotoScenario.Complete("child done"));

        var decision = await s.PollDecisionAsync();

        Assert.Equal("parent", decision.WorkflowExecution!.WorkflowId);
        var types = (await s.HistoryAsync(parent)).Select(e => e.EventType).ToList();
        Assert.Equal(
            [EventType.StartChildWorkflowExecutionInitiated, EventType.ChildWorkflowExecutionStarted, EventType.ChildWorkflowExecutionCompleted],
            types.Where(t => t.Value.Contains("Child", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task HistoryPaging_SmallPages_ReturnEveryEventOnceInBothOrders()
    {
        Require(ConformanceFeature.Paging);
        var s = await ScenarioAsync("paging");
        var run = await s.StartAsync("wf");
        await s.RespondAsync(await s.PollDecisionAsync(), MotoScenario.RecordMarker("m1"), MotoScenario.RecordMarker("m2"), MotoScenario.RecordMarker("m3"));
        var all = await s.HistoryAsync(run);

        foreach (var reverse in new[] { false, true })
        {
            var paged = new List<long>();
            string? token = null;
            do
            {
                var page = (await s.Client.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
                {
                    Domain = s.Domain,
                    Execution = run,
                    MaximumPageSize = 2,
                    ReverseOrder = reverse,
                    NextPageToken = token,
                })).History;
                Assert.True(page.Events.Count <= 2);
                paged.AddRange(page.Events.Select(e => e.EventId));
                token = page.NextPageToken;
            }
            while (!string.IsNullOrEmpty(token));

            var expected = all.Select(e => e.EventId).ToList();
            if (reverse)
            {
                expected.Reverse();
            }

            Assert.Equal(expected, paged);
        }
    }

    [SkippableFact]
    public async Task Counts_OpenAndClosedExecutions_MatchWhatRan()
    {
        Require(ConformanceFeature.Counts);
        var s = await ScenarioAsync("count");
        await s.StartAsync("a");
        var b = await s.StartAsync("b");
        await s.TerminateAsync(b);
        var since = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch };

        var open = await s.Client.CountOpenWorkflowExecutionsAsync(new CountOpenWorkflowExecutionsRequest { Domain = s.Domain, StartTimeFilter = since });
        var closed = await s.Client.CountClosedWorkflowExecutionsAsync(new CountClosedWorkflowExecutionsRequest { Domain = s.Domain, StartTimeFilter = since });

        Assert.Equal(1, open.WorkflowExecutionCount.Count);
        Assert.Equal(1, closed.WorkflowExecutionCount.Count);
    }

    [SkippableFact]
    public async Task Start_SameWorkflowIdWhileOpen_IsRefusedWithAlreadyStarted()
    {
        var s = await ScenarioAsync("dup");
        await s.StartAsync("wf");

        await Assert.ThrowsAsync<WorkflowExecutionAlreadyStartedException>(() => s.StartAsync("wf"));
    }

    private static async Task Signal(MotoScenario s, string name) =>
        await s.Client.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = s.Domain, WorkflowId = "wf", SignalName = name, Input = "x" });

    private static void AssertSequence(IEnumerable<HistoryEvent> history, EventType[] expected)
    {
        var events = history.ToList();
        Assert.Equal(expected.Select(t => t.Value), events.Select(e => e.EventType.Value));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.EventId));
    }

    private void Require(ConformanceFeature feature)
    {
        var reason = Target.Unsupported(feature);
        Skip.If(reason is not null, $"Not run against this target: {reason}.");
    }

    private Task<MotoScenario> ScenarioAsync(string prefix)
    {
        SkipIfUnavailable();
        return MotoScenario.CreateAsync(Target.Client, "conf-" + prefix);
    }
}
