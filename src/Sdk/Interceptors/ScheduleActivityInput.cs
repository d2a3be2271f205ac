using Swf.Model;
using Swf.Workflows;

namespace Swf.Interceptors;

/// <summary>An activity to schedule, as <see cref="WorkflowOutboundInterceptor.ScheduleActivityAsync"/> sees it.</summary>
public sealed class ScheduleActivityInput
{
    /// <summary>Initializes the input.</summary>
    /// <param name="activityType">The activity's type.</param>
    /// <param name="activityId">The activity's id.</param>
    /// <param name="options">The activity's options.</param>
    /// <param name="cancellationToken">The token that cancels the activity.</param>
    public ScheduleActivityInput(ActivityType activityType, string activityId, ActivityOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activityType);
        ArgumentNullException.ThrowIfNull(activityId);
        ArgumentNullException.ThrowIfNull(options);
        ActivityType = activityType;
        ActivityId = activityId;
        Options = options;
        CancellationToken = cancellationToken;
    }

    /// <summary>Gets the activity's type.</summary>
    public ActivityType ActivityType { get; }

    /// <summary>Gets the activity's id.</summary>
    public string ActivityId { get; }

    /// <summary>Gets the activity's options.</summary>
    public ActivityOptions Options { get; }

    /// <summary>Gets the token that cancels the activity.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Gets or sets the encoded input, or null.</summary>
    public string? Input { get; set; }

    /// <summary>Gets the call's header map, carried inside the payload's envelope; interceptors may read and change it.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
