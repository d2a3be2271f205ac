using Swf.Model;

namespace Swf.LocalEngine.State;

/// <summary>An open activity task of a run, from ActivityTaskScheduled until it closes.</summary>
internal sealed class ActivityTaskState : QueuedTask
{
    private readonly Dictionary<ActivityTaskTimeoutType, ScheduledAction> _timeouts = [];
    private Fields _f;

    public required string ActivityId { get; init; }

    public required TypeKey ActivityType { get; init; }

    public required long ScheduledEventId { get; init; }

    public string? Input { get; init; }

    public TimeSpan? ScheduleToStartTimeout { get; init; }

    public TimeSpan? ScheduleToCloseTimeout { get; init; }

    public TimeSpan? StartToCloseTimeout { get; init; }

    public TimeSpan? HeartbeatTimeout { get; init; }

    public ActivityTaskPhase Phase => _f.Phase;

    /// <summary>Gets the ActivityTaskStarted event's id; 0 while the task has not been started.</summary>
    public long StartedEventId => _f.StartedEventId;

    /// <summary>Gets the task token a worker answers with; null until the task is started.</summary>
    public string? Token => _f.Token;

    public bool CancelRequested => _f.CancelRequested;

    /// <summary>Gets the id of the last ActivityTaskCancelRequested event; 0 when none was recorded.</summary>
    public long LatestCancelRequestedEventId => _f.LatestCancelRequestedEventId;

    /// <summary>Gets the details of the last heartbeat, reported if the task times out.</summary>
    public string? HeartbeatDetails => _f.HeartbeatDetails;

    /// <summary>Gets the armed timeouts, by type.</summary>
    public IReadOnlyDictionary<ActivityTaskTimeoutType, ScheduledAction> Timeouts => _timeouts;

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

        Remember();
        _f.Phase = ActivityTaskPhase.Started;
        _f.StartedEventId = startedEventId;
        _f.Token = token;
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

        Remember();
        if (started)
        {
            _f.Phase = ActivityTaskPhase.Started;
            _f.StartedEventId = startedEventId;
            _f.Token = token;
        }

        _f.CancelRequested = cancelRequested;
        _f.LatestCancelRequestedEventId = latestCancelRequestedEventId;
        _f.HeartbeatDetails = heartbeatDetails;
    }

    /// <summary>Keeps the details of a heartbeat of the started task.</summary>
    /// <param name="details">The heartbeat's details.</param>
    public void RecordHeartbeat(string? details)
    {
        if (Phase != ActivityTaskPhase.Started)
        {
            throw Illegal(nameof(RecordHeartbeat));
        }

        Remember();
        _f.HeartbeatDetails = details;
    }

    /// <summary>Notes that the run's decider asked to cancel the open task.</summary>
    /// <param name="cancelRequestedEventId">The ActivityTaskCancelRequested event's id.</param>
    public void RequestCancel(long cancelRequestedEventId)
    {
        if (Phase == ActivityTaskPhase.Closed)
        {
            throw Illegal(nameof(RequestCancel));
        }

        Remember();
        _f.CancelRequested = true;
        _f.LatestCancelRequestedEventId = cancelRequestedEventId;
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
        Undo.Record(() => _timeouts.Remove(type));
    }

    /// <summary>Stops every timeout of the task (its run closes, or the engine is disposed).</summary>
    public void StopTimeouts()
    {
        foreach (var timeout in _timeouts.Values)
        {
            timeout.Cancel();
        }

        var stopped = _timeouts.ToList();
        _timeouts.Clear();
        Undo.Record(() =>
        {
            foreach (var (type, timeout) in stopped)
            {
                _timeouts.Add(type, timeout);
            }
        });
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
        Remember();
        _f.Phase = ActivityTaskPhase.Closed;
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
            Undo.Record(() => _timeouts.Add(type, timeout));
        }
    }

    /// <summary>Records the task's fields before a transition changes them.</summary>
    private void Remember()
    {
        var saved = _f;
        Undo.Record(() => _f = saved);
    }

    private InvalidOperationException Illegal(string transition) =>
        IllegalTransition.Create($"activity task {ActivityId} of run {Execution.RunId}", transition, Phase);

    /// <summary>What the task's transitions change, besides its timeouts.</summary>
    private struct Fields
    {
        public ActivityTaskPhase Phase;
        public long StartedEventId;
        public string? Token;
        public bool CancelRequested;
        public long LatestCancelRequestedEventId;
        public string? HeartbeatDetails;
    }
}
