using Swf.Exceptions;
using Swf.Model;

namespace Swf.Interop.Tests.Conformance;

/// <summary>Decisions that fail with a cause, activity cancellation, external signals, continue-as-new and child policies.</summary>
public abstract partial class ConformanceScenarios
{
    private static readonly EventType[] FirstDecision = [EventType.WorkflowExecutionStarted, EventType.DecisionTaskScheduled, EventType.DecisionTaskStarted, EventType.DecisionTaskCompleted];

    [SkippableFact]
    public async Task ScheduleActivity_UnknownType_FailsWithCauseAndSchedulesADecisionTask()
    {
        var s = await ScenarioAsync("notype");
        var run = await s.StartAsync("wf");

        await s.RespondAsync(await s.PollDecisionAsync(), new Decision
        {
            DecisionType = DecisionType.ScheduleActivityTask,
            ScheduleActivityTaskDecisionAttributes = new() { ActivityType = new ActivityType { Name = "missing", Version = "9" }, ActivityId = "a1" },
        });

        var history = await s.HistoryAsync(run);
        AssertSequence(history, [.. FirstDecision, EventType.ScheduleActivityTaskFailed, EventType.DecisionTaskScheduled]);
        var failed = history[4].ScheduleActivityTaskFailedEventAttributes!;
        Assert.Equal(ScheduleActivityTaskFailedCause.ActivityTypeDoesNotExist, failed.Cause);
        Assert.Equal("a1", failed.ActivityId);
        Assert.Equal("missing", failed.ActivityType.Name);
        Assert.Equal(4, failed.DecisionTaskCompletedEventId);
    }

    [SkippableFact]
    public async Task ScheduleActivity_IdOfAnOpenActivity_FailsActivityIdAlreadyInUse()
    {
        var s = await ScenarioAsync("dupact");
        var run = await s.StartAsync("wf");

        await s.RespondAsync(await s.PollDecisionAsync(), s.ScheduleActivity("a1"), s.ScheduleActivity("a1"));

        var history = await s.HistoryAsync(run);
        AssertSequence(history, [.. FirstDecision, EventType.ActivityTaskScheduled, EventType.ScheduleActivityTaskFailed, EventType.DecisionTaskScheduled]);
        var failed = history[5].ScheduleActivityTaskFailedEventAttributes!;
        Assert.Equal(ScheduleActivityTaskFailedCause.ActivityIdAlreadyInUse, failed.Cause);
        Assert.Equal("a1", failed.ActivityId);
    }

    [SkippableFact]
    public async Task StartTimer_IdInUse_FailsTimerIdAlreadyInUse()
    {
        Require(ConformanceFeature.FailedDecisionReschedules);
        var s = await ScenarioAsync("duptimer");
        var run = await s.StartAsync("wf");

        await s.RespondAsync(await s.PollDecisionAsync(), MotoScenario.StartTimer("t1", "600"), MotoScenario.StartTimer("t1", "900"));

        var history = await s.HistoryAsync(run);
        AssertSequence(history, [.. FirstDecision, EventType.TimerStarted, EventType.StartTimerFailed, EventType.DecisionTaskScheduled]);
        var failed = history[5].StartTimerFailedEventAttributes!;
        Assert.Equal(StartTimerFailedCause.TimerIdAlreadyInUse, failed.Cause);
        Assert.Equal("t1", failed.TimerId);
        Assert.Equal(4, failed.DecisionTaskCompletedEventId);
    }

    [SkippableFact]
    public async Task CancelTimer_UnknownId_FailsTimerIdUnknown()
    {
        Require(ConformanceFeature.CancelTimerFailure);
        var s = await ScenarioAsync("canceltimer");
        var run = await s.StartAsync("wf");

        await s.RespondAsync(await s.PollDecisionAsync(), MotoScenario.CancelTimer("nope"));

        var history = await s.HistoryAsync(run);
        AssertSequence(history, [.. FirstDecision, EventType.CancelTimerFailed, EventType.DecisionTaskScheduled]);
        var failed = history[4].CancelTimerFailedEventAttributes!;
        Assert.Equal(CancelTimerFailedCause.TimerIdUnknown, failed.Cause);
        Assert.Equal("nope", failed.TimerId);
    }

    [SkippableFact]
    public async Task CloseDecision_NotLast_RejectsTheWholeCallAndAppliesNothing()
    {
        var s = await ScenarioAsync("notlast");
        var run = await s.StartAsync("wf");
        var task = await s.PollDecisionAsync();

        await Assert.ThrowsAsync<ValidationException>(() => s.RespondAsync(task, MotoScenario.Complete("early"), MotoScenario.RecordMarker("after")));

        AssertSequence(await s.HistoryAsync(run), [EventType.WorkflowExecutionStarted, EventType.DecisionTaskScheduled, EventType.DecisionTaskStarted]);
        Assert.Equal(ExecutionStatus.Open, (await s.DescribeAsync(run)).ExecutionInfo.ExecutionStatus);
    }

