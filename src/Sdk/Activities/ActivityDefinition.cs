using Swf.Model;

namespace Swf.Activities;

/// <summary>
/// An activity type a worker runs: its SWF type and registration defaults, and the code that runs a
/// task with an encoded input and returns an encoded result. The source generator emits these per
/// <c>[Activities]</c> interface; they can also be written by hand.
/// </summary>
public sealed class ActivityDefinition
{
    /// <summary>Gets the activity type (name and version).</summary>
    public required ActivityType ActivityType { get; init; }

    /// <summary>Gets the default task list registered with the type.</summary>
    public string? DefaultTaskList { get; init; }

    /// <summary>Gets the default schedule-to-start timeout registered with the type.</summary>
    public TimeSpan? DefaultScheduleToStartTimeout { get; init; }

    /// <summary>Gets the default schedule-to-close timeout registered with the type.</summary>
    public TimeSpan? DefaultScheduleToCloseTimeout { get; init; }

    /// <summary>Gets the default start-to-close timeout registered with the type.</summary>
    public TimeSpan? DefaultStartToCloseTimeout { get; init; }

    /// <summary>Gets the default heartbeat timeout; when set, the worker heartbeats automatically at half this interval.</summary>
    public TimeSpan? DefaultHeartbeatTimeout { get; init; }

    /// <summary>Gets the default task priority registered with the type.</summary>
    public int? DefaultTaskPriority { get; init; }

    /// <summary>Gets the type's description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the code that runs one task: takes the task's context and encoded input, returns the encoded result.</summary>
    public required Func<ActivityContext, string?, Task<string?>> Execute { get; init; }
}
