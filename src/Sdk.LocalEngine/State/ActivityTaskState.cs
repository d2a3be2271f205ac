using Swf.Model;

namespace Swf.LocalEngine.State;

/// <summary>An open activity task of a run, from ActivityTaskScheduled until it closes.</summary>
internal sealed class ActivityTaskState : QueuedTask
{
    private readonly Dictionary<ActivityTaskTimeoutType, ScheduledAction> _timeouts = [];

    public required string ActivityId { get; init; }

    public required TypeKey ActivityType { get; init; }

    public required long ScheduledEventId { get; init; }

    public string? Input { get; init; }

    public TimeSpan? ScheduleToStartTimeout { get; init; }

    public TimeSpan? ScheduleToCloseTimeout { get; init; }

    public TimeSpan? StartToCloseTimeout { get; init; }

    public TimeSpan? HeartbeatTimeout { get; init; }

    public ActivityTaskPhase Phase { get; private set; } = ActivityTaskPhase.Scheduled;

    /// <summary>Gets the ActivityTaskStarted event's id; 0 while the task has not been started.</summary>
    public long StartedEventId { get; private set; }

    /// <summary>Gets the task token a worker answers with; null until the task is started.</summary>
    public string? Token { get; private set; }

    public bool CancelRequested { get; private set; }

    /// <summary>Gets the id of the last ActivityTaskCancelRequested event; 0 when none was recorded.</summary>
    public long LatestCancelRequestedEventId { get; private set; }

    /// <summary>Gets the details of the last heartbeat, reported if the task times out.</summary>
    public string? HeartbeatDetails { get; private set; }

    public override bool IsStartable => Phase == ActivityTaskPhase.Scheduled && Execution.IsOpen;

    /// <summary>Scheduled to Started: a worker took the task. The schedule-to-start timeout no longer applies.</summary>
    /// <param name="startedEventId">The ActivityTaskStarted event's id.</param>
    /// <param name="token">The task token handed to the worker.</param>
    public void Start(long startedEventId, string token)
    {
        if (Phase != ActivityTaskPhase.Scheduled)
        {
            throw Illegal(nameof(Start));
        }

        Phase = ActivityTaskPhase.Started;
        StartedEventId = startedEventId;
        Token = token;
        StopTimeout(ActivityTaskTimeoutType.ScheduleToStart);
    }

    /// <summary>Restores, from a snapshot, what happened to the task so far; its timeouts are armed afterwards.</summary>
    /// <param name="started">Whether a worker holds the task.</param>
    /// <param name="startedEventId">The ActivityTaskStarted event's id, when started.</param>
    /// <param name="token">The task token the worker holds, when started.</param>
    /// <param name="cancelRequested">Whether the decider asked to cancel the task.</param>
    /// <param name="latestCancelRequestedEventId">The last ActivityTaskCancelRequested event's id, or 0.</param>
    /// <param name="heartbeatDetails">The last heartbeat's details.</param>
    public void RestoreProgress(bool started, long startedEventId, string? token, bool cancelRequested, long latestCancelRequestedEventId, string? heartbeatDetails)
    {
        if (Phase != ActivityTaskPhase.Scheduled || _timeouts.Count > 0 || (started && token is null))
        {
            throw Illegal(nameof(RestoreProgress));
        }

        if (started)
        {
            Phase = ActivityTaskPhase.Started;
            StartedEventId = startedEventId;
            Token = token;
        }

        CancelRequested = cancelRequested;
        LatestCancelRequestedEventId = latestCancelRequestedEventId;
        HeartbeatDetails = heartbeatDetails;
    }

    /// <summary>Gets the armed timeouts, by type (a snapshot records their due times).</summary>
    public IReadOnlyDictionary<ActivityTaskTimeoutType, ScheduledAction> Timeouts => _timeouts;

    /// <summary>Keeps the details of a heartbeat of the started task.</summary>
    /// <param name="details">The heartbeat's details.</param>
    public void RecordHeartbeat(string? details)
    {
        if (Phase != ActivityTaskPhase.Started)
        {
            throw Illegal(nameof(RecordHeartbeat));
        }

        HeartbeatDetails = details;
    }

    /// <summary>Notes that the run's decider asked to cancel the open task.</summary>
    /// <param name="cancelRequestedEventId">The ActivityTaskCancelRequested event's id.</param>
    public void RequestCancel(long cancelRequestedEventId)
    {
        if (Phase == ActivityTaskPhase.Closed)
        {
            throw Illegal(nameof(RequestCancel));
        }

        CancelRequested = true;
        LatestCancelRequestedEventId = cancelRequestedEventId;
    }

    /// <summary>Arms a timeout of the open task, replacing the one of the same type (a heartbeat restarts the heartbeat timeout).</summary>
    /// <param name="type">The timeout's type.</param>
    /// <param name="timeout">The scheduled timeout.</param>
    public void ArmTimeout(ActivityTaskTimeoutType type, ScheduledAction timeout)
    {
        if (Phase == ActivityTaskPhase.Closed)
        {
            throw Illegal(nameof(ArmTimeout));
        }

        StopTimeout(type);
        _timeouts[type] = timeout;
    }

    /// <summary>Stops every timeout of the task (its run closes, or the engine is disposed).</summary>
    public void StopTimeouts()
    {
        foreach (var timeout in _timeouts.Values)
        {
            timeout.Cancel();
        }

        _timeouts.Clear();
    }

    /// <summary>
    /// Scheduled or Started to Closed: the task completed, failed, was canceled or timed out, or its
    /// run closed. Its timeouts stop, it leaves its task list (if it still waited there) and its run.
    /// </summary>
    public void Close()
    {
        if (Phase == ActivityTaskPhase.Closed)
        {
            throw Illegal(nameof(Close));
        }

        var waiting = Phase == ActivityTaskPhase.Scheduled;
        Phase = ActivityTaskPhase.Closed;
        StopTimeouts();
        if (waiting)
        {
            Execution.Domain.ActivityQueue(TaskList).Remove(this);
        }

        Execution.RemoveActivity(this);
    }

    private void StopTimeout(ActivityTaskTimeoutType type)
    {
        if (_timeouts.Remove(type, out var timeout))
        {
            timeout.Cancel();
        }
    }

    private InvalidOperationException Illegal(string transition) =>
        IllegalTransition.Create($"activity task {ActivityId} of run {Execution.RunId}", transition, Phase);
}
