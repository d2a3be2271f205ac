using Swf.Model;

namespace Swf.LocalEngine.State;

/// <summary>One run of a workflow execution: its history and everything open in it.</summary>
internal sealed class ExecutionState
{
    private List<HistoryEvent> _history = [];

    // A closed run loaded from a snapshot keeps its history as the snapshot's JSON until something reads it
    // (see SnapshotHistory): most retained runs are never read again, and parsing them all made loading a
    // snapshot as slow as replaying the journal. Only ever set on a closed run, so nothing appends to it.
    private ReadOnlyMemory<byte>? _unreadHistory;
    private readonly Dictionary<string, ActivityTaskState> _activities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimerState> _timers = new(StringComparer.Ordinal);

    // Ordered by initiated event id, so that a closing run applies its child policy in the order the
    // children were initiated, whatever came and went in between (a snapshot restores the same order).
    private readonly SortedDictionary<long, ChildExecutionState> _children = [];
    private readonly Dictionary<string, LambdaFunctionState> _lambdaFunctions = new(StringComparer.Ordinal);

    // Every field a transition changes, in one value, so that a transition records them all for the undo log at once.
    private Fields _f;

    public required DomainState Domain { get; init; }

    public required string WorkflowId { get; init; }

    public required string RunId { get; init; }

    public required TypeKey WorkflowType { get; init; }

    public required ExecutionSettings Settings { get; init; }

    public List<string> TagList { get; init; } = [];

    public required DateTime StartTimestamp { get; init; }

    /// <summary>Gets the engine-wide order of starts; breaks ties between equal timestamps in listings.</summary>
    public required long Sequence { get; init; }

    public WorkflowExecution? Parent { get; init; }

    public long ParentInitiatedEventId { get; init; }

    public ExecutionPhase Phase => _f.Phase;

    public bool IsOpen => Phase == ExecutionPhase.Open;

    /// <summary>Gets the close event's timestamp once the run closed.</summary>
    public DateTime? CloseTimestamp => _f.CloseTimestamp;

    /// <summary>Gets how the run closed; null while it is open.</summary>
    public CloseStatus? CloseStatus => _f.CloseStatus;

    public bool CancelRequested => _f.CancelRequested;

    /// <summary>Gets the history, parsing it first when it is still the snapshot's JSON (under the engine's lock, as every read).</summary>
    public IReadOnlyList<HistoryEvent> History
    {
        get
        {
            if (_unreadHistory is { } json)
            {
                List<HistoryEvent> events;
                try
                {
                    events = Journal.SnapshotHistory.Parse(json.Span);
                }
                catch (System.Text.Json.JsonException ex)
                {
                    throw new InvalidDataException($"The snapshot's history of run {RunId} does not read: {ex.Message}", ex);
                }

                CheckNumbering(events);
                _history = events;
                _unreadHistory = null;
            }

            return _history;
        }
    }

    /// <summary>Gets the history's JSON as the snapshot the run was loaded from holds it, while it was not read since (see <see cref="RestoreUnreadHistory"/>).</summary>
    public ReadOnlyMemory<byte>? UnreadHistory => _unreadHistory;

    public DateTime? LatestActivityTaskTimestamp => _f.LatestActivityTaskTimestamp;

    public string? LatestExecutionContext => _f.LatestExecutionContext;

    /// <summary>Gets the scheduled or started decision task; SWF allows at most one per run.</summary>
    public DecisionTaskState? DecisionTask => _f.DecisionTask;

    /// <summary>Gets the DecisionTaskStarted id of the last decision task a decider completed.</summary>
    public long PreviousStartedEventId => _f.PreviousStartedEventId;

    /// <summary>
    /// Gets a value indicating whether an event a decider must see arrived while the decision
    /// task was started; it makes a closing decision fail with UNHANDLED_DECISION and asks for a new task.
    /// </summary>
    public bool EventsSinceDecisionTaskStarted => _f.EventsSinceDecisionTaskStarted;

    /// <summary>Gets a value indicating whether RespondDecisionTaskCompleted is applying decisions right now.</summary>
    public bool ApplyingDecisions => _f.ApplyingDecisions;

    /// <summary>Gets a value indicating whether the decisions being applied produced something the decider must see.</summary>
    public bool NeedsDecisionAfterBatch => _f.NeedsDecisionAfterBatch;

