using Swf.Model;

namespace Swf.Exceptions;

/// <summary>The activity was canceled (<c>ActivityTaskCanceled</c>) after the workflow asked for it.</summary>
public sealed class ActivityCanceledException : ActivityException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="activityType">The activity's type.</param>
    /// <param name="activityId">The activity's id.</param>
    /// <param name="details">The details the worker gave, if any.</param>
    public ActivityCanceledException(ActivityType activityType, string activityId, string? details)
        : base(activityType, activityId, $"Activity {activityType.Name} (id {activityId}) was canceled.")
    {
        Details = details;
    }

    /// <summary>Gets the details the worker gave, if any.</summary>
    public string? Details { get; }
}
