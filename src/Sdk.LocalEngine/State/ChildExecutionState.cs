using Swf.Model;

namespace Swf.LocalEngine.State;

/// <summary>A child of a run, from StartChildWorkflowExecutionInitiated until the child closes.</summary>
internal sealed class ChildExecutionState
{
    public required long InitiatedEventId { get; init; }

    public required string WorkflowId { get; init; }

    public required TypeKey WorkflowType { get; init; }

    /// <summary>Gets or sets the child's current run once started (a continued-as-new child moves to its new run).</summary>
    public ExecutionState? Run { get; set; }

    public long StartedEventId { get; set; }

    public WorkflowExecution? Execution => Run is null ? null : new WorkflowExecution { WorkflowId = Run.WorkflowId, RunId = Run.RunId };
}
