using Swf.Model;

namespace Swf.Exceptions;

/// <summary>
/// A child workflow did not complete: it failed, timed out or was terminated, or could not start. A canceled
/// child is a <see cref="ChildWorkflowCanceledException"/>, which is an <see cref="OperationCanceledException"/> instead.
/// </summary>
public sealed class ChildWorkflowException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="workflowType">The child's type.</param>
    /// <param name="workflowId">The child's workflow id.</param>
    /// <param name="outcome">How the child ended: the event type that reported it.</param>
    /// <param name="reason">The failure's reason, timeout type or start-failure cause, if any.</param>
    /// <param name="details">The failure's details, if any.</param>
    public ChildWorkflowException(WorkflowType workflowType, string workflowId, EventType outcome, string? reason, string? details)
        : this(workflowType, workflowId, outcome, reason, details, outcome == EventType.ChildWorkflowExecutionFailed ? FailureInfo.FromSwf(reason, details) : null)
    {
    }

    private ChildWorkflowException(WorkflowType workflowType, string workflowId, EventType outcome, string? reason, string? details, FailureInfo? failure)
        : base(Describe(workflowType, workflowId, outcome, reason, failure))
    {
        WorkflowType = workflowType;
        WorkflowId = workflowId;
        Outcome = outcome;
        Reason = reason;
        Details = details;
        Failure = failure;
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

    /// <summary>Gets the child's failure decoded (type, message, stack trace, inner failures) when it failed; otherwise null.</summary>
    public FailureInfo? Failure { get; }

    private static string Describe(WorkflowType workflowType, string workflowId, EventType outcome, string? reason, FailureInfo? failure)
    {
        var child = $"Child workflow {workflowType?.Name} (id {workflowId})";
        if (failure is not null)
        {
            return $"{child} failed: {failure.Summary}";
        }

        if (outcome == EventType.ChildWorkflowExecutionTimedOut)
        {
            return $"{child} timed out ({reason}).";
        }

        if (outcome == EventType.ChildWorkflowExecutionTerminated)
        {
            return $"{child} was terminated.";
        }

        if (outcome == EventType.StartChildWorkflowExecutionFailed)
        {
            return $"{child} could not start: {reason}.";
        }

        return $"{child} did not complete: {outcome}{(reason is null ? string.Empty : " " + reason)}.";
    }
}
