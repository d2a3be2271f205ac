using System.Globalization;
using Swf.Model;

namespace Swf.Worker;

/// <summary>Describes a decision for error messages: its type and what it names (activity, timer, marker, child, ...).</summary>
internal sealed class DecisionDescription : IDecisionVisitor<object?, string>
{
    private static readonly DecisionDescription Instance = new();

    private DecisionDescription()
    {
    }

    /// <summary>Describes a decision, such as <c>StartTimer (timer id t1, 60 s)</c>.</summary>
    public static string Describe(Decision decision) => decision.Accept(Instance, null);

    public string ScheduleActivityTask(ScheduleActivityTaskDecisionAttributes a, object? state) =>
        $"ScheduleActivityTask {a.ActivityType.Name} {a.ActivityType.Version} (activity id {a.ActivityId})";

    public string RequestCancelActivityTask(RequestCancelActivityTaskDecisionAttributes a, object? state) =>
        $"RequestCancelActivityTask (activity id {a.ActivityId})";

    public string CompleteWorkflowExecution(CompleteWorkflowExecutionDecisionAttributes a, object? state) => "CompleteWorkflowExecution";

    public string FailWorkflowExecution(FailWorkflowExecutionDecisionAttributes a, object? state) => "FailWorkflowExecution";

    public string CancelWorkflowExecution(CancelWorkflowExecutionDecisionAttributes a, object? state) => "CancelWorkflowExecution";

    public string ContinueAsNewWorkflowExecution(ContinueAsNewWorkflowExecutionDecisionAttributes a, object? state) => "ContinueAsNewWorkflowExecution";

    public string RecordMarker(RecordMarkerDecisionAttributes a, object? state) => $"RecordMarker {a.MarkerName}";

    public string StartTimer(StartTimerDecisionAttributes a, object? state) =>
        string.Create(CultureInfo.InvariantCulture, $"StartTimer (timer id {a.TimerId}, {a.StartToFireTimeout} s)");

    public string CancelTimer(CancelTimerDecisionAttributes a, object? state) => $"CancelTimer (timer id {a.TimerId})";

    public string SignalExternalWorkflowExecution(SignalExternalWorkflowExecutionDecisionAttributes a, object? state) =>
        $"SignalExternalWorkflowExecution {a.SignalName} (workflow id {a.WorkflowId})";

    public string RequestCancelExternalWorkflowExecution(RequestCancelExternalWorkflowExecutionDecisionAttributes a, object? state) =>
        $"RequestCancelExternalWorkflowExecution (workflow id {a.WorkflowId})";

    public string StartChildWorkflowExecution(StartChildWorkflowExecutionDecisionAttributes a, object? state) =>
        $"StartChildWorkflowExecution {a.WorkflowType.Name} {a.WorkflowType.Version} (workflow id {a.WorkflowId})";

    public string ScheduleLambdaFunction(ScheduleLambdaFunctionDecisionAttributes a, object? state) =>
        $"ScheduleLambdaFunction {a.Name} (id {a.Id})";
}
