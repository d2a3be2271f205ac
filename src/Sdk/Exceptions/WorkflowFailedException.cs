using Swf.Model;

namespace Swf.Exceptions;

/// <summary>
/// The workflow failed (<c>WorkflowExecutionFailed</c>): its code threw, or its decider failed it. The message
/// is the failure's type and message (<c>PaymentDeclinedException: card expired</c>); the decoded failure is
/// <see cref="Failure"/>, SWF's raw fields <see cref="Reason"/> and <see cref="Details"/>.
/// </summary>
public sealed class WorkflowFailedException : WorkflowExecutionException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="execution">The execution.</param>
    /// <param name="reason">The failure's reason: by convention the exception type the workflow threw.</param>
    /// <param name="details">The failure's details: by convention the encoded exception.</param>
    public WorkflowFailedException(WorkflowExecution execution, string? reason, string? details)
        : this(execution, reason, details, FailureInfo.FromSwf(reason, details))
    {
    }

    private WorkflowFailedException(WorkflowExecution execution, string? reason, string? details, FailureInfo failure)
        : base(execution, CloseStatus.Failed, failure.Summary)
    {
        Reason = reason;
        Details = details;
        Failure = failure;
    }

    /// <summary>Gets the failure's reason, as SWF recorded it.</summary>
    public string? Reason { get; }

    /// <summary>Gets the failure's details, as SWF recorded them.</summary>
    public string? Details { get; }

    /// <summary>Gets the failure decoded: type, message, stack trace and inner failures.</summary>
    public FailureInfo Failure { get; }
}
