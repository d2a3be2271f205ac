using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class ActivityTaskTests
{
    [Fact]
    public async Task ScheduleActivityTask_TypeDefaults_ScheduledEventRecordsEffectiveValues()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();

        await h.DecideAsync(D.ScheduleActivity("a1", "in", a => a.Control = "ctl"));

        var scheduled = (await h.HistoryAsync(runId))[4];
        Assert.Equal(EventType.ActivityTaskScheduled, scheduled.EventType);
        var attributes = scheduled.ActivityTaskScheduledEventAttributes!;
        Assert.Equal("a1", attributes.ActivityId);
        Assert.Equal(EngineHarness.Activity.Name, attributes.ActivityType.Name);
        Assert.Equal("in", attributes.Input);
        Assert.Equal("ctl", attributes.Control);
        Assert.Equal(EngineHarness.ActivityList, attributes.TaskList.Name);
        Assert.Equal("60", attributes.ScheduleToStartTimeout);
        Assert.Equal("300", attributes.ScheduleToCloseTimeout);
        Assert.Equal("120", attributes.StartToCloseTimeout);
        Assert.Equal("NONE", attributes.HeartbeatTimeout);
        Assert.Equal("0", attributes.TaskPriority);
        Assert.Equal(4, attributes.DecisionTaskCompletedEventId);
        Assert.Equal(1, await h.PendingActivityTasksAsync());
    }

    [Fact]
    public async Task PollForActivityTask_TaskWaiting_StartsItAndReturnsTask()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.DecideAsync(D.ScheduleActivity("a1", "in"));

        var task = await h.PollActivityAsync();

        Assert.Equal("a1", task.ActivityId);
        Assert.Equal("in", task.Input);
        Assert.Equal(runId, task.WorkflowExecution!.RunId);
        Assert.Equal(EngineHarness.Activity.Name, task.ActivityType!.Name);
        Assert.Equal(6, task.StartedEventId);
        var started = (await h.HistoryAsync(runId))[5].ActivityTaskStartedEventAttributes!;
        Assert.Equal("worker", started.Identity);
        Assert.Equal(5, started.ScheduledEventId);
        Assert.Equal(0, await h.PendingActivityTasksAsync());
        Assert.Equal(0, await h.PendingDecisionTasksAsync());
    }

    [Fact]
    public async Task RespondActivityTaskCompleted_StartedTask_RecordsResultAndSchedulesDecision()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.DecideAsync(D.ScheduleActivity("a1"));
        var task = await h.PollActivityAsync();

        await h.Engine.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = task.TaskToken!, Result = "ok" });

        var history = await h.HistoryAsync(runId);
        Assert.Equal(["ActivityTaskScheduled", "ActivityTaskStarted", "ActivityTaskCompleted", "DecisionTaskScheduled"], history.Skip(4).Select(e => e.EventType.Value));
        var completed = history[6].ActivityTaskCompletedEventAttributes!;
        Assert.Equal("ok", completed.Result);
        Assert.Equal(5, completed.ScheduledEventId);
        Assert.Equal(6, completed.StartedEventId);
        Assert.Equal(0, (await h.DescribeAsync(runId)).OpenCounts.OpenActivityTasks);
        await Assert.ThrowsAsync<UnknownResourceException>(() =>
            h.Engine.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = task.TaskToken! }));
    }

    [Fact]
    public async Task RespondActivityTaskFailed_StartedTask_RecordsReasonAndDetails()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.DecideAsync(D.ScheduleActivity("a1"));
        var task = await h.PollActivityAsync();

        await h.Engine.RespondActivityTaskFailedAsync(new RespondActivityTaskFailedRequest { TaskToken = task.TaskToken!, Reason = "r", Details = "d" });

        var failed = (await h.HistoryAsync(runId))[6].ActivityTaskFailedEventAttributes!;
        Assert.Equal("r", failed.Reason);
        Assert.Equal("d", failed.Details);
        Assert.Equal(5, failed.ScheduledEventId);
        Assert.Equal(6, failed.StartedEventId);
    }

    [Fact]
    public async Task RespondActivityTaskCompleted_UnknownToken_ThrowsUnknownResource()
    {
        using var h = await EngineHarness.CreateAsync();

        await Assert.ThrowsAsync<UnknownResourceException>(() =>
            h.Engine.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = "bogus" }));
        await Assert.ThrowsAsync<UnknownResourceException>(() =>
            h.Engine.RecordActivityTaskHeartbeatAsync(new RecordActivityTaskHeartbeatRequest { TaskToken = "bogus" }));
    }

    [Fact]
    public async Task RequestCancelActivityTask_NotStarted_CanceledAtOnce()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.DecideAsync(D.ScheduleActivity("a1"));
        await Signal(h);

        await h.DecideAsync(D.RequestCancelActivity("a1"));

        var history = await h.HistoryAsync(runId);
        Assert.Equal(["ActivityTaskCancelRequested", "ActivityTaskCanceled", "DecisionTaskScheduled"], history.TakeLast(3).Select(e => e.EventType.Value));
        var requested = history[^3];
        Assert.Equal("a1", requested.ActivityTaskCancelRequestedEventAttributes!.ActivityId);
        var canceled = history[^2].ActivityTaskCanceledEventAttributes!;
        Assert.Equal(5, canceled.ScheduledEventId);
        Assert.Equal(0, canceled.StartedEventId);
        Assert.Equal(requested.EventId, canceled.LatestCancelRequestedEventId);
        Assert.Equal(0, await h.PendingActivityTasksAsync());
    }

    [Fact]
    public async Task RequestCancelActivityTask_Started_HeartbeatReportsCancelAndWorkerCancels()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.DecideAsync(D.ScheduleActivity("a1"));
        var task = await h.PollActivityAsync();
        var beat = await h.Engine.RecordActivityTaskHeartbeatAsync(new RecordActivityTaskHeartbeatRequest { TaskToken = task.TaskToken! });
        Assert.False(beat.ActivityTaskStatus.CancelRequested);
        await Signal(h);
        await h.DecideAsync(D.RequestCancelActivity("a1"));
        Assert.Equal(EventType.ActivityTaskCancelRequested, (await h.HistoryAsync(runId))[^1].EventType);

        beat = await h.Engine.RecordActivityTaskHeartbeatAsync(new RecordActivityTaskHeartbeatRequest { TaskToken = task.TaskToken! });
        Assert.True(beat.ActivityTaskStatus.CancelRequested);
        await h.Engine.RespondActivityTaskCanceledAsync(new RespondActivityTaskCanceledRequest { TaskToken = task.TaskToken!, Details = "stopped" });

        var history = await h.HistoryAsync(runId);
        var canceled = history[^2].ActivityTaskCanceledEventAttributes!;
        Assert.Equal("stopped", canceled.Details);
        Assert.Equal(6, canceled.StartedEventId);
        Assert.Equal(history.Single(e => e.EventType == EventType.ActivityTaskCancelRequested).EventId, canceled.LatestCancelRequestedEventId);
        Assert.Equal(EventType.DecisionTaskScheduled, history[^1].EventType);
    }

    [Fact]
    public async Task RequestCancelActivityTask_UnknownId_FailsActivityIdUnknown()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();

        await h.DecideAsync(D.RequestCancelActivity("nope"));

        var failed = (await h.HistoryAsync(runId))[4].RequestCancelActivityTaskFailedEventAttributes!;
        Assert.Equal(RequestCancelActivityTaskFailedCause.ActivityIdUnknown, failed.Cause);
        Assert.Equal("nope", failed.ActivityId);
        Assert.Equal(1, await h.PendingDecisionTasksAsync());
    }

    [Fact]
    public async Task ScheduleActivityTask_UnknownType_FailsActivityTypeDoesNotExist()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();

        await h.DecideAsync(D.ScheduleActivity("a1", configure: a => a.ActivityType = new ActivityType { Name = "Nope", Version = "1" }));

        var history = await h.HistoryAsync(runId);
        var failed = history[4].ScheduleActivityTaskFailedEventAttributes!;
        Assert.Equal(ScheduleActivityTaskFailedCause.ActivityTypeDoesNotExist, failed.Cause);
        Assert.Equal("a1", failed.ActivityId);
        Assert.Equal("Nope", failed.ActivityType.Name);
        Assert.Equal(4, failed.DecisionTaskCompletedEventId);
        Assert.Equal(EventType.DecisionTaskScheduled, history[5].EventType);
    }

    [Fact]
    public async Task ScheduleActivityTask_DeprecatedType_FailsActivityTypeDeprecated()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.Engine.DeprecateActivityTypeAsync(new DeprecateActivityTypeRequest { Domain = EngineHarness.Domain, ActivityType = EngineHarness.Activity });

        await h.DecideAsync(D.ScheduleActivity("a1"));

        Assert.Equal(ScheduleActivityTaskFailedCause.ActivityTypeDeprecated, (await h.HistoryAsync(runId))[4].ScheduleActivityTaskFailedEventAttributes!.Cause);
    }

    [Fact]
    public async Task ScheduleActivityTask_IdOfOpenActivity_FailsActivityIdAlreadyInUse()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();

        await h.DecideAsync(D.ScheduleActivity("a1"), D.ScheduleActivity("a1"));

        Assert.Equal(ScheduleActivityTaskFailedCause.ActivityIdAlreadyInUse, (await h.HistoryAsync(runId))[5].ScheduleActivityTaskFailedEventAttributes!.Cause);
    }

    [Theory]
    [InlineData("taskList", "DEFAULT_TASK_LIST_UNDEFINED")]
    [InlineData("scheduleToStart", "DEFAULT_SCHEDULE_TO_START_TIMEOUT_UNDEFINED")]
    [InlineData("scheduleToClose", "DEFAULT_SCHEDULE_TO_CLOSE_TIMEOUT_UNDEFINED")]
    [InlineData("startToClose", "DEFAULT_START_TO_CLOSE_TIMEOUT_UNDEFINED")]
    public async Task ScheduleActivityTask_NoValueAndNoDefault_FailsDefaultUndefined(string missing, string cause)
    {
        using var h = await EngineHarness.CreateAsync();
        await h.Engine.RegisterActivityTypeAsync(new RegisterActivityTypeRequest { Domain = EngineHarness.Domain, Name = "Bare", Version = "1" });
        var runId = await h.StartAsync();

        await h.DecideAsync(D.ScheduleActivity("a1", configure: a =>
        {
            a.ActivityType = new ActivityType { Name = "Bare", Version = "1" };
            a.TaskList = missing == "taskList" ? null : new TaskList { Name = "l" };
            a.ScheduleToStartTimeout = missing == "scheduleToStart" ? null : "10";
            a.ScheduleToCloseTimeout = missing == "scheduleToClose" ? null : "10";
            a.StartToCloseTimeout = missing == "startToClose" ? null : "10";
        }));

        Assert.Equal(cause, (await h.HistoryAsync(runId))[4].ScheduleActivityTaskFailedEventAttributes!.Cause.Value);
    }

    [Fact]
    public async Task ScheduleActivityTask_NoHeartbeatAnywhere_DefaultsToNone()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.Engine.RegisterActivityTypeAsync(new RegisterActivityTypeRequest { Domain = EngineHarness.Domain, Name = "Bare", Version = "1" });
        var runId = await h.StartAsync();

        await h.DecideAsync(D.ScheduleActivity("a1", configure: a =>
        {
            a.ActivityType = new ActivityType { Name = "Bare", Version = "1" };
            a.TaskList = new TaskList { Name = "l" };
            a.ScheduleToStartTimeout = "10";
            a.ScheduleToCloseTimeout = "20";
            a.StartToCloseTimeout = "10";
        }));

        var scheduled = (await h.HistoryAsync(runId))[4].ActivityTaskScheduledEventAttributes!;
        Assert.Equal("NONE", scheduled.HeartbeatTimeout);
        Assert.Equal("l", scheduled.TaskList.Name);
    }

    [Fact]
    public async Task PollForActivityTask_Priorities_HigherFirstThenFifo()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();

        await h.DecideAsync(
            D.ScheduleActivity("low", configure: a => a.TaskPriority = "1"),
            D.ScheduleActivity("high", configure: a => a.TaskPriority = "10"),
            D.ScheduleActivity("low2", configure: a => a.TaskPriority = "1"),
            D.ScheduleActivity("negative", configure: a => a.TaskPriority = "-5"),
            D.ScheduleActivity("high2", configure: a => a.TaskPriority = "10"));

        var order = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            order.Add((await h.PollActivityAsync()).ActivityId!);
        }

        Assert.Equal(["high", "high2", "low", "low2", "negative"], order);
    }

    [Fact]
    public async Task RespondActivityTaskCompleted_RunClosed_ThrowsUnknownResource()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();
        await h.DecideAsync(D.ScheduleActivity("a1"));
        var task = await h.PollActivityAsync();
        await h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1" });

        await Assert.ThrowsAsync<UnknownResourceException>(() =>
            h.Engine.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = task.TaskToken! }));
    }

    [Fact]
    public async Task PollForActivityTask_TaskOfClosedRun_IsNotHandedOut()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();
        await h.DecideAsync(D.ScheduleActivity("a1"));
        await h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1" });

        Assert.Equal(0, await h.PendingActivityTasksAsync());
    }

    private static Task<SignalWorkflowExecutionResponse> Signal(EngineHarness h) =>
        h.Engine.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1", SignalName = "s" });
}
