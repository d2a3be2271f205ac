using Swf.Model;

namespace Swf.Exceptions;

/// <summary>SWF refused to schedule the activity (<c>ScheduleActivityTaskFailed</c>), for example because its type is not registered.</summary>
public sealed class ActivityScheduleFailedException : ActivityException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="activityType">The activity's type.</param>
    /// <param name="activityId">The activity's id.</param>
    /// <param name="cause">Why SWF refused.</param>
    public ActivityScheduleFailedException(ActivityType activityType, string activityId, ScheduleActivityTaskFailedCause cause)
        : base(activityType, activityId, $"SWF could not schedule activity {activityType.Name} {activityType.Version} (id {activityId}): {cause}.")
    {
        Cause = cause;
    }

    /// <summary>Gets why SWF refused.</summary>
    public ScheduleActivityTaskFailedCause Cause { get; }
}
