using Swf.Model;

namespace Swf.Exceptions;

/// <summary>
/// SWF refused to start a child workflow (<c>StartChildWorkflowExecutionFailed</c>): an open execution already has
/// its workflow id, its type is not registered or is deprecated, a default it needs is missing, or a limit was
/// reached. The child never ran. A child that started and then failed, timed out or was terminated is a
/// <see cref="ChildWorkflowException"/>; one that was canceled is a <see cref="ChildWorkflowCanceledException"/>.
/// </summary>
public sealed class ChildWorkflowStartFailedException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="workflowType">The child's type.</param>
    /// <param name="workflowId">The child's workflow id.</param>
    /// <param name="cause">SWF's cause.</param>
    public ChildWorkflowStartFailedException(WorkflowType workflowType, string workflowId, StartChildWorkflowExecutionFailedCause cause)
        : base($"Child workflow {workflowType?.Name} {workflowType?.Version} (id {workflowId}) could not start: {cause?.Value}{Explain(cause)}.")
    {
        ArgumentNullException.ThrowIfNull(workflowType);
        ArgumentNullException.ThrowIfNull(cause);
        WorkflowType = workflowType;
        WorkflowId = workflowId;
        Cause = cause;
    }

    /// <summary>Gets the child's type.</summary>
    public WorkflowType WorkflowType { get; }

    /// <summary>Gets the child's workflow id.</summary>
    public string WorkflowId { get; }

    /// <summary>Gets SWF's cause, such as <see cref="StartChildWorkflowExecutionFailedCause.WorkflowAlreadyRunning"/>.</summary>
    public StartChildWorkflowExecutionFailedCause Cause { get; }

    private static string Explain(StartChildWorkflowExecutionFailedCause? cause) => cause?.Value switch
    {
        "WORKFLOW_ALREADY_RUNNING" => " (an open execution has this workflow id)",
        "WORKFLOW_TYPE_DOES_NOT_EXIST" => " (the type is not registered in the domain)",
        "WORKFLOW_TYPE_DEPRECATED" => " (the type is deprecated)",
        "DEFAULT_EXECUTION_START_TO_CLOSE_TIMEOUT_UNDEFINED" or "DEFAULT_TASK_START_TO_CLOSE_TIMEOUT_UNDEFINED" or "DEFAULT_TASK_LIST_UNDEFINED" or "DEFAULT_CHILD_POLICY_UNDEFINED"
            => " (set it in ChildWorkflowOptions or register the type with a default)",
        _ => string.Empty,
    };
}
