using Swf.Model;

namespace Swf.LocalEngine.Tests;

/// <summary>Decision builders.</summary>
internal static class D
{
    public static Decision ScheduleActivity(string activityId, string? input = null, Action<ScheduleActivityTaskDecisionAttributes>? configure = null)
    {
        var attributes = new ScheduleActivityTaskDecisionAttributes { ActivityId = activityId, ActivityType = EngineHarness.Activity, Input = input };
        configure?.Invoke(attributes);
        return new Decision { DecisionType = DecisionType.ScheduleActivityTask, ScheduleActivityTaskDecisionAttributes = attributes };
    }

    public static Decision RequestCancelActivity(string activityId) => new()
    {
        DecisionType = DecisionType.RequestCancelActivityTask,
        RequestCancelActivityTaskDecisionAttributes = new() { ActivityId = activityId },
    };

    public static Decision Complete(string? result = null) => new()
    {
        DecisionType = DecisionType.CompleteWorkflowExecution,
        CompleteWorkflowExecutionDecisionAttributes = new() { Result = result },
    };

    public static Decision Fail(string? reason = null, string? details = null) => new()
    {
        DecisionType = DecisionType.FailWorkflowExecution,
        FailWorkflowExecutionDecisionAttributes = new() { Reason = reason, Details = details },
    };

    public static Decision Cancel(string? details = null) => new()
    {
        DecisionType = DecisionType.CancelWorkflowExecution,
        CancelWorkflowExecutionDecisionAttributes = new() { Details = details },
    };

    public static Decision ContinueAsNew(string? input = null, Action<ContinueAsNewWorkflowExecutionDecisionAttributes>? configure = null)
    {
        var attributes = new ContinueAsNewWorkflowExecutionDecisionAttributes { Input = input };
        configure?.Invoke(attributes);
        return new Decision { DecisionType = DecisionType.ContinueAsNewWorkflowExecution, ContinueAsNewWorkflowExecutionDecisionAttributes = attributes };
    }

    public static Decision Marker(string name, string? details = null) => new()
    {
        DecisionType = DecisionType.RecordMarker,
        RecordMarkerDecisionAttributes = new() { MarkerName = name, Details = details },
    };

    public static Decision StartTimer(string timerId, int seconds, string? control = null) => new()
    {
        DecisionType = DecisionType.StartTimer,
        StartTimerDecisionAttributes = new() { TimerId = timerId, StartToFireTimeout = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), Control = control },
    };

    public static Decision CancelTimer(string timerId) => new()
    {
        DecisionType = DecisionType.CancelTimer,
        CancelTimerDecisionAttributes = new() { TimerId = timerId },
    };

    public static Decision SignalExternal(string workflowId, string signalName, string? runId = null, string? input = null, string? control = null) => new()
    {
        DecisionType = DecisionType.SignalExternalWorkflowExecution,
        SignalExternalWorkflowExecutionDecisionAttributes = new() { WorkflowId = workflowId, RunId = runId, SignalName = signalName, Input = input, Control = control },
    };

    public static Decision RequestCancelExternal(string workflowId, string? runId = null, string? control = null) => new()
    {
        DecisionType = DecisionType.RequestCancelExternalWorkflowExecution,
        RequestCancelExternalWorkflowExecutionDecisionAttributes = new() { WorkflowId = workflowId, RunId = runId, Control = control },
    };

    public static Decision StartChild(string workflowId, string? input = null, Action<StartChildWorkflowExecutionDecisionAttributes>? configure = null)
    {
        var attributes = new StartChildWorkflowExecutionDecisionAttributes { WorkflowId = workflowId, WorkflowType = EngineHarness.Workflow, Input = input };
        configure?.Invoke(attributes);
        return new Decision { DecisionType = DecisionType.StartChildWorkflowExecution, StartChildWorkflowExecutionDecisionAttributes = attributes };
    }

    public static Decision ScheduleLambda(string id, string name, string? input = null, string? startToCloseTimeout = null) => new()
    {
        DecisionType = DecisionType.ScheduleLambdaFunction,
        ScheduleLambdaFunctionDecisionAttributes = new() { Id = id, Name = name, Input = input, StartToCloseTimeout = startToCloseTimeout },
    };
}
