using Swf.Model;

namespace Swf.Exceptions;

/// <summary>The workflow was terminated (<c>WorkflowExecutionTerminated</c>): by a caller, a child policy, or SWF's history limit.</summary>
public sealed class WorkflowTerminatedException : WorkflowExecutionException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="execution">The execution.</param>
    /// <param name="reason">The reason the terminating caller gave.</param>
    /// <param name="details">The details the terminating caller gave.</param>
    /// <param name="cause">SWF's cause (<c>CHILD_POLICY_APPLIED</c>, <c>EVENT_LIMIT_EXCEEDED</c>, <c>OPERATOR_INITIATED</c>), if any.</param>
    public WorkflowTerminatedException(WorkflowExecution execution, string? reason, string? details, WorkflowExecutionTerminatedCause? cause)
        : base(execution, CloseStatus.Terminated, $"Workflow {execution.WorkflowId} (run {execution.RunId}) was terminated{(cause is null ? string.Empty : $" ({cause})")}: {reason}.")
    {
        Reason = reason;
        Details = details;
        Cause = cause;
    }

    /// <summary>Gets the reason the terminating caller gave.</summary>
    public string? Reason { get; }

    /// <summary>Gets the details the terminating caller gave.</summary>
    public string? Details { get; }

    /// <summary>Gets SWF's cause, if any.</summary>
    public WorkflowExecutionTerminatedCause? Cause { get; }
}
