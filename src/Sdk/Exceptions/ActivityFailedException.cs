using Swf.Model;

namespace Swf.Exceptions;

/// <summary>The activity failed (<c>ActivityTaskFailed</c>): its implementation threw or the worker reported a failure.</summary>
public sealed class ActivityFailedException : ActivityException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="activityType">The activity's type.</param>
    /// <param name="activityId">The activity's id.</param>
    /// <param name="reason">The failure's reason: by convention the name of the exception type the activity threw.</param>
    /// <param name="details">The failure's details: by convention the encoded exception.</param>
    /// <param name="attempts">How many attempts were made, retries included.</param>
    public ActivityFailedException(ActivityType activityType, string activityId, string? reason, string? details, int attempts = 1)
        : base(activityType, activityId, $"Activity {activityType.Name} (id {activityId}) failed: {reason}{FailureDetails.MessageSuffix(details)}")
    {
        Reason = reason;
        Details = details;
        Attempts = attempts;
    }

    /// <summary>Gets the failure's reason.</summary>
    public string? Reason { get; }

    /// <summary>Gets the failure's details.</summary>
    public string? Details { get; }

    /// <summary>Gets how many attempts were made.</summary>
    public int Attempts { get; }
}
