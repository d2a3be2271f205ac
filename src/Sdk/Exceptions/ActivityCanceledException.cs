using Swf.Model;

namespace Swf.Exceptions;

/// <summary>
/// The activity was canceled: SWF recorded <c>ActivityTaskCanceled</c> (its worker acknowledged a cancel
/// request, or stopped it on its own), or the request to schedule it was withdrawn before it was sent.
/// </summary>
/// <remarks>
/// It is an <see cref="OperationCanceledException"/>, so workflow code that lets it escape after a cancel
/// request ends the workflow canceled, and <c>catch (OperationCanceledException)</c> sees it with timers and
/// condition waits. <see cref="OperationCanceledException.CancellationToken"/> is the token that asked for the
/// cancellation, or <see cref="CancellationToken.None"/> when the worker canceled it on its own.
/// </remarks>
public sealed class ActivityCanceledException : OperationCanceledException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="activityType">The activity's type.</param>
    /// <param name="activityId">The activity's id.</param>
    /// <param name="details">The details the worker gave, if any.</param>
    /// <param name="cancellationToken">The token that asked for the cancellation, if one did.</param>
    public ActivityCanceledException(ActivityType activityType, string activityId, string? details, CancellationToken cancellationToken = default)
        : base($"Activity {activityType?.Name} (id {activityId}) was canceled.", cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activityType);
        ActivityType = activityType;
        ActivityId = activityId;
        Details = details;
    }

    /// <summary>Gets the activity's type.</summary>
    public ActivityType ActivityType { get; }

    /// <summary>Gets the activity's id.</summary>
    public string ActivityId { get; }

    /// <summary>Gets the details the worker gave, if any.</summary>
    public string? Details { get; }
}
