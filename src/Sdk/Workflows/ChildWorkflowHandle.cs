using Swf.Exceptions;
using Swf.Model;

namespace Swf.Workflows;

/// <summary>
/// A child workflow this workflow started (<see cref="Workflow.StartChildWorkflowAsync"/>): its ids, its encoded result,
/// and signals and a cancel request sent to it. Use it only from the workflow that started the child; the generated
/// <c>XxxWorkflowChildHandle</c> wraps it with typed methods.
/// </summary>
public sealed class ChildWorkflowHandle
{
    private readonly Task<string?> _result;

    internal ChildWorkflowHandle(WorkflowType workflowType, string workflowId, string runId, Task<string?> result)
    {
        WorkflowType = workflowType;
        WorkflowId = workflowId;
        RunId = runId;
        _result = result;
    }

    /// <summary>Gets the child's type.</summary>
    public WorkflowType WorkflowType { get; }

    /// <summary>Gets the child's workflow id.</summary>
    public string WorkflowId { get; }

    /// <summary>Gets the child's run id (from <c>ChildWorkflowExecutionStarted</c>).</summary>
    public string RunId { get; }

    /// <summary>Waits for the child to close and returns its encoded result.</summary>
    /// <returns>The encoded result.</returns>
    /// <exception cref="ChildWorkflowException">The child failed, timed out or was terminated.</exception>
    /// <exception cref="ChildWorkflowCanceledException">The child was canceled (an <see cref="OperationCanceledException"/>).</exception>
    public Task<string?> GetResultAsync() => _result;

    /// <summary>Sends the child a signal (<c>SignalExternalWorkflowExecution</c> to its run).</summary>
    /// <param name="signalName">The signal's name.</param>
    /// <param name="input">The encoded signal input, or null.</param>
    /// <returns>A task that completes when SWF delivered the signal.</returns>
    /// <exception cref="ExternalWorkflowException">The child has closed.</exception>
    public Task SignalAsync(string signalName, string? input = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(signalName);
        return Workflow.SignalExternalWorkflowAsync(WorkflowId, signalName, input, RunId);
    }

    /// <summary>
    /// Asks the child to cancel itself (<c>RequestCancelExternalWorkflowExecution</c> to its run). The child decides
    /// how it ends; <see cref="GetResultAsync"/> tells (a <see cref="ChildWorkflowCanceledException"/> when it ends canceled).
    /// </summary>
    /// <returns>A task that completes when SWF delivered the request.</returns>
    /// <exception cref="ExternalWorkflowException">The child has closed.</exception>
    public Task RequestCancelAsync() => Workflow.RequestCancelExternalWorkflowAsync(WorkflowId, RunId);
}
