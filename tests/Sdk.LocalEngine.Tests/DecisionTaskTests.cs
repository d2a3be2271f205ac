using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class DecisionTaskTests
{
    [Fact]
    public async Task PollForDecisionTask_TaskWaiting_StartsItWithIdentityAndFullHistory()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();

        var task = await h.PollDecisionAsync();

        Assert.Equal(3, task.StartedEventId);
        Assert.Equal(0, task.PreviousStartedEventId);
        Assert.Equal(runId, task.WorkflowExecution!.RunId);
        Assert.Equal("wf-1", task.WorkflowExecution.WorkflowId);
        Assert.Equal(EngineHarness.Workflow.Name, task.WorkflowType!.Name);
        Assert.Equal(["WorkflowExecutionStarted", "DecisionTaskScheduled", "DecisionTaskStarted"], task.Events!.Select(e => e.EventType.Value));
        var started = task.Events![2].DecisionTaskStartedEventAttributes!;
        Assert.Equal("decider", started.Identity);
        Assert.Equal(2, started.ScheduledEventId);
        Assert.Null(task.NextPageToken);
        Assert.Equal(0, await h.PendingDecisionTasksAsync());
    }

    [Fact]
    public async Task PollForDecisionTask_NothingArrives_ReturnsEmptyTaskAfterLongPoll()
    {
        using var h = await EngineHarness.CreateAsync();
        var poll = h.Engine.PollForDecisionTaskAsync(new PollForDecisionTaskRequest { Domain = EngineHarness.Domain, TaskList = new TaskList { Name = "idle" } });

        h.AdvanceSeconds(59);
        Assert.False(poll.IsCompleted);
        h.AdvanceSeconds(1);
        var task = (await poll).DecisionTask;

        Assert.Null(task.TaskToken);
        Assert.Equal(0, task.StartedEventId);
        Assert.Equal(0, task.PreviousStartedEventId);
    }

    [Fact]
    public async Task PollForDecisionTask_TaskArrivesDuringPoll_ReturnsIt()
    {
        using var h = await EngineHarness.CreateAsync();
        var poll = h.Engine.PollForDecisionTaskAsync(new PollForDecisionTaskRequest { Domain = EngineHarness.Domain, TaskList = new TaskList { Name = EngineHarness.DecisionList } });
        h.AdvanceSeconds(30);

        var runId = await h.StartAsync();
        var task = (await poll).DecisionTask;

        Assert.Equal(runId, task.WorkflowExecution!.RunId);
        Assert.Equal(3, task.StartedEventId);
    }

    [Fact]
    public async Task PollForDecisionTask_UnknownDomain_ThrowsUnknownResource()
    {
        using var h = await EngineHarness.CreateAsync();

        await Assert.ThrowsAsync<UnknownResourceException>(() => h.Engine.PollForDecisionTaskAsync(
            new PollForDecisionTaskRequest { Domain = "nope", TaskList = new TaskList { Name = "x" } }));
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_SignalWhileScheduled_BatchesIntoOneTask()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await Signal(h, "s1");
        await Signal(h, "s2");

        Assert.Equal(1, await h.PendingDecisionTasksAsync());
        var task = await h.PollDecisionAsync();

        Assert.Equal(["WorkflowExecutionStarted", "DecisionTaskScheduled", "WorkflowExecutionSignaled", "WorkflowExecutionSignaled", "DecisionTaskStarted"],
            task.Events!.Select(e => e.EventType.Value));
        Assert.Single(await h.HistoryAsync(runId), e => e.EventType == EventType.DecisionTaskScheduled);
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_SignalWhileStarted_SchedulesOneTaskAfterCompletion()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        var first = await h.PollDecisionAsync();
        await Signal(h, "s1");
        await Signal(h, "s2");
        Assert.Equal(0, await h.PendingDecisionTasksAsync());

        await h.RespondAsync(first);

        Assert.Equal(
            ["WorkflowExecutionStarted", "DecisionTaskScheduled", "DecisionTaskStarted", "WorkflowExecutionSignaled", "WorkflowExecutionSignaled", "DecisionTaskCompleted", "DecisionTaskScheduled"],
            await h.EventTypesAsync(runId));
        var second = await h.PollDecisionAsync();
        Assert.Equal(3, second.PreviousStartedEventId);
        Assert.Equal(8, second.StartedEventId);
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_NoNewEvents_SchedulesNoTask()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();

        await h.DecideAsync();

        Assert.Equal(0, await h.PendingDecisionTasksAsync());
        Assert.Equal(0, (await h.DescribeAsync(runId)).OpenCounts.OpenDecisionTasks);
        var completed = (await h.HistoryAsync(runId))[^1].DecisionTaskCompletedEventAttributes!;
        Assert.Equal(2, completed.ScheduledEventId);
        Assert.Equal(3, completed.StartedEventId);
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_SameTokenTwice_ThrowsUnknownResource()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();
        var task = await h.DecideAsync();

        await Assert.ThrowsAsync<UnknownResourceException>(() => h.RespondAsync(task));
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_ClosingDecisionNotLast_RejectsWholeCall()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        var task = await h.PollDecisionAsync();
        var before = await h.EventTypesAsync(runId);

        await Assert.ThrowsAsync<ValidationException>(() => h.RespondAsync(task, D.Complete(), D.StartTimer("t", 5)));

        Assert.Equal(before, await h.EventTypesAsync(runId));
        await h.RespondAsync(task, D.StartTimer("t", 5), D.Complete());
        Assert.Equal(CloseStatus.Completed, (await h.DescribeAsync(runId)).ExecutionInfo.CloseStatus);
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_MissingAttributes_ThrowsValidation()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();
        var task = await h.PollDecisionAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => h.RespondAsync(task, new Decision { DecisionType = DecisionType.StartTimer }));

        Assert.Contains("decisions.1.member.startTimerDecisionAttributes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_CloseAfterSignalArrived_FailsUnhandledDecisionAndSchedulesTask()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        var task = await h.PollDecisionAsync();
        await Signal(h, "late");

        await h.RespondAsync(task, D.Complete("done"));

        var history = await h.HistoryAsync(runId);
        Assert.Equal(
            ["WorkflowExecutionStarted", "DecisionTaskScheduled", "DecisionTaskStarted", "WorkflowExecutionSignaled", "DecisionTaskCompleted", "CompleteWorkflowExecutionFailed", "DecisionTaskScheduled"],
            history.Select(e => e.EventType.Value));
        var failed = history[5].CompleteWorkflowExecutionFailedEventAttributes!;
        Assert.Equal(CompleteWorkflowExecutionFailedCause.UnhandledDecision, failed.Cause);
        Assert.Equal(5, failed.DecisionTaskCompletedEventId);
        Assert.Equal(ExecutionStatus.Open, (await h.DescribeAsync(runId)).ExecutionInfo.ExecutionStatus);

        await h.DecideAsync(D.Complete("done"));
        Assert.Equal(CloseStatus.Completed, (await h.DescribeAsync(runId)).ExecutionInfo.CloseStatus);
    }

    [Theory]
    [InlineData("Fail")]
    [InlineData("Cancel")]
    [InlineData("ContinueAsNew")]
    public async Task RespondDecisionTaskCompleted_OtherClosesAfterSignal_FailUnhandledDecision(string kind)
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        var task = await h.PollDecisionAsync();
        await Signal(h, "late");

        await h.RespondAsync(task, kind switch { "Fail" => D.Fail(), "Cancel" => D.Cancel(), _ => D.ContinueAsNew() });

        var failed = (await h.HistoryAsync(runId))[5];
        switch (kind)
        {
            case "Fail": Assert.Equal(FailWorkflowExecutionFailedCause.UnhandledDecision, failed.FailWorkflowExecutionFailedEventAttributes!.Cause); break;
            case "Cancel": Assert.Equal(CancelWorkflowExecutionFailedCause.UnhandledDecision, failed.CancelWorkflowExecutionFailedEventAttributes!.Cause); break;
            default: Assert.Equal(ContinueAsNewWorkflowExecutionFailedCause.UnhandledDecision, failed.ContinueAsNewWorkflowExecutionFailedEventAttributes!.Cause); break;
        }

        Assert.Equal(ExecutionStatus.Open, (await h.DescribeAsync(runId)).ExecutionInfo.ExecutionStatus);
        Assert.Equal(1, await h.PendingDecisionTasksAsync());
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_ExecutionContext_KeptAsLatest()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        var task = await h.PollDecisionAsync();
        await h.Engine.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest { TaskToken = task.TaskToken!, ExecutionContext = "c1", Decisions = [D.StartTimer("t", 1)] });
        h.AdvanceSeconds(1);
        await h.DecideAsync();

        var detail = await h.DescribeAsync(runId);
        Assert.Equal("c1", detail.LatestExecutionContext);
        var history = await h.HistoryAsync(runId);
        Assert.Equal("c1", history.First(e => e.EventType == EventType.DecisionTaskCompleted).DecisionTaskCompletedEventAttributes!.ExecutionContext);
    }

    [Fact]
    public async Task PollForDecisionTask_StartAtPreviousStartedEvent_ReturnsOnlyNewEvents()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();
        await h.DecideAsync(D.StartTimer("t", 10));
        h.AdvanceSeconds(10);

        var task = await h.PollDecisionAsync(configure: r => r.StartAtPreviousStartedEvent = true);

        Assert.Equal(3, task.PreviousStartedEventId);
        Assert.Equal(["DecisionTaskCompleted", "TimerStarted", "TimerFired", "DecisionTaskScheduled", "DecisionTaskStarted"], task.Events!.Select(e => e.EventType.Value));
        Assert.Equal(4, task.Events![0].EventId);
    }

    [Fact]
    public async Task PollForDecisionTask_PagedHistory_NextPageTokenReturnsRestOfSameTask()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await Signal(h, "s" + i);
        }

        var first = await h.PollDecisionAsync(configure: r => r.MaximumPageSize = 3);
        Assert.Equal([1L, 2L, 3L], first.Events!.Select(e => e.EventId));
        Assert.NotNull(first.NextPageToken);

        var second = (await h.Engine.PollForDecisionTaskAsync(new PollForDecisionTaskRequest
        {
            Domain = EngineHarness.Domain, TaskList = new TaskList { Name = EngineHarness.DecisionList }, MaximumPageSize = 3, NextPageToken = first.NextPageToken,
        })).DecisionTask;
        Assert.Equal(first.TaskToken, second.TaskToken);
        Assert.Equal(first.StartedEventId, second.StartedEventId);
        Assert.Equal([4L, 5L, 6L], second.Events!.Select(e => e.EventId));
        var third = (await h.Engine.PollForDecisionTaskAsync(new PollForDecisionTaskRequest
        {
            Domain = EngineHarness.Domain, TaskList = new TaskList { Name = EngineHarness.DecisionList }, MaximumPageSize = 3, NextPageToken = second.NextPageToken,
        })).DecisionTask;
        Assert.Equal([7L, 8L], third.Events!.Select(e => e.EventId));
        Assert.Null(third.NextPageToken);
        Assert.Single(await h.HistoryAsync(runId), e => e.EventType == EventType.DecisionTaskStarted);
    }

    [Fact]
    public async Task PollForDecisionTask_ReverseOrder_NewestEventFirst()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();

        var task = await h.PollDecisionAsync(configure: r => { r.ReverseOrder = true; r.MaximumPageSize = 2; });

        Assert.Equal([3L, 2L], task.Events!.Select(e => e.EventId));
        var rest = (await h.Engine.PollForDecisionTaskAsync(new PollForDecisionTaskRequest
        {
            Domain = EngineHarness.Domain, TaskList = new TaskList { Name = EngineHarness.DecisionList }, ReverseOrder = true, MaximumPageSize = 2, NextPageToken = task.NextPageToken,
        })).DecisionTask;
        Assert.Equal([1L], rest.Events!.Select(e => e.EventId));
    }

    [Fact]
    public async Task PollForDecisionTask_ForgedPageToken_ThrowsValidation()
    {
        using var h = await EngineHarness.CreateAsync();

        await Assert.ThrowsAsync<ValidationException>(() => h.Engine.PollForDecisionTaskAsync(new PollForDecisionTaskRequest
        {
            Domain = EngineHarness.Domain, TaskList = new TaskList { Name = EngineHarness.DecisionList }, NextPageToken = "not-a-token",
        }));
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_PermanentTaskListOverride_RoutesLaterTasks()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        var task = await h.PollDecisionAsync();
        await h.Engine.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest
        {
            TaskToken = task.TaskToken!, TaskList = new TaskList { Name = "sticky" }, Decisions = [D.StartTimer("t", 1)],
        });
        h.AdvanceSeconds(1);

        Assert.Equal(0, await h.PendingDecisionTasksAsync());
        Assert.Equal(1, await h.PendingDecisionTasksAsync("sticky"));
        var next = await h.PollDecisionAsync("sticky");
        Assert.Equal("sticky", next.Events!.Last(e => e.EventType == EventType.DecisionTaskScheduled).DecisionTaskScheduledEventAttributes!.TaskList.Name);
        Assert.Equal("sticky", (await h.HistoryAsync(runId)).First(e => e.EventType == EventType.DecisionTaskCompleted).DecisionTaskCompletedEventAttributes!.TaskList!.Name);
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_TemporaryOverrideNotPickedUp_TimesOutScheduleToStartAndReverts()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        var task = await h.PollDecisionAsync();
        await h.Engine.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest
        {
            TaskToken = task.TaskToken!, TaskList = new TaskList { Name = "sticky" }, TaskListScheduleToStartTimeout = "5", Decisions = [D.StartTimer("t", 1)],
        });
        h.AdvanceSeconds(1);
        var scheduled = (await h.HistoryAsync(runId))[^1];
        Assert.Equal("5", scheduled.DecisionTaskScheduledEventAttributes!.ScheduleToStartTimeout);
        Assert.Equal(1, await h.PendingDecisionTasksAsync("sticky"));

        h.AdvanceSeconds(5);

        var history = await h.HistoryAsync(runId);
        Assert.Equal(["TimerFired", "DecisionTaskScheduled", "DecisionTaskTimedOut", "DecisionTaskScheduled"], history.TakeLast(4).Select(e => e.EventType.Value));
        var timedOut = history[^2].DecisionTaskTimedOutEventAttributes!;
        Assert.Equal(DecisionTaskTimeoutType.ScheduleToStart, timedOut.TimeoutType);
        Assert.Equal(scheduled.EventId, timedOut.ScheduledEventId);
        Assert.Equal(0, timedOut.StartedEventId);
        Assert.Equal(EngineHarness.DecisionList, history[^1].DecisionTaskScheduledEventAttributes!.TaskList.Name);
        Assert.Null(history[^1].DecisionTaskScheduledEventAttributes!.ScheduleToStartTimeout);
        Assert.Equal(0, await h.PendingDecisionTasksAsync("sticky"));
        Assert.Equal(1, await h.PendingDecisionTasksAsync());
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_TemporaryOverridePickedUpInTime_DoesNotTimeOut()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        var task = await h.PollDecisionAsync();
        await h.Engine.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest
        {
            TaskToken = task.TaskToken!, TaskList = new TaskList { Name = "sticky" }, TaskListScheduleToStartTimeout = "5", Decisions = [D.StartTimer("t", 1)],
        });
        h.AdvanceSeconds(1);
        var sticky = await h.PollDecisionAsync("sticky");
        h.AdvanceSeconds(10);

        await h.RespondAsync(sticky, D.Complete());

        Assert.DoesNotContain(await h.HistoryAsync(runId), e => e.EventType == EventType.DecisionTaskTimedOut);
    }

    [Fact]
    public async Task PollForDecisionTask_RunsWithPriorities_HigherPriorityServedFirst()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync("low", configure: r => r.TaskPriority = "1");
        await h.StartAsync("high", configure: r => r.TaskPriority = "5");
        await h.StartAsync("default");

        var order = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            order.Add((await h.PollDecisionAsync()).WorkflowExecution!.WorkflowId);
        }

        Assert.Equal(["high", "low", "default"], order);
    }

    private static Task<SignalWorkflowExecutionResponse> Signal(EngineHarness h, string name, string workflowId = "wf-1") =>
        h.Engine.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = workflowId, SignalName = name });
}
