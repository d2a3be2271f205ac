namespace Swf.LocalEngine.State;

/// <summary>The one decision task of a run: scheduled, then started by a poller, until completed or timed out.</summary>
internal sealed class DecisionTaskState : QueuedTask
{
    public required long ScheduledEventId { get; init; }

    /// <summary>Gets the schedule-to-start timeout of a temporary task list override, when one applies.</summary>
    public TimeSpan? ScheduleToStartTimeout { get; init; }

    private Fields _f;

    public DecisionTaskPhase Phase => _f.Phase;

    /// <summary>Gets the DecisionTaskStarted event's id; 0 while the task has not been started.</summary>
    public long StartedEventId => _f.StartedEventId;

    /// <summary>Gets the task token a decider answers with; null until the task is started.</summary>
    public string? Token => _f.Token;

    /// <summary>Gets the timeout that applies now: schedule-to-start while scheduled on an override, start-to-close once started.</summary>
    public ScheduledAction? Timeout => _f.Timeout;

    public override bool IsStartable => Phase == DecisionTaskPhase.Scheduled && ReferenceEquals(Execution.DecisionTask, this) && Execution.IsOpen;

    /// <summary>Scheduled to Started: a decider took the task. The schedule-to-start timeout no longer applies.</summary>
    /// <param name="startedEventId">The DecisionTaskStarted event's id.</param>
    /// <param name="token">The task token handed to the decider.</param>
    public void Start(long startedEventId, string token)
    {
        if (Phase != DecisionTaskPhase.Scheduled)
        {
            throw Illegal(nameof(Start));
        }

        Remember();
        _f.Phase = DecisionTaskPhase.Started;
        _f.StartedEventId = startedEventId;
        _f.Token = token;
        StopTimeout();
    }

    /// <summary>Scheduled to Started as a snapshot recorded it: no event is recorded and no timeout changes.</summary>
    /// <param name="startedEventId">The DecisionTaskStarted event's id.</param>
    /// <param name="token">The task token the decider holds.</param>
    public void RestoreStarted(long startedEventId, string token)
    {
        if (Phase != DecisionTaskPhase.Scheduled || Timeout is not null)
        {
            throw Illegal(nameof(RestoreStarted));
        }

        Remember();
        _f.Phase = DecisionTaskPhase.Started;
        _f.StartedEventId = startedEventId;
        _f.Token = token;
    }

    /// <summary>Arms the task's timeout, replacing the one before.</summary>
    /// <param name="timeout">The scheduled timeout.</param>
    public void ArmTimeout(ScheduledAction timeout)
    {
        if (Phase == DecisionTaskPhase.Done)
        {
            throw Illegal(nameof(ArmTimeout));
        }

        StopTimeout();
        Remember();
        _f.Timeout = timeout;
    }

    /// <summary>Stops the task's timeout (its run closes, or the engine is disposed).</summary>
    public void StopTimeout()
    {
        Timeout?.Cancel();
        Remember();
        _f.Timeout = null;
    }

    /// <summary>
    /// Scheduled or Started to Done: the task was completed or timed out, or its run closed. Its
    /// timeout stops, it leaves its task list (if it still waited there), and its run has no decision
    /// task any more.
    /// </summary>
    public void Finish()
    {
        if (Phase == DecisionTaskPhase.Done)
        {
            throw Illegal(nameof(Finish));
        }

        var waiting = Phase == DecisionTaskPhase.Scheduled;
        Remember();
        _f.Phase = DecisionTaskPhase.Done;
        StopTimeout();
        if (waiting)
        {
            Execution.Domain.DecisionQueue(TaskList).Remove(this);
        }

        Execution.DecisionTaskFinished(this);
    }

    /// <summary>Records the task's fields before a transition changes them.</summary>
    private void Remember()
    {
        var saved = _f;
        Undo.Record(() => _f = saved);
    }

    private InvalidOperationException Illegal(string transition) =>
        IllegalTransition.Create($"decision task {ScheduledEventId} of run {Execution.RunId}", transition, Phase);

    /// <summary>What the task's transitions change.</summary>
    private struct Fields
    {
        public DecisionTaskPhase Phase;
        public long StartedEventId;
        public string? Token;
        public ScheduledAction? Timeout;
    }
}
