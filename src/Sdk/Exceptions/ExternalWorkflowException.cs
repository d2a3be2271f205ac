namespace Swf.Exceptions;

/// <summary>A signal or cancel request to another execution failed (for example, no such open execution).</summary>
public sealed class ExternalWorkflowException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="workflowId">The target's workflow id.</param>
    /// <param name="cause">SWF's cause, such as <c>UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION</c>.</param>
    public ExternalWorkflowException(string workflowId, string cause)
        : base($"The request to workflow {workflowId} failed: {cause}.")
    {
        WorkflowId = workflowId;
        Cause = cause;
    }

    /// <summary>Gets the target's workflow id.</summary>
    public string WorkflowId { get; }

    /// <summary>Gets SWF's cause.</summary>
    public string Cause { get; }
}
