namespace Swf.LocalEngine.State;

/// <summary>The one decision task of a run: scheduled, then started by a poller, until completed or timed out.</summary>
internal sealed class DecisionTaskState : QueuedTask
{
    public required long ScheduledEventId { get; init; }

    /// <summary>Gets the schedule-to-start timeout of a temporary task list override, when one applies.</summary>
    public TimeSpan? ScheduleToStartTimeout { get; init; }

    public long StartedEventId { get; set; }

    public string? Token { get; set; }

    /// <summary>Gets or sets a value indicating whether the task is finished (completed, timed out, or its run closed).</summary>
    public bool IsDone { get; set; }

    public ScheduledAction? Timer { get; set; }

    public bool IsStarted => StartedEventId != 0;

    public override bool IsStartable => !IsDone && !IsStarted && ReferenceEquals(Execution.DecisionTask, this) && Execution.IsOpen;
}
