namespace Swf.LocalEngine.State;

/// <summary>A registered activity type with the defaults it was registered with.</summary>
internal sealed class ActivityTypeState : RegisteredTypeState
{
    public string? DefaultTaskStartToCloseTimeout { get; init; }

    public string? DefaultTaskHeartbeatTimeout { get; init; }

    public string? DefaultTaskList { get; init; }

    public string? DefaultTaskPriority { get; init; }

    public string? DefaultTaskScheduleToStartTimeout { get; init; }

    public string? DefaultTaskScheduleToCloseTimeout { get; init; }
}
