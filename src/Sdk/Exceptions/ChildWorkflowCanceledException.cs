using Swf.Model;

namespace Swf.Exceptions;

/// <summary>
/// A child workflow ended canceled (<c>ChildWorkflowExecutionCanceled</c>), or its start was withdrawn before
/// it was sent because its token was cancelled.
/// </summary>
/// <remarks>
/// It is an <see cref="OperationCanceledException"/>, so a parent that lets it escape after its own cancel
/// request ends canceled too. <see cref="OperationCanceledException.CancellationToken"/> is the parent's token
/// that asked for the cancellation, or <see cref="CancellationToken.None"/> when someone else canceled the child.
/// </remarks>
public sealed class ChildWorkflowCanceledException : OperationCanceledException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="workflowType">The child's type.</param>
    /// <param name="workflowId">The child's workflow id.</param>
    /// <param name="runId">The child's run id, or null when it never started.</param>
    /// <param name="details">The details the child's decider gave, if any.</param>
    /// <param name="cancellationToken">The parent's token that asked for the cancellation, if one did.</param>
    public ChildWorkflowCanceledException(WorkflowType workflowType, string workflowId, string? runId, string? details, CancellationToken cancellationToken = default)
        : base($"Child workflow {workflowType?.Name} (id {workflowId}) was canceled.", cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflowType);
        WorkflowType = workflowType;
        WorkflowId = workflowId;
        RunId = runId;
        Details = details;
    }

    /// <summary>Gets the child's type.</summary>
    public WorkflowType WorkflowType { get; }

    /// <summary>Gets the child's workflow id.</summary>
    public string WorkflowId { get; }

    /// <summary>Gets the child's run id, or null when it never started.</summary>
    public string? RunId { get; }

    /// <summary>Gets the details the child's decider gave, if any.</summary>
    public string? Details { get; }
}
