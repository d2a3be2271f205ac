using Swf.Model;

namespace Swf.LocalEngine.State;

/// <summary>An open activity task of a run, from ActivityTaskScheduled until it closes.</summary>
internal sealed class ActivityTaskState : QueuedTask
{
    public required string ActivityId { get; init; }

    public required TypeKey ActivityType { get; init; }

    public required long ScheduledEventId { get; init; }

    public string? Input { get; init; }

    public TimeSpan? ScheduleToStartTimeout { get; init; }

    public TimeSpan? ScheduleToCloseTimeout { get; init; }

    public TimeSpan? StartToCloseTimeout { get; init; }

    public TimeSpan? HeartbeatTimeout { get; init; }

    public long StartedEventId { get; set; }

    public string? Token { get; set; }

    public bool IsClosed { get; set; }

    public bool CancelRequested { get; set; }

    public long LatestCancelRequestedEventId { get; set; }

    /// <summary>Gets or sets the details of the last heartbeat, reported if the task times out.</summary>
    public string? HeartbeatDetails { get; set; }

    /// <summary>Gets the timers of this task by timeout type; each is disposed when it no longer applies.</summary>
    public Dictionary<ActivityTaskTimeoutType, ScheduledAction> Timers { get; } = [];

    public bool IsStarted => StartedEventId != 0;

    public override bool IsStartable => !IsClosed && !IsStarted && Execution.IsOpen;
}
