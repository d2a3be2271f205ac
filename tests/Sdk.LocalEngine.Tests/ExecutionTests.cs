using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class ExecutionTests
{
    [Fact]
    public async Task StartWorkflowExecution_TypeDefaults_StartedEventRecordsEffectiveValues()
    {
        using var h = await EngineHarness.CreateAsync();

        var runId = await h.StartAsync(input: "in", configure: r => r.TagList = ["a", "b"]);

        var history = await h.HistoryAsync(runId);
        Assert.Equal(["WorkflowExecutionStarted", "DecisionTaskScheduled"], history.Select(e => e.EventType.Value));
        Assert.Equal([1L, 2L], history.Select(e => e.EventId));
        var started = history[0].WorkflowExecutionStartedEventAttributes!;
        Assert.Equal("in", started.Input);
        Assert.Equal("3600", started.ExecutionStartToCloseTimeout);
        Assert.Equal("30", started.TaskStartToCloseTimeout);
        Assert.Equal(EngineHarness.DecisionList, started.TaskList.Name);
        Assert.Equal(ChildPolicy.Terminate, started.ChildPolicy);
        Assert.Equal("0", started.TaskPriority);
        Assert.Equal(["a", "b"], started.TagList);
        Assert.Equal(EngineHarness.Epoch.UtcDateTime, history[0].EventTimestamp);
        Assert.Equal(DateTimeKind.Utc, history[0].EventTimestamp.Kind);
        var scheduled = history[1].DecisionTaskScheduledEventAttributes!;
        Assert.Equal(EngineHarness.DecisionList, scheduled.TaskList.Name);
        Assert.Equal("30", scheduled.StartToCloseTimeout);
    }

    [Fact]
    public async Task StartWorkflowExecution_RequestValues_OverrideTypeDefaults()
    {
        using var h = await EngineHarness.CreateAsync();

        var runId = await h.StartAsync(configure: r =>
        {
            r.TaskList = new TaskList { Name = "other" };
            r.ExecutionStartToCloseTimeout = "100";
            r.TaskStartToCloseTimeout = "NONE";
            r.ChildPolicy = ChildPolicy.Abandon;
            r.TaskPriority = "7";
        });

        var detail = await h.DescribeAsync(runId);
        Assert.Equal("other", detail.ExecutionConfiguration.TaskList.Name);
        Assert.Equal("100", detail.ExecutionConfiguration.ExecutionStartToCloseTimeout);
        Assert.Equal("NONE", detail.ExecutionConfiguration.TaskStartToCloseTimeout);
        Assert.Equal(ChildPolicy.Abandon, detail.ExecutionConfiguration.ChildPolicy);
        Assert.Equal("7", detail.ExecutionConfiguration.TaskPriority);
        Assert.Equal(1, await h.PendingDecisionTasksAsync("other"));
    }

    [Theory]
    [InlineData("executionStartToCloseTimeout")]
    [InlineData("taskStartToCloseTimeout")]
    [InlineData("taskList")]
    [InlineData("childPolicy")]
    public async Task StartWorkflowExecution_NoValueAndNoDefault_ThrowsDefaultUndefined(string missing)
    {
        using var h = await EngineHarness.CreateAsync();
        await h.Engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = EngineHarness.Domain,
            Name = "Bare",
            Version = "1",
        });
        var request = new StartWorkflowExecutionRequest
        {
            Domain = EngineHarness.Domain,
            WorkflowId = "wf",
            WorkflowType = new WorkflowType { Name = "Bare", Version = "1" },
            ExecutionStartToCloseTimeout = missing == "executionStartToCloseTimeout" ? null : "60",
            TaskStartToCloseTimeout = missing == "taskStartToCloseTimeout" ? null : "10",
            TaskList = missing == "taskList" ? null : new TaskList { Name = "l" },
            ChildPolicy = missing == "childPolicy" ? null : ChildPolicy.Terminate,
        };

        await Assert.ThrowsAsync<DefaultUndefinedException>(() => h.Engine.StartWorkflowExecutionAsync(request));
    }

    [Fact]
    public async Task StartWorkflowExecution_WorkflowIdOpen_ThrowsAlreadyStarted()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();

        await Assert.ThrowsAsync<WorkflowExecutionAlreadyStartedException>(() => h.StartAsync());
    }

    [Fact]
    public async Task StartWorkflowExecution_WorkflowIdOfClosedRun_StartsNewRun()
    {
        using var h = await EngineHarness.CreateAsync();
        var first = await h.StartAsync();
        await h.DecideAsync(D.Complete());

        var second = await h.StartAsync();

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task StartWorkflowExecution_DeprecatedType_ThrowsTypeDeprecated()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.Engine.DeprecateWorkflowTypeAsync(new DeprecateWorkflowTypeRequest { Domain = EngineHarness.Domain, WorkflowType = EngineHarness.Workflow });

        await Assert.ThrowsAsync<TypeDeprecatedException>(() => h.StartAsync());
    }

    [Fact]
    public async Task StartWorkflowExecution_UnknownTypeOrDomain_ThrowsUnknownResource()
    {
        using var h = await EngineHarness.CreateAsync();

        await Assert.ThrowsAsync<UnknownResourceException>(() => h.StartAsync(configure: r => r.WorkflowType = new WorkflowType { Name = "Nope", Version = "1" }));
        await Assert.ThrowsAsync<UnknownResourceException>(() => h.StartAsync(configure: r => r.Domain = "nope"));
    }

    [Fact]
    public async Task StartWorkflowExecution_NoneExecutionTimeout_ThrowsValidation()
    {
        using var h = await EngineHarness.CreateAsync();

        await Assert.ThrowsAsync<ValidationException>(() => h.StartAsync(configure: r => r.ExecutionStartToCloseTimeout = "NONE"));
    }

    [Fact]
    public async Task StartWorkflowExecution_InvalidRequest_ThrowsValidation()
    {
        using var h = await EngineHarness.CreateAsync();

        await Assert.ThrowsAsync<ValidationException>(() => h.StartAsync(workflowId: "a:b"));
    }

    [Fact]
    public async Task DescribeWorkflowExecution_OpenRun_ReportsInfoAndCounts()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync(configure: r => r.TagList = ["t"]);
        h.AdvanceSeconds(5);
        var task = await h.PollDecisionAsync();
        await h.Engine.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest
        {
            TaskToken = task.TaskToken!,
            Decisions = [D.ScheduleActivity("a1"), D.StartTimer("t1", 100)],
            ExecutionContext = "ctx",
        });

        var detail = await h.DescribeAsync(runId);

        Assert.Equal(ExecutionStatus.Open, detail.ExecutionInfo.ExecutionStatus);
        Assert.Null(detail.ExecutionInfo.CloseStatus);
        Assert.Equal(EngineHarness.Epoch.UtcDateTime, detail.ExecutionInfo.StartTimestamp);
        Assert.Equal(["t"], detail.ExecutionInfo.TagList);
        Assert.False(detail.ExecutionInfo.CancelRequested);
        Assert.Equal(1, detail.OpenCounts.OpenActivityTasks);
        Assert.Equal(1, detail.OpenCounts.OpenTimers);
        Assert.Equal(0, detail.OpenCounts.OpenDecisionTasks);
        Assert.Equal(0, detail.OpenCounts.OpenChildWorkflowExecutions);
        Assert.Equal("ctx", detail.LatestExecutionContext);
        Assert.Equal(EngineHarness.Epoch.UtcDateTime.AddSeconds(5), detail.LatestActivityTaskTimestamp);
    }

    [Fact]
    public async Task DescribeWorkflowExecution_UnknownRun_ThrowsUnknownResource()
    {
        using var h = await EngineHarness.CreateAsync();

        await Assert.ThrowsAsync<UnknownResourceException>(() => h.DescribeAsync("nope"));
    }

    [Fact]
    public async Task SignalWorkflowExecution_OpenRun_RecordsSignalAndSchedulesNoSecondTask()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();

        await h.Engine.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1", SignalName = "go", Input = "x" });

        var history = await h.HistoryAsync(runId);
        Assert.Equal(["WorkflowExecutionStarted", "DecisionTaskScheduled", "WorkflowExecutionSignaled"], history.Select(e => e.EventType.Value));
        Assert.Equal("go", history[2].WorkflowExecutionSignaledEventAttributes!.SignalName);
        Assert.Equal("x", history[2].WorkflowExecutionSignaledEventAttributes!.Input);
        Assert.Equal(1, await h.PendingDecisionTasksAsync());
    }

    [Fact]
    public async Task SignalWorkflowExecution_ClosedOrUnknownRun_ThrowsUnknownResource()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.DecideAsync(D.Complete());

        await Assert.ThrowsAsync<UnknownResourceException>(() => h.Engine.SignalWorkflowExecutionAsync(
            new SignalWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1", SignalName = "go" }));
        await Assert.ThrowsAsync<UnknownResourceException>(() => h.Engine.SignalWorkflowExecutionAsync(
            new SignalWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1", RunId = runId, SignalName = "go" }));
    }

    [Fact]
    public async Task RequestCancelWorkflowExecution_OpenRun_SetsCancelRequestedAndDeciderCancels()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.DecideAsync();

        await h.Engine.RequestCancelWorkflowExecutionAsync(new RequestCancelWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1" });
        Assert.True((await h.DescribeAsync(runId)).ExecutionInfo.CancelRequested);
        var task = await h.PollDecisionAsync();
        Assert.Contains(task.Events!, e => e.EventType == EventType.WorkflowExecutionCancelRequested);
        await h.RespondAsync(task, D.Cancel("bye"));

        var detail = await h.DescribeAsync(runId);
        Assert.Equal(CloseStatus.Canceled, detail.ExecutionInfo.CloseStatus);
        var last = (await h.HistoryAsync(runId))[^1];
        Assert.Equal(EventType.WorkflowExecutionCanceled, last.EventType);
        Assert.Equal("bye", last.WorkflowExecutionCanceledEventAttributes!.Details);
    }

    [Fact]
    public async Task TerminateWorkflowExecution_OpenRun_ClosesAndInvalidatesTokens()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        var task = await h.PollDecisionAsync();

        await h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest
        {
            Domain = EngineHarness.Domain, WorkflowId = "wf-1", Reason = "r", Details = "d",
        });

        var history = await h.HistoryAsync(runId);
        var terminated = history[^1].WorkflowExecutionTerminatedEventAttributes!;
        Assert.Equal("r", terminated.Reason);
        Assert.Equal("d", terminated.Details);
        Assert.Equal(ChildPolicy.Terminate, terminated.ChildPolicy);
        Assert.Equal(WorkflowExecutionTerminatedCause.OperatorInitiated, terminated.Cause);
        var detail = await h.DescribeAsync(runId);
        Assert.Equal(CloseStatus.Terminated, detail.ExecutionInfo.CloseStatus);
        Assert.Equal(EngineHarness.Epoch.UtcDateTime, detail.ExecutionInfo.CloseTimestamp);
        Assert.Equal(0, detail.OpenCounts.OpenDecisionTasks);
        await Assert.ThrowsAsync<UnknownResourceException>(() => h.RespondAsync(task, D.Complete()));
        Assert.Equal(history.Count, (await h.HistoryAsync(runId)).Count);
    }

    [Fact]
    public async Task CompleteWorkflowExecution_ReturnedObjects_DoNotAliasEngineState()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync(input: "original");
        var history = await h.HistoryAsync(runId);

        history[0].WorkflowExecutionStartedEventAttributes!.Input = "mutated";
        history[0].WorkflowExecutionStartedEventAttributes!.TaskList.Name = "mutated";
        history.Clear();

        var again = await h.HistoryAsync(runId);
        Assert.Equal("original", again[0].WorkflowExecutionStartedEventAttributes!.Input);
        Assert.Equal(EngineHarness.DecisionList, again[0].WorkflowExecutionStartedEventAttributes!.TaskList.Name);
    }

    [Fact]
    public async Task StartWorkflowExecution_RequestMutatedAfterCall_DoesNotChangeEngineState()
    {
        using var h = await EngineHarness.CreateAsync();
        var tags = new List<string> { "a" };
        var taskList = new TaskList { Name = "l1" };
        var runId = await h.StartAsync(configure: r => { r.TagList = tags; r.TaskList = taskList; });

        tags.Add("b");
        taskList.Name = "l2";

        var detail = await h.DescribeAsync(runId);
        Assert.Equal(["a"], detail.ExecutionInfo.TagList);
        Assert.Equal("l1", detail.ExecutionConfiguration.TaskList.Name);
    }
}
