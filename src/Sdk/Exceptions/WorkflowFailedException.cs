using Swf.Model;

namespace Swf.Exceptions;

/// <summary>The workflow failed (<c>WorkflowExecutionFailed</c>): its code threw, or its decider failed it.</summary>
public sealed class WorkflowFailedException : WorkflowExecutionException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="execution">The execution.</param>
    /// <param name="reason">The failure's reason: by convention the exception type the workflow threw.</param>
    /// <param name="details">The failure's details: by convention the encoded exception.</param>
    public WorkflowFailedException(WorkflowExecution execution, string? reason, string? details)
        : base(execution, CloseStatus.Failed, $"Workflow {execution.WorkflowId} (run {execution.RunId}) failed: {reason}{FailureDetails.MessageSuffix(details)}")
    {
        Reason = reason;
        Details = details;
    }

    /// <summary>Gets the failure's reason.</summary>
    public string? Reason { get; }

    /// <summary>Gets the failure's details.</summary>
    public string? Details { get; }
}
