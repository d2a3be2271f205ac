using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class ChildWorkflowTests
{
    private const string ChildList = "children";

    [Fact]
    public async Task StartChildWorkflowExecution_Valid_ChildStartsLinkedToParent()
    {
        using var h = await EngineHarness.CreateAsync();
        var parent = await h.StartAsync("parent");

        await h.DecideAsync(D.StartChild("child", "in", c => c.Control = "ctl"));

        var parentHistory = await h.HistoryAsync(parent, "parent");
        Assert.Equal(["DecisionTaskCompleted", "StartChildWorkflowExecutionInitiated", "ChildWorkflowExecutionStarted", "DecisionTaskScheduled"],
            parentHistory.Skip(3).Select(e => e.EventType.Value));
        var initiated = parentHistory[4].StartChildWorkflowExecutionInitiatedEventAttributes!;
        Assert.Equal("child", initiated.WorkflowId);
        Assert.Equal("ctl", initiated.Control);
        Assert.Equal(EngineHarness.DecisionList, initiated.TaskList.Name);
        Assert.Equal(ChildPolicy.Terminate, initiated.ChildPolicy);
        Assert.Equal("3600", initiated.ExecutionStartToCloseTimeout);
        var started = parentHistory[5].ChildWorkflowExecutionStartedEventAttributes!;
        Assert.Equal(5, started.InitiatedEventId);
        Assert.Equal("child", started.WorkflowExecution.WorkflowId);

        var childRun = started.WorkflowExecution.RunId;
        var childStarted = (await h.HistoryAsync(childRun, "child"))[0].WorkflowExecutionStartedEventAttributes!;
        Assert.Equal(parent, childStarted.ParentWorkflowExecution!.RunId);
        Assert.Equal("parent", childStarted.ParentWorkflowExecution.WorkflowId);
        Assert.Equal(5, childStarted.ParentInitiatedEventId);
        Assert.Equal("in", childStarted.Input);
        Assert.Equal(parent, (await h.DescribeAsync(childRun, "child")).ExecutionInfo.Parent!.RunId);
        Assert.Equal(1, (await h.DescribeAsync(parent, "parent")).OpenCounts.OpenChildWorkflowExecutions);
    }

    [Fact]
    public async Task ChildWorkflowExecution_Completes_ParentGetsCompletedWithResult()
    {
        using var h = await EngineHarness.CreateAsync();
        var (parent, child) = await StartParentAndChildAsync(h);
        await h.DecideAsync(); // the parent's task for ChildWorkflowExecutionStarted

        var childTask = await h.PollDecisionAsync(ChildList);
        Assert.Equal("child", childTask.WorkflowExecution!.WorkflowId);
        await h.RespondAsync(childTask, D.Complete("r"));

        var parentHistory = await h.HistoryAsync(parent, "parent");
        var completed = parentHistory[^2].ChildWorkflowExecutionCompletedEventAttributes!;
        Assert.Equal("r", completed.Result);
        Assert.Equal(5, completed.InitiatedEventId);
        Assert.Equal(6, completed.StartedEventId);
        Assert.Equal(child, completed.WorkflowExecution.RunId);
        Assert.Equal(EventType.DecisionTaskScheduled, parentHistory[^1].EventType);
        Assert.Equal(0, (await h.DescribeAsync(parent, "parent")).OpenCounts.OpenChildWorkflowExecutions);
    }

    [Theory]
    [InlineData("Fail", "ChildWorkflowExecutionFailed")]
    [InlineData("Cancel", "ChildWorkflowExecutionCanceled")]
    public async Task ChildWorkflowExecution_ClosesOtherwise_ParentGetsMatchingEvent(string close, string expected)
    {
        using var h = await EngineHarness.CreateAsync();
        var (parent, _) = await StartParentAndChildAsync(h);
        await h.DecideAsync();

        await h.RespondAsync(await h.PollDecisionAsync(ChildList), close == "Fail" ? D.Fail("why", "det") : D.Cancel("det"));

        var closeEvent = (await h.HistoryAsync(parent, "parent"))[^2];
        Assert.Equal(expected, closeEvent.EventType.Value);
        if (close == "Fail")
        {
            Assert.Equal("why", closeEvent.ChildWorkflowExecutionFailedEventAttributes!.Reason);
            Assert.Equal("det", closeEvent.ChildWorkflowExecutionFailedEventAttributes.Details);
        }
        else
        {
            Assert.Equal("det", closeEvent.ChildWorkflowExecutionCanceledEventAttributes!.Details);
        }
    }

    [Fact]
    public async Task ChildWorkflowExecution_TimesOut_ParentGetsTimedOut()
    {
        using var h = await EngineHarness.CreateAsync();
        var (parent, _) = await StartParentAndChildAsync(h, c => c.ExecutionStartToCloseTimeout = "50");
        await h.DecideAsync();

        h.AdvanceSeconds(50);

        var timedOut = (await h.HistoryAsync(parent, "parent"))[^2].ChildWorkflowExecutionTimedOutEventAttributes!;
        Assert.Equal(WorkflowExecutionTimeoutType.StartToClose, timedOut.TimeoutType);
        Assert.Equal(5, timedOut.InitiatedEventId);
    }

    [Fact]
    public async Task ChildWorkflowExecution_Terminated_ParentGetsTerminated()
    {
        using var h = await EngineHarness.CreateAsync();
        var (parent, child) = await StartParentAndChildAsync(h);

        await h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "child" });

        var terminated = (await h.HistoryAsync(parent, "parent")).Single(e => e.EventType == EventType.ChildWorkflowExecutionTerminated)
            .ChildWorkflowExecutionTerminatedEventAttributes!;
        Assert.Equal(child, terminated.WorkflowExecution.RunId);
        Assert.Equal(6, terminated.StartedEventId);
    }

    [Fact]
    public async Task StartChildWorkflowExecution_WorkflowIdRunning_FailsWorkflowAlreadyRunning()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync("busy");
        await h.DecideAsync();
        var parent = await h.StartAsync("parent");

        await h.DecideAsync(D.StartChild("busy", configure: c => c.Control = "ctl"));

        var history = await h.HistoryAsync(parent, "parent");
        Assert.Equal(["StartChildWorkflowExecutionInitiated", "StartChildWorkflowExecutionFailed", "DecisionTaskScheduled"], history.TakeLast(3).Select(e => e.EventType.Value));
        var failed = history[^2].StartChildWorkflowExecutionFailedEventAttributes!;
        Assert.Equal(StartChildWorkflowExecutionFailedCause.WorkflowAlreadyRunning, failed.Cause);
        Assert.Equal(history[^3].EventId, failed.InitiatedEventId);
        Assert.Equal("busy", failed.WorkflowId);
        Assert.Equal("ctl", failed.Control);
        Assert.Equal(0, (await h.DescribeAsync(parent, "parent")).OpenCounts.OpenChildWorkflowExecutions);
    }

    [Fact]
    public async Task StartChildWorkflowExecution_UnknownType_FailsWithoutInitiatedEvent()
    {
        using var h = await EngineHarness.CreateAsync();
        var parent = await h.StartAsync("parent");

        await h.DecideAsync(D.StartChild("child", configure: c => c.WorkflowType = new WorkflowType { Name = "Nope", Version = "1" }));

        var history = await h.HistoryAsync(parent, "parent");
        Assert.Equal(["DecisionTaskCompleted", "StartChildWorkflowExecutionFailed", "DecisionTaskScheduled"], history.Skip(3).Select(e => e.EventType.Value));
        var failed = history[4].StartChildWorkflowExecutionFailedEventAttributes!;
        Assert.Equal(StartChildWorkflowExecutionFailedCause.WorkflowTypeDoesNotExist, failed.Cause);
        Assert.Equal(0, failed.InitiatedEventId);
    }

    [Fact]
    public async Task StartChildWorkflowExecution_DeprecatedType_FailsWorkflowTypeDeprecated()
    {
        using var h = await EngineHarness.CreateAsync();
        var parent = await h.StartAsync("parent");
        await h.Engine.DeprecateWorkflowTypeAsync(new DeprecateWorkflowTypeRequest { Domain = EngineHarness.Domain, WorkflowType = EngineHarness.Workflow });

        await h.DecideAsync(D.StartChild("child"));

        Assert.Equal(StartChildWorkflowExecutionFailedCause.WorkflowTypeDeprecated,
            (await h.HistoryAsync(parent, "parent"))[4].StartChildWorkflowExecutionFailedEventAttributes!.Cause);
    }

    [Fact]
    public async Task StartChildWorkflowExecution_NoTaskListAnywhere_FailsDefaultTaskListUndefined()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.Engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = EngineHarness.Domain, Name = "Bare", Version = "1",
            DefaultExecutionStartToCloseTimeout = "60", DefaultTaskStartToCloseTimeout = "10", DefaultChildPolicy = ChildPolicy.Terminate,
        });
        var parent = await h.StartAsync("parent");

        await h.DecideAsync(D.StartChild("child", configure: c => c.WorkflowType = new WorkflowType { Name = "Bare", Version = "1" }));

        Assert.Equal(StartChildWorkflowExecutionFailedCause.DefaultTaskListUndefined,
            (await h.HistoryAsync(parent, "parent"))[4].StartChildWorkflowExecutionFailedEventAttributes!.Cause);
    }

    [Fact]
    public async Task TerminateWorkflowExecution_ChildPolicyTerminate_TerminatesChildren()
    {
        using var h = await EngineHarness.CreateAsync();
        var (parent, child) = await StartParentAndChildAsync(h);

        await h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "parent" });

        Assert.Equal(EventType.WorkflowExecutionTerminated, (await h.HistoryAsync(parent, "parent"))[^1].EventType);
        var childClose = (await h.HistoryAsync(child, "child"))[^1].WorkflowExecutionTerminatedEventAttributes!;
        Assert.Equal(WorkflowExecutionTerminatedCause.ChildPolicyApplied, childClose.Cause);
        Assert.Equal(CloseStatus.Terminated, (await h.DescribeAsync(child, "child")).ExecutionInfo.CloseStatus);
    }

    [Fact]
    public async Task TerminateWorkflowExecution_ChildPolicyRequestCancel_RequestsCancelOfChildren()
    {
        using var h = await EngineHarness.CreateAsync();
        var (_, child) = await StartParentAndChildAsync(h);

        await h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest
        {
            Domain = EngineHarness.Domain, WorkflowId = "parent", ChildPolicy = ChildPolicy.RequestCancel,
        });

        var history = await h.HistoryAsync(child, "child");
        var requested = history.Single(e => e.EventType == EventType.WorkflowExecutionCancelRequested).WorkflowExecutionCancelRequestedEventAttributes!;
        Assert.Equal(WorkflowExecutionCancelRequestedCause.ChildPolicyApplied, requested.Cause);
        var detail = await h.DescribeAsync(child, "child");
        Assert.Equal(ExecutionStatus.Open, detail.ExecutionInfo.ExecutionStatus);
        Assert.True(detail.ExecutionInfo.CancelRequested);
    }

    [Fact]
    public async Task TerminateWorkflowExecution_ChildPolicyAbandon_LeavesChildrenRunning()
    {
        using var h = await EngineHarness.CreateAsync();
        var (_, child) = await StartParentAndChildAsync(h);

        await h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest
        {
            Domain = EngineHarness.Domain, WorkflowId = "parent", ChildPolicy = ChildPolicy.Abandon,
        });

        Assert.Equal(["WorkflowExecutionStarted", "DecisionTaskScheduled"], await h.EventTypesAsync(child, "child"));
        Assert.Equal(ExecutionStatus.Open, (await h.DescribeAsync(child, "child")).ExecutionInfo.ExecutionStatus);
    }

    [Fact]
    public async Task ExecutionStartToClose_ParentTimesOut_ChildPolicyApplied()
    {
        using var h = await EngineHarness.CreateAsync();
        var (parent, child) = await StartParentAndChildAsync(h, parentTimeout: "100");

        h.AdvanceSeconds(100);

        Assert.Equal(CloseStatus.TimedOut, (await h.DescribeAsync(parent, "parent")).ExecutionInfo.CloseStatus);
        Assert.Equal(CloseStatus.Terminated, (await h.DescribeAsync(child, "child")).ExecutionInfo.CloseStatus);
    }

    [Fact]
    public async Task CompleteWorkflowExecution_ParentCompletes_ChildPolicyApplied()
    {
        using var h = await EngineHarness.CreateAsync();
        var (parent, child) = await StartParentAndChildAsync(h);

        var parentTask = await h.PollDecisionAsync();
        Assert.Equal(parent, parentTask.WorkflowExecution!.RunId);
        await h.RespondAsync(parentTask, D.Complete());

        Assert.Equal(CloseStatus.Terminated, (await h.DescribeAsync(child, "child")).ExecutionInfo.CloseStatus);
        Assert.Equal(EventType.WorkflowExecutionCompleted, (await h.HistoryAsync(parent, "parent"))[^1].EventType);
    }

    /// <summary>Starts "parent" and lets its first decision start "child", whose decision tasks go to the "children" list.</summary>
    private static async Task<(string Parent, string Child)> StartParentAndChildAsync(
        EngineHarness h, Action<StartChildWorkflowExecutionDecisionAttributes>? configure = null, string? parentTimeout = null)
    {
        var parent = await h.StartAsync("parent", configure: r => r.ExecutionStartToCloseTimeout = parentTimeout);
        await h.DecideAsync(D.StartChild("child", configure: c =>
        {
            c.TaskList = new TaskList { Name = ChildList };
            configure?.Invoke(c);
        }));
        var started = (await h.HistoryAsync(parent, "parent")).Single(e => e.EventType == EventType.ChildWorkflowExecutionStarted);
        return (parent, started.ChildWorkflowExecutionStartedEventAttributes!.WorkflowExecution.RunId);
    }
}
