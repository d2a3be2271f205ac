namespace Swf.Activities;

/// <summary>
/// Sets one activity type's name and registration defaults on a method of an
/// <see cref="ActivitiesAttribute">[Activities]</see> interface; unset values come from the interface.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class ActivityAttribute : Attribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="name">The activity type's full name; null for the default (see <see cref="ActivitiesAttribute"/>).</param>
    public ActivityAttribute(string? name = null)
    {
        Name = name;
    }

    /// <summary>Gets the activity type's full name (at most 256 characters).</summary>
    public string? Name { get; }

    /// <summary>Gets or sets the version; null means the interface's.</summary>
    public string? Version { get; set; }

    /// <summary>Gets or sets the default task list.</summary>
    public string? TaskList { get; set; }

    /// <summary>Gets or sets the default schedule-to-start timeout.</summary>
    public string? ScheduleToStartTimeout { get; set; }

    /// <summary>Gets or sets the default schedule-to-close timeout.</summary>
    public string? ScheduleToCloseTimeout { get; set; }

    /// <summary>Gets or sets the default start-to-close timeout.</summary>
    public string? StartToCloseTimeout { get; set; }

    /// <summary>Gets or sets the default heartbeat timeout; the activity worker heartbeats automatically when it is set.</summary>
    public string? HeartbeatTimeout { get; set; }

    /// <summary>Gets or sets the default task priority; only used when set.</summary>
    public int TaskPriority { get; set; }

    /// <summary>Gets or sets the type's description.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether this activity type's registration defaults are set somewhere
    /// else (see <see cref="ActivitiesAttribute.DefaultsRegisteredElsewhere"/>); when set here, it overrides the
    /// interface's value for this method.
    /// </summary>
    public bool DefaultsRegisteredElsewhere { get; set; }
}
