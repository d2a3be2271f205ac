using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class ContinueAsNewTests
{
    [Fact]
    public async Task ContinueAsNewWorkflowExecution_Valid_ClosesOldRunAndStartsLinkedNewRun()
    {
        using var h = await EngineHarness.CreateAsync();
        var oldRun = await h.StartAsync(input: "1");

        await h.DecideAsync(D.ContinueAsNew("2", c => { c.TagList = ["x"]; c.TaskStartToCloseTimeout = "15"; }));

        var oldHistory = await h.HistoryAsync(oldRun);
        var continued = oldHistory[^1];
        Assert.Equal(EventType.WorkflowExecutionContinuedAsNew, continued.EventType);
        var attributes = continued.WorkflowExecutionContinuedAsNewEventAttributes!;
        Assert.Equal("2", attributes.Input);
        Assert.Equal(4, attributes.DecisionTaskCompletedEventId);
        Assert.Equal("15", attributes.TaskStartToCloseTimeout);
        Assert.Equal("3600", attributes.ExecutionStartToCloseTimeout);
        Assert.Equal(EngineHarness.DecisionList, attributes.TaskList.Name);
        Assert.Equal(["x"], attributes.TagList);
        var newRun = attributes.NewExecutionRunId;
        Assert.NotEqual(oldRun, newRun);
        var oldDetail = await h.DescribeAsync(oldRun);
        Assert.Equal(CloseStatus.ContinuedAsNew, oldDetail.ExecutionInfo.CloseStatus);

        var newHistory = await h.HistoryAsync(newRun);
        Assert.Equal(["WorkflowExecutionStarted", "DecisionTaskScheduled"], newHistory.Select(e => e.EventType.Value));
        var started = newHistory[0].WorkflowExecutionStartedEventAttributes!;
        Assert.Equal(oldRun, started.ContinuedExecutionRunId);
        Assert.Equal("2", started.Input);
        Assert.Equal("15", started.TaskStartToCloseTimeout);
        Assert.Equal(["x"], started.TagList);
        var task = await h.PollDecisionAsync();
        Assert.Equal(newRun, task.WorkflowExecution!.RunId);
        Assert.Equal("wf-1", task.WorkflowExecution.WorkflowId);
        Assert.Equal(0, task.PreviousStartedEventId);
    }

    [Fact]
    public async Task ContinueAsNewWorkflowExecution_NewVersion_UsesThatType()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.Engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = EngineHarness.Domain, Name = EngineHarness.Workflow.Name, Version = "2",
            DefaultExecutionStartToCloseTimeout = "99", DefaultTaskStartToCloseTimeout = "9",
            DefaultTaskList = new TaskList { Name = "v2" }, DefaultChildPolicy = ChildPolicy.Abandon,
        });
        var oldRun = await h.StartAsync();

        await h.DecideAsync(D.ContinueAsNew(configure: c => c.WorkflowTypeVersion = "2"));

        var newRun = (await h.HistoryAsync(oldRun))[^1].WorkflowExecutionContinuedAsNewEventAttributes!.NewExecutionRunId;
        var detail = await h.DescribeAsync(newRun);
        Assert.Equal("2", detail.ExecutionInfo.WorkflowType.Version);
        Assert.Equal("v2", detail.ExecutionConfiguration.TaskList.Name);
        Assert.Equal(ChildPolicy.Abandon, detail.ExecutionConfiguration.ChildPolicy);
        Assert.Equal(1, await h.PendingDecisionTasksAsync("v2"));
    }

    [Fact]
    public async Task ContinueAsNewWorkflowExecution_UnknownVersion_FailsWorkflowTypeDoesNotExist()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();

        await h.DecideAsync(D.ContinueAsNew(configure: c => c.WorkflowTypeVersion = "9"));

        var history = await h.HistoryAsync(runId);
        Assert.Equal(ContinueAsNewWorkflowExecutionFailedCause.WorkflowTypeDoesNotExist, history[4].ContinueAsNewWorkflowExecutionFailedEventAttributes!.Cause);
        Assert.Equal(EventType.DecisionTaskScheduled, history[^1].EventType);
        Assert.Equal(ExecutionStatus.Open, (await h.DescribeAsync(runId)).ExecutionInfo.ExecutionStatus);
    }

    [Fact]
    public async Task ContinueAsNewWorkflowExecution_DeprecatedType_FailsWorkflowTypeDeprecated()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.Engine.DeprecateWorkflowTypeAsync(new DeprecateWorkflowTypeRequest { Domain = EngineHarness.Domain, WorkflowType = EngineHarness.Workflow });

        await h.DecideAsync(D.ContinueAsNew());

        Assert.Equal(ContinueAsNewWorkflowExecutionFailedCause.WorkflowTypeDeprecated,
            (await h.HistoryAsync(runId))[4].ContinueAsNewWorkflowExecutionFailedEventAttributes!.Cause);
    }

    [Fact]
    public async Task ContinueAsNewWorkflowExecution_NoTaskListAnywhere_FailsDefaultTaskListUndefined()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.Engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = EngineHarness.Domain, Name = "Bare", Version = "1",
            DefaultExecutionStartToCloseTimeout = "60", DefaultTaskStartToCloseTimeout = "10", DefaultChildPolicy = ChildPolicy.Terminate,
        });
        var runId = await h.StartAsync(configure: r => { r.WorkflowType = new WorkflowType { Name = "Bare", Version = "1" }; r.TaskList = new TaskList { Name = EngineHarness.DecisionList }; });

        await h.DecideAsync(D.ContinueAsNew());

        Assert.Equal(ContinueAsNewWorkflowExecutionFailedCause.DefaultTaskListUndefined,
            (await h.HistoryAsync(runId))[4].ContinueAsNewWorkflowExecutionFailedEventAttributes!.Cause);
    }

    [Fact]
    public async Task ContinueAsNewWorkflowExecution_ChildContinues_ParentFollowsToNewRun()
    {
        using var h = await EngineHarness.CreateAsync();
        var parent = await h.StartAsync("parent");
        await h.DecideAsync(D.StartChild("child", configure: c => c.TaskList = new TaskList { Name = "children" }));
        var childTask = await h.PollDecisionAsync("children");
        await h.RespondAsync(childTask, D.ContinueAsNew(configure: c => c.TaskList = new TaskList { Name = "children" }));

        var second = await h.PollDecisionAsync("children");
        var secondStarted = second.Events![0].WorkflowExecutionStartedEventAttributes!;
        Assert.Equal(parent, secondStarted.ParentWorkflowExecution!.RunId);
        Assert.Equal(childTask.WorkflowExecution!.RunId, secondStarted.ContinuedExecutionRunId);
        await h.RespondAsync(second, D.Complete("final"));

        var parentHistory = await h.HistoryAsync(parent, "parent");
        var completed = parentHistory.Single(e => e.EventType == EventType.ChildWorkflowExecutionCompleted).ChildWorkflowExecutionCompletedEventAttributes!;
        Assert.Equal("final", completed.Result);
        Assert.Equal(second.WorkflowExecution!.RunId, completed.WorkflowExecution.RunId);
    }
}
