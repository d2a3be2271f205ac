using Swf.Model;

namespace Swf.Exceptions;

/// <summary>The activity timed out (<c>ActivityTaskTimedOut</c>).</summary>
public sealed class ActivityTimedOutException : ActivityException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="activityType">The activity's type.</param>
    /// <param name="activityId">The activity's id.</param>
    /// <param name="timeoutType">Which timeout expired.</param>
    /// <param name="details">The details of the last heartbeat, if any.</param>
    public ActivityTimedOutException(ActivityType activityType, string activityId, ActivityTaskTimeoutType timeoutType, string? details)
        : base(activityType, activityId, $"Activity {activityType.Name} (id {activityId}) timed out ({timeoutType}).")
    {
        TimeoutType = timeoutType;
        Details = details;
    }

    /// <summary>Gets which timeout expired.</summary>
    public ActivityTaskTimeoutType TimeoutType { get; }

    /// <summary>Gets the details of the last heartbeat, if any.</summary>
    public string? Details { get; }
}