    [SkippableFact]
    public async Task RequestCancelActivity_NotStarted_IsCanceledBySwf()
    {
        Require(ConformanceFeature.ActivityCancellation);
        var s = await ScenarioAsync("cancelact");
        var run = await s.StartAsync("wf");
        await s.RespondAsync(await s.PollDecisionAsync(), s.ScheduleActivity("a1"));
        await Signal(s, "stop");

        await s.RespondAsync(await s.PollDecisionAsync(), RequestCancelActivity("a1"));

        var history = await s.HistoryAsync(run);
        AssertSequence(history,
        [
            .. FirstDecision, EventType.ActivityTaskScheduled, EventType.WorkflowExecutionSignaled, .. DecisionRound,
            EventType.ActivityTaskCancelRequested, EventType.ActivityTaskCanceled, EventType.DecisionTaskScheduled,
        ]);
        Assert.Equal("a1", history[9].ActivityTaskCancelRequestedEventAttributes!.ActivityId);
        Assert.Equal(9, history[9].ActivityTaskCancelRequestedEventAttributes!.DecisionTaskCompletedEventId);
        var canceled = history[10].ActivityTaskCanceledEventAttributes!;
        Assert.Equal(5, canceled.ScheduledEventId);
        Assert.Equal(10, canceled.LatestCancelRequestedEventId);
        Assert.Equal(0, (await s.DescribeAsync(run)).OpenCounts.OpenActivityTasks);
    }

    [SkippableFact]
    public async Task RequestCancelActivity_Started_HeartbeatSaysSoAndWorkerCancels()
    {
        Require(ConformanceFeature.ActivityCancellation);
        var s = await ScenarioAsync("hbcancel");
        var run = await s.StartAsync("wf");
        await s.RespondAsync(await s.PollDecisionAsync(), s.ScheduleActivity("a1"));
        var activity = await s.PollActivityAsync();
        Assert.False((await Heartbeat(s, activity)).CancelRequested);
        await Signal(s, "stop");
        await s.RespondAsync(await s.PollDecisionAsync(), RequestCancelActivity("a1"));

        Assert.True((await Heartbeat(s, activity)).CancelRequested);
        await s.Client.RespondActivityTaskCanceledAsync(new RespondActivityTaskCanceledRequest { TaskToken = activity.TaskToken!, Details = "stopped" });

        var history = await s.HistoryAsync(run);
        AssertSequence(history,
        [
            .. FirstDecision, EventType.ActivityTaskScheduled, EventType.ActivityTaskStarted, EventType.WorkflowExecutionSignaled, .. DecisionRound,
            EventType.ActivityTaskCancelRequested, EventType.ActivityTaskCanceled, EventType.DecisionTaskScheduled,
        ]);
        var canceled = history[11].ActivityTaskCanceledEventAttributes!;
        Assert.Equal(5, canceled.ScheduledEventId);
        Assert.Equal(6, canceled.StartedEventId);
        Assert.Equal(11, canceled.LatestCancelRequestedEventId);
        Assert.Equal("stopped", canceled.Details);
    }

    [SkippableFact]
    public async Task SignalExternal_ToAnotherRun_RecordsBothSides()
    {
        Require(ConformanceFeature.ExternalSignals);
        var s = await ScenarioAsync("extsig");
        var receiver = await s.StartAsync("receiver");
        await s.RespondAsync(await s.PollDecisionAsync());
        var sender = await s.StartAsync("sender");

        await s.RespondAsync(await s.PollDecisionAsync(), SignalExternal("receiver", "ping", "hello"));

        var sent = await s.HistoryAsync(sender);
        AssertSequence(sent, [.. FirstDecision, EventType.SignalExternalWorkflowExecutionInitiated, EventType.ExternalWorkflowExecutionSignaled, EventType.DecisionTaskScheduled]);
        var initiated = sent[4].SignalExternalWorkflowExecutionInitiatedEventAttributes!;
        Assert.Equal(("receiver", "ping", "hello", 4L), (initiated.WorkflowId, initiated.SignalName, initiated.Input, initiated.DecisionTaskCompletedEventId));
        var signaled = sent[5].ExternalWorkflowExecutionSignaledEventAttributes!;
        Assert.Equal(5, signaled.InitiatedEventId);
        Assert.Equal((receiver.WorkflowId, receiver.RunId), (signaled.WorkflowExecution.WorkflowId, signaled.WorkflowExecution.RunId));

        var received = await s.HistoryAsync(receiver);
        AssertSequence(received, [.. FirstDecision, EventType.WorkflowExecutionSignaled, EventType.DecisionTaskScheduled]);
        var arrived = received[4].WorkflowExecutionSignaledEventAttributes!;
        Assert.Equal(("ping", "hello", 5L), (arrived.SignalName, arrived.Input, arrived.ExternalInitiatedEventId));
        Assert.Equal((sender.WorkflowId, sender.RunId), (arrived.ExternalWorkflowExecution!.WorkflowId, arrived.ExternalWorkflowExecution.RunId));
    }

