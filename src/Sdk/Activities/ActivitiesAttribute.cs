namespace Swf.Activities;

/// <summary>
/// Marks an interface whose methods are activity types. The Swf.Sdk source generator emits a
/// workflow-side proxy (returned by <see cref="Workflows.Workflow.Activities{TActivities}"/>) and an
/// activity-side dispatcher that builds <see cref="ActivityDefinition"/>s from an implementation.
/// The properties are registration defaults for every method; <see cref="ActivityAttribute"/> overrides them.
/// </summary>
/// <remarks>
/// An activity type's name defaults to the interface name without its leading <c>I</c>, a dot and the
/// method name without its <c>Async</c> suffix (<c>IPayments.ChargeAsync</c> is <c>Payments.Charge</c>).
/// Durations are <see cref="TimeSpan"/> strings of whole seconds, such as <c>"00:05:00"</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Interface, Inherited = false, AllowMultiple = false)]
public sealed class ActivitiesAttribute : Attribute
{
    /// <summary>Gets or sets the prefix of the activity type names; null means the interface name without its leading <c>I</c>, and an empty string means no prefix.</summary>
    public string? NamePrefix { get; set; }

    /// <summary>Gets or sets the activity types' version (at most 64 characters); the default is <c>"1"</c>.</summary>
    public string Version { get; set; } = "1";

    /// <summary>Gets or sets the default task list.</summary>
    public string? TaskList { get; set; }

    /// <summary>Gets or sets the default schedule-to-start timeout.</summary>
    public string? ScheduleToStartTimeout { get; set; }

    /// <summary>Gets or sets the default schedule-to-close timeout.</summary>
    public string? ScheduleToCloseTimeout { get; set; }

    /// <summary>Gets or sets the default start-to-close timeout.</summary>
    public string? StartToCloseTimeout { get; set; }

    /// <summary>Gets or sets the default heartbeat timeout.</summary>
    public string? HeartbeatTimeout { get; set; }

    /// <summary>Gets or sets the default task priority; only used when set.</summary>
    public int TaskPriority { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the activity types' registration defaults are set somewhere else,
    /// so the generator does not warn (SWF1023) that they lack timeouts SWF requires; an
    /// <see cref="ActivityAttribute"/> that sets its own value overrides this one for its method.
    /// </summary>
    /// <remarks>
    /// SWF refuses to schedule an activity unless the decision or the registered type gives a schedule-to-start,
    /// a schedule-to-close and a start-to-close timeout. Set this when the types are registered by other means
    /// or every call passes them in its <see cref="Workflows.ActivityOptions"/>. It does not change what is registered.
    /// </remarks>
    public bool DefaultsRegisteredElsewhere { get; set; }
}
