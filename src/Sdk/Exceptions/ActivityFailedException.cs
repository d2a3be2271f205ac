using Swf.Model;

namespace Swf.Exceptions;

/// <summary>
/// The activity failed (<c>ActivityTaskFailed</c>): its implementation threw or the worker reported a failure.
/// The message is the failure's type and message (<c>PaymentDeclinedException: card expired</c>); the decoded
/// failure is <see cref="Failure"/>, SWF's raw fields <see cref="Reason"/> and <see cref="Details"/>.
/// </summary>
public sealed class ActivityFailedException : ActivityException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="activityType">The activity's type.</param>
    /// <param name="activityId">The activity's id.</param>
    /// <param name="reason">The failure's reason: by convention the name of the exception type the activity threw.</param>
    /// <param name="details">The failure's details: by convention the encoded exception.</param>
    /// <param name="attempts">How many attempts were made, retries included.</param>
    public ActivityFailedException(ActivityType activityType, string activityId, string? reason, string? details, int attempts = 1)
        : this(activityType, activityId, reason, details, attempts, FailureInfo.FromSwf(reason, details))
    {
    }

    private ActivityFailedException(ActivityType activityType, string activityId, string? reason, string? details, int attempts, FailureInfo failure)
        : base(activityType, activityId, failure.Summary)
    {
        Reason = reason;
        Details = details;
        Attempts = attempts;
        Failure = failure;
    }

    /// <summary>Gets the failure's reason, as SWF recorded it.</summary>
    public string? Reason { get; }

    /// <summary>Gets the failure's details, as SWF recorded them.</summary>
    public string? Details { get; }

    /// <summary>Gets the failure decoded: type, message, stack trace and inner failures.</summary>
    public FailureInfo Failure { get; }

    /// <summary>Gets how many attempts were made.</summary>
    public int Attempts { get; }
}
