using Swf.Model;

namespace Swf.Exceptions;

/// <summary>A child workflow did not complete: it failed, timed out, was canceled or terminated, or could not start.</summary>
public sealed class ChildWorkflowException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="workflowType">The child's type.</param>
    /// <param name="workflowId">The child's workflow id.</param>
    /// <param name="outcome">How the child ended: the event type that reported it.</param>
    /// <param name="reason">The failure's reason, timeout type or start-failure cause, if any.</param>
    /// <param name="details">The failure's details, if any.</param>
    public ChildWorkflowException(WorkflowType workflowType, string workflowId, EventType outcome, string? reason, string? details)
        : base($"Child workflow {workflowType.Name} (id {workflowId}) did not complete: {outcome}{(reason is null ? string.Empty : " " + reason)}{FailureDetails.MessageSuffix(details)}")
    {
        WorkflowType = workflowType;
        WorkflowId = workflowId;
        Outcome = outcome;
        Reason = reason;
        Details = details;
    }

    /// <summary>Gets the child's type.</summary>
    public WorkflowType WorkflowType { get; }

    /// <summary>Gets the child's workflow id.</summary>
    public string WorkflowId { get; }

    /// <summary>Gets the event type that reported the outcome, such as <c>ChildWorkflowExecutionFailed</c> or <c>StartChildWorkflowExecutionFailed</c>.</summary>
    public EventType Outcome { get; }

    /// <summary>Gets the failure's reason, the timeout type or the start-failure cause, if any.</summary>
    public string? Reason { get; }

    /// <summary>Gets the failure's details, if any.</summary>
    public string? Details { get; }
}
