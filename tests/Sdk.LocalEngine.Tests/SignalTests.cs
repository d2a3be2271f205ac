using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class SignalTests
{
    [Fact]
    public async Task SignalExternalWorkflowExecution_TargetOpen_BothHistoriesLinked()
    {
        using var h = await EngineHarness.CreateAsync();
        var source = await h.StartAsync("source");
        var target = await h.StartAsync("target");
        var sourceTask = await h.PollDecisionAsync();
        Assert.Equal(source, sourceTask.WorkflowExecution!.RunId);
        await h.DecideAsync();

        await h.RespondAsync(sourceTask, D.SignalExternal("target", "hello", input: "payload", control: "ctl"));

        var sourceHistory = await h.HistoryAsync(source, "source");
        Assert.Equal(["DecisionTaskCompleted", "SignalExternalWorkflowExecutionInitiated", "ExternalWorkflowExecutionSignaled", "DecisionTaskScheduled"],
            sourceHistory.Skip(3).Select(e => e.EventType.Value));
        var initiated = sourceHistory[4];
        Assert.Equal("target", initiated.SignalExternalWorkflowExecutionInitiatedEventAttributes!.WorkflowId);
        Assert.Equal("hello", initiated.SignalExternalWorkflowExecutionInitiatedEventAttributes.SignalName);
        Assert.Equal("ctl", initiated.SignalExternalWorkflowExecutionInitiatedEventAttributes.Control);
        var signaled = sourceHistory[5].ExternalWorkflowExecutionSignaledEventAttributes!;
        Assert.Equal(initiated.EventId, signaled.InitiatedEventId);
        Assert.Equal(target, signaled.WorkflowExecution.RunId);

        var targetHistory = await h.HistoryAsync(target, "target");
        var received = targetHistory.Single(e => e.EventType == EventType.WorkflowExecutionSignaled).WorkflowExecutionSignaledEventAttributes!;
        Assert.Equal("hello", received.SignalName);
        Assert.Equal("payload", received.Input);
        Assert.Equal(source, received.ExternalWorkflowExecution!.RunId);
        Assert.Equal("source", received.ExternalWorkflowExecution.WorkflowId);
        Assert.Equal(initiated.EventId, received.ExternalInitiatedEventId);
        Assert.Equal(EventType.DecisionTaskScheduled, targetHistory[^1].EventType);
    }

    [Fact]
    public async Task SignalExternalWorkflowExecution_UnknownTarget_FailsUnknownExternalWorkflowExecution()
    {
        using var h = await EngineHarness.CreateAsync();
        var source = await h.StartAsync();

        await h.DecideAsync(D.SignalExternal("ghost", "hello", runId: "r", control: "ctl"));

        var history = await h.HistoryAsync(source);
        var failed = history[^2].SignalExternalWorkflowExecutionFailedEventAttributes!;
        Assert.Equal(SignalExternalWorkflowExecutionFailedCause.UnknownExternalWorkflowExecution, failed.Cause);
        Assert.Equal("ghost", failed.WorkflowId);
        Assert.Equal("r", failed.RunId);
        Assert.Equal("ctl", failed.Control);
        Assert.Equal(5, failed.InitiatedEventId);
        Assert.Equal(4, failed.DecisionTaskCompletedEventId);
        Assert.Equal(EventType.DecisionTaskScheduled, history[^1].EventType);
    }

    [Fact]
    public async Task SignalExternalWorkflowExecution_ThenComplete_SignalStillDelivered()
    {
        using var h = await EngineHarness.CreateAsync();
        var target = await h.StartAsync("target");
        await h.DecideAsync();
        var source = await h.StartAsync("source");

        await h.DecideAsync(D.SignalExternal("target", "bye"), D.Complete());

        Assert.Equal(EventType.WorkflowExecutionCompleted, (await h.HistoryAsync(source, "source"))[^1].EventType);
        Assert.Contains(await h.HistoryAsync(target, "target"), e => e.EventType == EventType.WorkflowExecutionSignaled);
    }

    [Fact]
    public async Task RequestCancelExternalWorkflowExecution_TargetOpen_RecordsCancelRequestedOnBoth()
    {
        using var h = await EngineHarness.CreateAsync();
        var target = await h.StartAsync("target");
        await h.DecideAsync();
        var source = await h.StartAsync("source");

        await h.DecideAsync(D.RequestCancelExternal("target", target, control: "c"));

        var sourceHistory = await h.HistoryAsync(source, "source");
        Assert.Equal(["RequestCancelExternalWorkflowExecutionInitiated", "ExternalWorkflowExecutionCancelRequested", "DecisionTaskScheduled"],
            sourceHistory.TakeLast(3).Select(e => e.EventType.Value));
        var initiatedId = sourceHistory[^3].EventId;
        Assert.Equal(initiatedId, sourceHistory[^2].ExternalWorkflowExecutionCancelRequestedEventAttributes!.InitiatedEventId);
        var requested = (await h.HistoryAsync(target, "target")).Single(e => e.EventType == EventType.WorkflowExecutionCancelRequested)
            .WorkflowExecutionCancelRequestedEventAttributes!;
        Assert.Equal(source, requested.ExternalWorkflowExecution!.RunId);
        Assert.Equal(initiatedId, requested.ExternalInitiatedEventId);
        Assert.Null(requested.Cause);
        Assert.True((await h.DescribeAsync(target, "target")).ExecutionInfo.CancelRequested);
    }

    [Fact]
    public async Task RequestCancelExternalWorkflowExecution_UnknownTarget_FailsUnknownExternalWorkflowExecution()
    {
        using var h = await EngineHarness.CreateAsync();
        var source = await h.StartAsync();

        await h.DecideAsync(D.RequestCancelExternal("ghost"));

        var failed = (await h.HistoryAsync(source))[^2].RequestCancelExternalWorkflowExecutionFailedEventAttributes!;
        Assert.Equal(RequestCancelExternalWorkflowExecutionFailedCause.UnknownExternalWorkflowExecution, failed.Cause);
        Assert.Equal(5, failed.InitiatedEventId);
    }
}