    /// <summary>Gets the task list override from RespondDecisionTaskCompleted, if any.</summary>
    public string? TaskListOverride => _f.TaskListOverride;

    /// <summary>Gets the override's schedule-to-start timeout; null makes the override permanent.</summary>
    public TimeSpan? TaskListOverrideScheduleToStart => _f.TaskListOverrideScheduleToStart;

    /// <summary>Gets the open activity tasks, by activity id.</summary>
    public IReadOnlyDictionary<string, ActivityTaskState> Activities => _activities;

    /// <summary>Gets the started timers, by timer id.</summary>
    public IReadOnlyDictionary<string, TimerState> Timers => _timers;

    /// <summary>Gets the open Lambda tasks (scheduled or started), by Lambda task id.</summary>
    public IReadOnlyDictionary<string, LambdaFunctionState> LambdaFunctions => _lambdaFunctions;

    /// <summary>Gets the children initiated and not yet closed, by initiated event id.</summary>
    public IReadOnlyDictionary<long, ChildExecutionState> Children => _children;

    /// <summary>Gets the execution start-to-close timeout; null when the run has none.</summary>
    public ScheduledAction? ExecutionTimeout => _f.ExecutionTimeout;

    public WorkflowExecution ToWorkflowExecution() => new() { WorkflowId = WorkflowId, RunId = RunId };

    public WorkflowType ToWorkflowType() => new() { Name = WorkflowType.Name, Version = WorkflowType.Version };

