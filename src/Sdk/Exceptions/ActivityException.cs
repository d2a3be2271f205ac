using Swf.Model;

namespace Swf.Exceptions;

/// <summary>
/// An activity called from a workflow did not complete: it failed, timed out or could not be scheduled. Its
/// subclasses say how. A canceled activity is an <see cref="ActivityCanceledException"/>, which is an
/// <see cref="OperationCanceledException"/> instead.
/// </summary>
public abstract class ActivityException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="activityType">The activity's type.</param>
    /// <param name="activityId">The activity's id.</param>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    protected ActivityException(ActivityType activityType, string activityId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ActivityType = activityType;
        ActivityId = activityId;
    }

    /// <summary>Gets the activity's type.</summary>
    public ActivityType ActivityType { get; }

    /// <summary>Gets the activity's id.</summary>
    public string ActivityId { get; }
}
