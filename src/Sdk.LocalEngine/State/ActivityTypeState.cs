using Swf.Model;

namespace Swf.LocalEngine.State;

/// <summary>A registered activity type with the defaults it was registered with.</summary>
internal sealed class ActivityTypeState
{
    public required TypeKey Key { get; init; }

    public string? Description { get; init; }

    public required DateTime CreationDate { get; init; }

    public RegistrationStatus Status { get; set; } = RegistrationStatus.Registered;

    public DateTime? DeprecationDate { get; set; }

    public string? DefaultTaskStartToCloseTimeout { get; init; }

    public string? DefaultTaskHeartbeatTimeout { get; init; }

    public string? DefaultTaskList { get; init; }

    public string? DefaultTaskPriority { get; init; }

    public string? DefaultTaskScheduleToStartTimeout { get; init; }

    public string? DefaultTaskScheduleToCloseTimeout { get; init; }

    public bool IsDeprecated => Status == RegistrationStatus.Deprecated;
}