    /// <summary>Appends an event to the open run's history and returns its id.</summary>
    /// <param name="type">The event's type.</param>
    /// <param name="now">The engine's time, to the millisecond.</param>
    /// <param name="setAttributes">Sets the event's attributes.</param>
    /// <returns>The event's id.</returns>
    public long Append(EventType type, DateTime now, Action<HistoryEvent> setAttributes)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException($"Engine bug: {type} appended to closed run {RunId}.");
        }

        // A history's timestamps never go backwards, even when a timer runs as of a due time slightly past.
        var timestamp = _history.Count > 0 && _history[^1].EventTimestamp > now ? _history[^1].EventTimestamp : now;
        var historyEvent = new HistoryEvent { EventId = _history.Count + 1, EventType = type, EventTimestamp = timestamp };
        setAttributes(historyEvent);
        _history.Add(historyEvent);
        Undo.Record(() => _history.RemoveAt(_history.Count - 1));
        return historyEvent.EventId;
    }

    /// <summary>Arms the run's execution start-to-close timeout, once.</summary>
    /// <param name="timeout">The scheduled timeout.</param>
    public void ArmExecutionTimeout(ScheduledAction timeout)
    {
        if (!IsOpen || ExecutionTimeout is not null)
        {
            throw Illegal(nameof(ArmExecutionTimeout));
        }

        Remember();
        _f.ExecutionTimeout = timeout;
    }

    /// <summary>
    /// Open to Closed: the close event was recorded. The run's workflow id may start a new run, and
    /// nothing more is appended to its history.
    /// </summary>
    /// <param name="status">How the run closed.</param>
    /// <param name="closedAt">The close event's timestamp.</param>
    public void Close(CloseStatus status, DateTime closedAt)
    {
        if (!IsOpen)
        {
            throw Illegal(nameof(Close));
        }

        Remember();
        _f.Phase = ExecutionPhase.Closed;
        _f.CloseStatus = status;
        _f.CloseTimestamp = closedAt;
        Domain.RunClosed(this);
    }

    /// <summary>Stops every clock-driven action of the run: its execution timeout, decision and activity timeouts, and timers.</summary>
    public void StopTimers()
    {
        ExecutionTimeout?.Cancel();
        DecisionTask?.StopTimeout();
        foreach (var activity in _activities.Values)
        {
            activity.StopTimeouts();
        }

        foreach (var timer in _timers.Values)
        {
            timer.Stop();
        }

        foreach (var lambda in _lambdaFunctions.Values)
        {
            lambda.Timeout?.Cancel();
        }
    }

    /// <summary>Notes a cancel request (WorkflowExecutionCancelRequested) on the open run.</summary>
    public void RequestCancel()
    {
        if (!IsOpen)
        {
            throw Illegal(nameof(RequestCancel));
        }

        Remember();
        _f.CancelRequested = true;
    }

    /// <summary>
    /// Says what an event a decider must see means for the run's decision task: while decisions are
    /// applied it asks for one task after the batch; while a task is started it marks the task's
    /// events as unhandled; while one is scheduled that task covers it. Returns whether the run needs
    /// a new decision task now.
    /// </summary>
    /// <returns><c>true</c> when the caller must schedule a decision task.</returns>
    public bool NoteEventForDecider()
    {
        if (!IsOpen)
        {
            return false;
        }

        if (ApplyingDecisions)
        {
            Remember();
            _f.NeedsDecisionAfterBatch = true;
            return false;
        }

        if (DecisionTask is { Phase: DecisionTaskPhase.Started })
        {
            Remember();
            _f.EventsSinceDecisionTaskStarted = true;
            return false;
        }

        return DecisionTask is null;
    }

    /// <summary>Takes a newly scheduled decision task; the open run must have none.</summary>
    /// <param name="task">The task.</param>
    public void ScheduleDecisionTask(DecisionTaskState task)
    {
        if (!IsOpen || DecisionTask is not null || !ReferenceEquals(task.Execution, this))
        {
            throw Illegal(nameof(ScheduleDecisionTask));
        }

        Remember();
        _f.DecisionTask = task;
        _f.EventsSinceDecisionTaskStarted = false;
    }

    /// <summary>
    /// A decider completed the started decision task: its started event is what the next decider
    /// resumes after, its execution context is the latest, and its task list override (if any) applies
    /// to the next tasks. The task itself ends with <see cref="DecisionTaskState.Finish"/>.
    /// </summary>
    /// <param name="task">The run's started decision task.</param>
    /// <param name="executionContext">The execution context the decider sent, if any.</param>
    /// <param name="taskListOverride">The task list the decider asked the next tasks on, if any.</param>
    /// <param name="overrideScheduleToStart">The override's schedule-to-start timeout; null makes it permanent.</param>
    public void CompleteDecisionTask(DecisionTaskState task, string? executionContext, string? taskListOverride, TimeSpan? overrideScheduleToStart)
    {
        if (!IsOpen || !ReferenceEquals(DecisionTask, task) || task.Phase != DecisionTaskPhase.Started)
        {
            throw Illegal(nameof(CompleteDecisionTask));
        }

        Remember();
        _f.PreviousStartedEventId = task.StartedEventId;
        if (executionContext is not null)
        {
            _f.LatestExecutionContext = executionContext;
        }

        if (taskListOverride is not null)
        {
            _f.TaskListOverride = taskListOverride;
            _f.TaskListOverrideScheduleToStart = overrideScheduleToStart;
        }
    }

    /// <summary>Called by <see cref="DecisionTaskState.Finish"/>: the run no longer has that decision task.</summary>
    /// <param name="task">The finished task.</param>
    public void DecisionTaskFinished(DecisionTaskState task)
    {
        if (ReferenceEquals(DecisionTask, task))
        {
            Remember();
            _f.DecisionTask = null;
        }
    }

    /// <summary>A task on the temporary task list override was not picked up in time: the override ends.</summary>
    public void EndTaskListOverride()
    {
        Remember();
        _f.TaskListOverride = null;
        _f.TaskListOverrideScheduleToStart = null;
    }

    /// <summary>RespondDecisionTaskCompleted starts applying its decisions: events that need a decider only mark the run until the batch ends.</summary>
    /// <param name="needsDecision">Whether the batch already needs a decision task after it (events arrived while the decider worked).</param>
    public void BeginDecisionBatch(bool needsDecision)
    {
        if (ApplyingDecisions)
        {
            throw Illegal(nameof(BeginDecisionBatch));
        }

        Remember();
        _f.ApplyingDecisions = true;
        _f.NeedsDecisionAfterBatch = needsDecision;
    }

    /// <summary>The batch's decisions are recorded; its follow-ups (children, external requests) notify the decider directly.</summary>
    public void EndDecisionBatch()
    {
        if (!ApplyingDecisions)
        {
            throw Illegal(nameof(EndDecisionBatch));
        }

        Remember();
        _f.ApplyingDecisions = false;
    }

    /// <summary>Returns whether the batch produced something the decider must see, and forgets it.</summary>
    /// <returns><c>true</c> when a decision task must follow the batch.</returns>
    public bool TakeNeedsDecisionAfterBatch()
    {
        var needs = NeedsDecisionAfterBatch;
        Remember();
        _f.NeedsDecisionAfterBatch = false;
        return needs;
    }

    /// <summary>Adds a newly scheduled activity task; it is the run's latest.</summary>
    /// <param name="activity">The task.</param>
    public void AddActivity(ActivityTaskState activity)
    {
        if (!IsOpen)
        {
            throw Illegal(nameof(AddActivity));
        }

        Remember();
        _activities.Add(activity.ActivityId, activity);
        Undo.Record(() => _activities.Remove(activity.ActivityId));
        _f.LatestActivityTaskTimestamp = _history[(int)activity.ScheduledEventId - 1].EventTimestamp;
    }

    /// <summary>Called by <see cref="ActivityTaskState.Close"/>: the task is no longer open in the run.</summary>
    /// <param name="activity">The closed task.</param>
    public void RemoveActivity(ActivityTaskState activity)
    {
        if (_activities.TryGetValue(activity.ActivityId, out var current) && ReferenceEquals(current, activity))
        {
            _activities.Remove(activity.ActivityId);
            Undo.Record(() => _activities.Add(activity.ActivityId, activity));
        }
    }

    /// <summary>Adds a started timer.</summary>
    /// <param name="timer">The timer.</param>
    public void AddTimer(TimerState timer)
    {
        if (!IsOpen)
        {
            throw Illegal(nameof(AddTimer));
        }

        _timers.Add(timer.TimerId, timer);
        Undo.Record(() => _timers.Remove(timer.TimerId));
    }

    /// <summary>Removes a timer that fired or was canceled.</summary>
    /// <param name="timer">The timer.</param>
    public void RemoveTimer(TimerState timer)
    {
        if (!_timers.TryGetValue(timer.TimerId, out var current) || !ReferenceEquals(current, timer))
        {
            throw Illegal(nameof(RemoveTimer));
        }

        _timers.Remove(timer.TimerId);
        Undo.Record(() => _timers.Add(timer.TimerId, timer));
    }

    /// <summary>Forgets every timer of the closed run (their firings were stopped).</summary>
    public void DropTimers()
    {
        if (IsOpen)
        {
            throw Illegal(nameof(DropTimers));
        }

        var dropped = _timers.ToList();
        _timers.Clear();
        Undo.Record(() =>
        {
            foreach (var (id, timer) in dropped)
            {
                _timers.Add(id, timer);
            }
        });
    }

    /// <summary>Adds a newly scheduled Lambda task.</summary>
    /// <param name="lambda">The task.</param>
    public void AddLambdaFunction(LambdaFunctionState lambda)
    {
        if (!IsOpen)
        {
            throw Illegal(nameof(AddLambdaFunction));
        }

        _lambdaFunctions.Add(lambda.Id, lambda);
        Undo.Record(() => _lambdaFunctions.Remove(lambda.Id));
    }

    /// <summary>Forgets a Lambda task that has its outcome, or whose run closed.</summary>
    /// <param name="lambda">The task.</param>
    public void RemoveLambdaFunction(LambdaFunctionState lambda)
    {
        if (_lambdaFunctions.TryGetValue(lambda.Id, out var current) && ReferenceEquals(current, lambda))
        {
            _lambdaFunctions.Remove(lambda.Id);
            Undo.Record(() => _lambdaFunctions.Add(lambda.Id, lambda));
        }
    }

    /// <summary>Adds an initiated child.</summary>
    /// <param name="child">The child.</param>
    public void AddChild(ChildExecutionState child)
    {
        if (!IsOpen)
        {
            throw Illegal(nameof(AddChild));
        }

        _children.Add(child.InitiatedEventId, child);
        Undo.Record(() => _children.Remove(child.InitiatedEventId));
    }

    /// <summary>Forgets a child that closed or failed to start.</summary>
    /// <param name="child">The child.</param>
    public void RemoveChild(ChildExecutionState child)
    {
        if (_children.Remove(child.InitiatedEventId, out var removed))
        {
            Undo.Record(() => _children.Add(removed.InitiatedEventId, removed));
        }
    }

    /// <summary>Hands over the open children of the closed run, to apply its child policy to them, and forgets them.</summary>
    /// <returns>The children.</returns>
    public List<ChildExecutionState> ReleaseChildren()
    {
        if (IsOpen)
        {
            throw Illegal(nameof(ReleaseChildren));
        }

        var children = _children.Values.ToList();
        _children.Clear();
        Undo.Record(() =>
        {
            foreach (var child in children)
            {
                _children.Add(child.InitiatedEventId, child);
            }
        });
        return children;
    }

    /// <summary>
    /// Restores, from a snapshot, the history of a run just added to its domain (before its tasks,
    /// timers and children are restored, which refer to it).
    /// </summary>
    /// <param name="events">The history's events, oldest first, numbered from 1.</param>
    public void RestoreHistory(IEnumerable<HistoryEvent> events)
    {
        if (!IsOpen || _history.Count > 0 || _unreadHistory is not null || DecisionTask is not null)
        {
            throw Illegal(nameof(RestoreHistory));
        }

        _history.AddRange(events);
        CheckNumbering(_history);
    }

    /// <summary>
    /// Restores, from a snapshot, the history of a closed run just added to its domain, as the snapshot's JSON:
    /// it is parsed (and its numbering checked) when it is first read. The run is closed right after.
    /// </summary>
    /// <param name="json">The history's JSON array (<see cref="Journal.SnapshotHistory.Json"/>), never changed afterwards.</param>
    public void RestoreUnreadHistory(ReadOnlyMemory<byte> json)
    {
        if (!IsOpen || _history.Count > 0 || _unreadHistory is not null || DecisionTask is not null)
        {
            throw Illegal(nameof(RestoreUnreadHistory));
        }

        _unreadHistory = json;
    }

    /// <summary>
    /// Restores, from a snapshot, what the run's decision tasks left behind (the values
    /// <see cref="CompleteDecisionTask"/> and <see cref="NoteEventForDecider"/> keep), after its
    /// decision task and activities are restored, and before a closed run is closed again.
    /// </summary>
    /// <param name="previousStartedEventId">The started event of the last completed decision task.</param>
    /// <param name="latestExecutionContext">The last execution context a decider sent.</param>
    /// <param name="latestActivityTaskTimestamp">When the run's latest activity task was scheduled.</param>
    /// <param name="eventsSinceDecisionTaskStarted">Whether events arrived while the started decision task was out.</param>
    /// <param name="taskListOverride">The task list override, if any.</param>
    /// <param name="taskListOverrideScheduleToStart">The override's schedule-to-start timeout, if any.</param>
    public void RestoreProgress(
        long previousStartedEventId,
        string? latestExecutionContext,
        DateTime? latestActivityTaskTimestamp,
        bool eventsSinceDecisionTaskStarted,
        string? taskListOverride,
        TimeSpan? taskListOverrideScheduleToStart)
    {
        if (!IsOpen || ApplyingDecisions)
        {
            throw Illegal(nameof(RestoreProgress));
        }

        Remember();
        _f.PreviousStartedEventId = previousStartedEventId;
        _f.LatestExecutionContext = latestExecutionContext;
        _f.LatestActivityTaskTimestamp = latestActivityTaskTimestamp;
        _f.EventsSinceDecisionTaskStarted = eventsSinceDecisionTaskStarted;
        _f.TaskListOverride = taskListOverride;
        _f.TaskListOverrideScheduleToStart = taskListOverrideScheduleToStart;
    }

    private UndoLog Undo => Domain.Undo;

    /// <summary>Records the run's fields before a transition changes them.</summary>
    private void Remember()
    {
        var saved = _f;
        Undo.Record(() => _f = saved);
    }

    private InvalidOperationException Illegal(string transition) =>
        IllegalTransition.Create($"run {RunId} of workflow {WorkflowId}", transition, Phase);

    private void CheckNumbering(List<HistoryEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].EventId != i + 1)
            {
                throw new InvalidOperationException($"The snapshot's history of run {RunId} is not numbered from 1 without gaps.");
            }
        }
    }

    /// <summary>What the run's transitions change, besides its history and its collections of open work.</summary>
    private struct Fields
    {
        public ExecutionPhase Phase;
        public DateTime? CloseTimestamp;
        public CloseStatus? CloseStatus;
        public bool CancelRequested;
        public DateTime? LatestActivityTaskTimestamp;
        public string? LatestExecutionContext;
        public DecisionTaskState? DecisionTask;
        public long PreviousStartedEventId;
        public bool EventsSinceDecisionTaskStarted;
        public bool ApplyingDecisions;
        public bool NeedsDecisionAfterBatch;
        public string? TaskListOverride;
        public TimeSpan? TaskListOverrideScheduleToStart;
        public ScheduledAction? ExecutionTimeout;
    }
}
