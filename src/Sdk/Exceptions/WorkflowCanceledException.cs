using Swf.Model;

namespace Swf.Exceptions;

/// <summary>The workflow was canceled (<c>WorkflowExecutionCanceled</c>) after a cancel request.</summary>
public sealed class WorkflowCanceledException : WorkflowExecutionException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="execution">The execution.</param>
    /// <param name="details">The details its decider gave.</param>
    public WorkflowCanceledException(WorkflowExecution execution, string? details)
        : base(execution, CloseStatus.Canceled, $"Workflow {execution.WorkflowId} (run {execution.RunId}) was canceled.")
    {
        Details = details;
    }

    /// <summary>Gets the details its decider gave.</summary>
    public string? Details { get; }
}