    [SkippableFact]
    public async Task SignalExternal_UnknownWorkflowId_FailsUnknownExternalWorkflowExecution()
    {
        Require(ConformanceFeature.ExternalSignals);
        var s = await ScenarioAsync("extsigx");
        var run = await s.StartAsync("wf");

        await s.RespondAsync(await s.PollDecisionAsync(), SignalExternal("nobody", "ping", "hello"));

        var history = await s.HistoryAsync(run);
        AssertSequence(history, [.. FirstDecision, EventType.SignalExternalWorkflowExecutionInitiated, EventType.SignalExternalWorkflowExecutionFailed, EventType.DecisionTaskScheduled]);
        var failed = history[5].SignalExternalWorkflowExecutionFailedEventAttributes!;
        Assert.Equal(SignalExternalWorkflowExecutionFailedCause.UnknownExternalWorkflowExecution, failed.Cause);
        Assert.Equal(("nobody", 5L), (failed.WorkflowId, failed.InitiatedEventId));
    }

    [SkippableFact]
    public async Task ContinueAsNew_Decision_ClosesTheRunAndLinksTheNewOne()
    {
        Require(ConformanceFeature.ContinueAsNew);
        var s = await ScenarioAsync("can");
        var run = await s.StartAsync("wf", "first");

        await s.RespondAsync(await s.PollDecisionAsync(), new Decision
        {
            DecisionType = DecisionType.ContinueAsNewWorkflowExecution,
            ContinueAsNewWorkflowExecutionDecisionAttributes = new() { Input = "second" },
        });

        var old = await s.HistoryAsync(run);
        AssertSequence(old, [.. FirstDecision, EventType.WorkflowExecutionContinuedAsNew]);
        var continued = old[4].WorkflowExecutionContinuedAsNewEventAttributes!;
        Assert.Equal(("second", 4L, MotoScenario.DecisionTaskList), (continued.Input, continued.DecisionTaskCompletedEventId, continued.TaskList.Name));
        Assert.NotEqual(run.RunId, continued.NewExecutionRunId);
        Assert.Equal(CloseStatus.ContinuedAsNew, (await s.DescribeAsync(run)).ExecutionInfo.CloseStatus);

        var next = new WorkflowExecution { WorkflowId = "wf", RunId = continued.NewExecutionRunId };
        var history = await s.HistoryAsync(next);
        AssertSequence(history, [EventType.WorkflowExecutionStarted, EventType.DecisionTaskScheduled]);
        var started = history[0].WorkflowExecutionStartedEventAttributes!;
        Assert.Equal((run.RunId, "second"), (started.ContinuedExecutionRunId, started.Input));
        Assert.Equal(ExecutionStatus.Open, (await s.DescribeAsync(next)).ExecutionInfo.ExecutionStatus);
    }

    [SkippableFact]
    public async Task ParentTerminated_ChildPolicyTerminate_TerminatesTheChild()
    {
        Require(ConformanceFeature.ChildWorkflows);
        var s = await ScenarioAsync("childpol");
        var parent = await s.StartAsync("parent");
        await s.RespondAsync(await s.PollDecisionAsync(), new Decision
        {
            DecisionType = DecisionType.StartChildWorkflowExecution,
            StartChildWorkflowExecutionDecisionAttributes = new() { WorkflowType = s.WorkflowType, WorkflowId = "child", ChildPolicy = ChildPolicy.Terminate },
        });
        var child = MotoScenario.Single(await s.HistoryAsync(parent), EventType.ChildWorkflowExecutionStarted).ChildWorkflowExecutionStartedEventAttributes!.WorkflowExecution;
        var childStarted = (await s.HistoryAsync(child))[0].WorkflowExecutionStartedEventAttributes!;
        Assert.Equal(parent.RunId, childStarted.ParentWorkflowExecution!.RunId);
        Assert.Equal(5, childStarted.ParentInitiatedEventId);

        await s.TerminateAsync(parent);

        var childHistory = await s.HistoryAsync(child);
        var terminated = childHistory[^1];
        Assert.Equal(EventType.WorkflowExecutionTerminated, terminated.EventType);
        Assert.Equal(WorkflowExecutionTerminatedCause.ChildPolicyApplied, terminated.WorkflowExecutionTerminatedEventAttributes!.Cause);
        Assert.Equal(CloseStatus.Terminated, (await s.DescribeAsync(child)).ExecutionInfo.CloseStatus);
        Assert.Equal(EventType.WorkflowExecutionTerminated, (await s.HistoryAsync(parent))[^1].EventType);
    }

    private static async Task<ActivityTaskStatus> Heartbeat(MotoScenario s, ActivityTask activity) =>
        (await s.Client.RecordActivityTaskHeartbeatAsync(new RecordActivityTaskHeartbeatRequest { TaskToken = activity.TaskToken! })).ActivityTaskStatus;

    private static Decision RequestCancelActivity(string activityId) => new()
    {
        DecisionType = DecisionType.RequestCancelActivityTask,
        RequestCancelActivityTaskDecisionAttributes = new() { ActivityId = activityId },
    };

    private static Decision SignalExternal(string workflowId, string signalName, string input) => new()
    {
        DecisionType = DecisionType.SignalExternalWorkflowExecution,
        SignalExternalWorkflowExecutionDecisionAttributes = new() { WorkflowId = workflowId, SignalName = signalName, Input = input },
    };
}
