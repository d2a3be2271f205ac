using Swf.LocalEngine.Journal;
using Swf.LocalEngine.State;
using Swf.Model;

namespace Swf.LocalEngine;

/// <content>
/// Snapshots: the engine's whole state at a journal position, so that a store can drop the journal up
/// to it. Capturing copies the state under the lock into a <see cref="SnapshotDocument"/> (history
/// events are shared, not copied: they never change once recorded); restoring rebuilds the same
/// objects, in the same states, with every timer and timeout at its due time and sequence number.
/// A closed run's history is the exception: it stays the snapshot's JSON until it is read
/// (<see cref="SnapshotHistory"/>), since parsing every retained run's events was most of the load's cost.
/// </content>
public sealed partial class LocalSwfEngine
{
    private long _journalPosition;

    /// <summary>
    /// Gets the number of entries the engine has handed to its journal, counting from the start of the
    /// journal: the entries (and the snapshot) it was restored from included. A snapshot taken now
    /// has this <see cref="EngineSnapshot.JournalPosition"/>.
    /// </summary>
    public long JournalPosition
    {
        get
        {
            lock (_lock)
            {
                return _journalPosition;
            }
        }
    }

    /// <summary>
    /// Creates an engine from a snapshot and the journal entries after it: loads the snapshot's state,
    /// replays <paramref name="entries"/> as <see cref="Restore(LocalSwfEngineOptions, IEnumerable{JournalEntry}, Func{JournalReplayFailure, bool})"/>
    /// does, then runs what fell due since, each as of its own due time, and starts the clock.
    /// </summary>
    /// <param name="options">The engine's settings (those the snapshot and the journal were written with).</param>
    /// <param name="snapshot">The snapshot, or null to replay the journal from its start.</param>
    /// <param name="entries">The journal's entries after <see cref="EngineSnapshot.JournalPosition"/>, oldest first.</param>
    /// <param name="skipEntry">
    /// Decides about an entry that does not replay: true skips it and goes on, false stops the restore.
    /// Null (the default) stops at the first such entry.
    /// </param>
    /// <returns>The restored engine.</returns>
    /// <exception cref="InvalidDataException">The snapshot does not load, or an entry does not replay (and is not skipped), on this engine.</exception>
    public static LocalSwfEngine Restore(LocalSwfEngineOptions options, EngineSnapshot? snapshot, IEnumerable<JournalEntry> entries, Func<JournalReplayFailure, bool>? skipEntry = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(options);
        if (options.LambdaFunctions.Count > 0)
        {
            throw new ArgumentException("An engine with Lambda functions cannot be restored from a journal: the journal's Lambda decisions were recorded without them.", nameof(options));
        }

        var engine = new LocalSwfEngine(options);
        try
        {
            if (snapshot is not null)
            {
                engine.LoadSnapshot(snapshot.Document);
            }

            engine.ReplayJournal(entries, skipEntry);
            return engine;
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Captures the engine's whole state now (see <see cref="EngineSnapshot"/>), at
    /// <see cref="JournalPosition"/>. Closed runs past their domain's retention period are purged
    /// first, so they are not in it.
    /// </summary>
    /// <returns>The snapshot; write it with <see cref="EngineSnapshot.WriteTo"/>, outside any engine call.</returns>
    /// <exception cref="InvalidOperationException">Called from inside an engine call (such as a journal's <see cref="IEngineJournal.Append"/>).</exception>
    public EngineSnapshot CaptureSnapshot()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (InCall)
            {
                throw new InvalidOperationException("A snapshot cannot be taken from inside an engine call: the call's changes are half made.");
            }

            foreach (var domain in _domains.Values)
            {
                PurgeExpired(domain);
            }

            return new EngineSnapshot(new SnapshotDocument
            {
                Format = SnapshotDocument.CurrentFormat,
                JournalPosition = _journalPosition,
                TakenAtTicks = _time.GetUtcNow().UtcTicks,
                Sequence = _sequence,
                TokenCounter = _tokenCounter,
                Domains = [.. _domains.Values.Select(CaptureDomain)],
            });
        }
    }

    private static SnapshotDocument.DomainRecord CaptureDomain(DomainState domain) => new()
    {
        Name = domain.Name,
        Description = domain.Description,
        RetentionPeriodInDays = domain.RetentionPeriodInDays,
        Deprecated = domain.IsDeprecated,
        Tags = [.. domain.Tags.Select(t => new SnapshotDocument.TagRecord { Key = t.Key, Value = t.Value })],
        WorkflowTypes = [.. domain.WorkflowTypes.Values.Select(t => new SnapshotDocument.WorkflowTypeRecord
        {
            Name = t.Key.Name,
            Version = t.Key.Version,
            Description = t.Description,
            CreationTicks = t.CreationDate.Ticks,
            DeprecationTicks = t.DeprecationDate?.Ticks,
            DefaultTaskStartToCloseTimeout = t.DefaultTaskStartToCloseTimeout,
            DefaultExecutionStartToCloseTimeout = t.DefaultExecutionStartToCloseTimeout,
            DefaultTaskList = t.DefaultTaskList,
            DefaultTaskPriority = t.DefaultTaskPriority,
            DefaultChildPolicy = t.DefaultChildPolicy?.Value,
            DefaultLambdaRole = t.DefaultLambdaRole,
        })],
        ActivityTypes = [.. domain.ActivityTypes.Values.Select(t => new SnapshotDocument.ActivityTypeRecord
        {
            Name = t.Key.Name,
            Version = t.Key.Version,
            Description = t.Description,
            CreationTicks = t.CreationDate.Ticks,
            DeprecationTicks = t.DeprecationDate?.Ticks,
            DefaultTaskStartToCloseTimeout = t.DefaultTaskStartToCloseTimeout,
            DefaultTaskHeartbeatTimeout = t.DefaultTaskHeartbeatTimeout,
            DefaultTaskList = t.DefaultTaskList,
            DefaultTaskPriority = t.DefaultTaskPriority,
            DefaultTaskScheduleToStartTimeout = t.DefaultTaskScheduleToStartTimeout,
            DefaultTaskScheduleToCloseTimeout = t.DefaultTaskScheduleToCloseTimeout,
        })],

        // Closed runs first: restoring adds each run as open and closes the closed ones, and a workflow
        // id may have one open run besides any number of closed ones. Within each, runs (and below,
        // activities and timers) come in the order they started, not in their dictionaries' order,
        // which depends on what was removed before: two engines in the same state write the same snapshot.
        Executions = [.. domain.Executions.Values.OrderBy(e => e.IsOpen).ThenBy(e => e.Sequence).Select(CaptureExecution)],
    };

    private static SnapshotDocument.ExecutionRecord CaptureExecution(ExecutionState execution)
    {
        if (execution.ApplyingDecisions || execution.NeedsDecisionAfterBatch)
        {
            throw new InvalidOperationException($"Engine bug: run {execution.RunId} is applying decisions outside an engine call.");
        }

        return new SnapshotDocument.ExecutionRecord
        {
            WorkflowId = execution.WorkflowId,
            RunId = execution.RunId,
            TypeName = execution.WorkflowType.Name,
            TypeVersion = execution.WorkflowType.Version,
            TaskList = execution.Settings.TaskList,
            TaskPriority = execution.Settings.TaskPriority,
            ExecutionStartToCloseTimeout = execution.Settings.ExecutionStartToCloseTimeout,
            TaskStartToCloseTimeout = execution.Settings.TaskStartToCloseTimeout,
            ChildPolicy = execution.Settings.ChildPolicy.Value,
            LambdaRole = execution.Settings.LambdaRole,
            TagList = [.. execution.TagList],
            StartTicks = execution.StartTimestamp.Ticks,
            Sequence = execution.Sequence,
            ParentWorkflowId = execution.Parent?.WorkflowId,
            ParentRunId = execution.Parent?.RunId,
            ParentInitiatedEventId = execution.ParentInitiatedEventId,
            CloseStatus = execution.CloseStatus?.Value,
            CloseTicks = execution.CloseTimestamp?.Ticks,
            CancelRequested = execution.CancelRequested,
            History = execution.UnreadHistory is { } unread ? SnapshotHistory.OfJson(unread) : SnapshotHistory.Of([.. execution.History]),
            LatestActivityTaskTicks = execution.LatestActivityTaskTimestamp?.Ticks,
            LatestExecutionContext = execution.LatestExecutionContext,
            PreviousStartedEventId = execution.PreviousStartedEventId,
            EventsSinceDecisionTaskStarted = execution.EventsSinceDecisionTaskStarted,
            TaskListOverride = execution.TaskListOverride,
            TaskListOverrideScheduleToStartTicks = execution.TaskListOverrideScheduleToStart?.Ticks,
            ExecutionTimeout = CaptureDue(execution.ExecutionTimeout),
            DecisionTask = execution.DecisionTask is { } task ? new SnapshotDocument.DecisionTaskRecord
            {
                TaskList = task.TaskList,
                Priority = task.Priority,
                Sequence = task.Sequence,
                ScheduledEventId = task.ScheduledEventId,
                ScheduleToStartTimeoutTicks = task.ScheduleToStartTimeout?.Ticks,
                StartedEventId = task.StartedEventId,
                Token = task.Token,
                Timeout = CaptureDue(task.Timeout),
            }
            : null,
            Activities = execution.Activities.Count == 0 ? null : [.. execution.Activities.Values.OrderBy(a => a.Sequence).Select(a => new SnapshotDocument.ActivityRecord
            {
                TaskList = a.TaskList,
                Priority = a.Priority,
                Sequence = a.Sequence,
                ActivityId = a.ActivityId,
                TypeName = a.ActivityType.Name,
                TypeVersion = a.ActivityType.Version,
                ScheduledEventId = a.ScheduledEventId,
                Input = a.Input,
                ScheduleToStartTicks = a.ScheduleToStartTimeout?.Ticks,
                ScheduleToCloseTicks = a.ScheduleToCloseTimeout?.Ticks,
                StartToCloseTicks = a.StartToCloseTimeout?.Ticks,
                HeartbeatTicks = a.HeartbeatTimeout?.Ticks,
                StartedEventId = a.StartedEventId,
                Token = a.Token,
                CancelRequested = a.CancelRequested,
                LatestCancelRequestedEventId = a.LatestCancelRequestedEventId,
                HeartbeatDetails = a.HeartbeatDetails,
                Timeouts = [.. a.Timeouts.OrderBy(t => t.Key.Value, StringComparer.Ordinal).Select(t => new SnapshotDocument.ActivityTimeoutRecord { Type = t.Key.Value, Due = CaptureDue(t.Value)! })],
            })],
            Timers = execution.Timers.Count == 0 ? null : [.. execution.Timers.Values.OrderBy(t => t.StartedEventId).Select(t => new SnapshotDocument.TimerRecord
            {
                TimerId = t.TimerId,
                StartedEventId = t.StartedEventId,
                Firing = CaptureDue(t.Firing) ?? throw new InvalidOperationException($"Engine bug: timer {t.TimerId} of run {execution.RunId} is not armed."),
            })],
            Children = execution.Children.Count == 0 ? null : [.. execution.Children.Values.Select(c => new SnapshotDocument.ChildRecord
            {
                InitiatedEventId = c.InitiatedEventId,
                WorkflowId = c.WorkflowId,
                TypeName = c.WorkflowType.Name,
                TypeVersion = c.WorkflowType.Version,
                RunId = c.Run?.RunId,
                StartedEventId = c.StartedEventId,
            })],
        };
    }

    /// <summary>Records a scheduled action that is still pending; a withdrawn one (a closed run's execution timeout, say) is left out.</summary>
    private static SnapshotDocument.DueRecord? CaptureDue(ScheduledAction? action) =>
        action is null || action.IsCancelled ? null : new SnapshotDocument.DueRecord { AtTicks = action.DueAt.UtcTicks, Sequence = action.Sequence };

    /// <summary>Loads a snapshot into this new engine, before any journal entry is replayed.</summary>
    private void LoadSnapshot(SnapshotDocument document)
    {
        lock (_lock)
        {
            if (_domains.Count > 0 || _sequence > 0)
            {
                throw new InvalidOperationException("A snapshot is loaded into a new engine only.");
            }

            try
            {
                foreach (var domain in document.Domains)
                {
                    LoadDomain(domain);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or ArgumentException or FormatException or System.Text.Json.JsonException)
            {
                throw new InvalidDataException($"The snapshot does not load on this engine: {ex.Message}", ex);
            }

            _sequence = document.Sequence;
            _tokenCounter = document.TokenCounter;
            _journalPosition = document.JournalPosition;
        }
    }

    private void LoadDomain(SnapshotDocument.DomainRecord saved)
    {
        var domain = new DomainState { Undo = _undo, Name = saved.Name, Description = saved.Description, RetentionPeriodInDays = saved.RetentionPeriodInDays };
        domain.SetTags(saved.Tags.Select(t => new KeyValuePair<string, string?>(t.Key, t.Value)));
        if (saved.Deprecated)
        {
            domain.Deprecate();
        }

        foreach (var t in saved.WorkflowTypes)
        {
            var type = new WorkflowTypeState
            {
                Undo = _undo,
                Key = new TypeKey(t.Name, t.Version),
                Description = t.Description,
                CreationDate = Utc(t.CreationTicks),
                DefaultTaskStartToCloseTimeout = t.DefaultTaskStartToCloseTimeout,
                DefaultExecutionStartToCloseTimeout = t.DefaultExecutionStartToCloseTimeout,
                DefaultTaskList = t.DefaultTaskList,
                DefaultTaskPriority = t.DefaultTaskPriority,
                DefaultChildPolicy = t.DefaultChildPolicy is null ? null : ChildPolicy.FindValue(t.DefaultChildPolicy),
                DefaultLambdaRole = t.DefaultLambdaRole,
            };
            if (t.DeprecationTicks is { } deprecated)
            {
                type.Deprecate(Utc(deprecated));
            }

            domain.AddWorkflowType(type);
        }

        foreach (var t in saved.ActivityTypes)
        {
            var type = new ActivityTypeState
            {
                Undo = _undo,
                Key = new TypeKey(t.Name, t.Version),
                Description = t.Description,
                CreationDate = Utc(t.CreationTicks),
                DefaultTaskStartToCloseTimeout = t.DefaultTaskStartToCloseTimeout,
                DefaultTaskHeartbeatTimeout = t.DefaultTaskHeartbeatTimeout,
                DefaultTaskList = t.DefaultTaskList,
                DefaultTaskPriority = t.DefaultTaskPriority,
                DefaultTaskScheduleToStartTimeout = t.DefaultTaskScheduleToStartTimeout,
                DefaultTaskScheduleToCloseTimeout = t.DefaultTaskScheduleToCloseTimeout,
            };
            if (t.DeprecationTicks is { } deprecated)
            {
                type.Deprecate(Utc(deprecated));
            }

            domain.AddActivityType(type);
        }

        _domains.Add(domain.Name, domain);
        var loaded = saved.Executions.Select(e => (Saved: e, Run: LoadExecution(domain, e))).ToList();

        // Children point at runs of the same domain, so they are linked once every run is there.
        foreach (var (execution, run) in loaded)
        {
            foreach (var c in execution.Children ?? [])
            {
                var child = new ChildExecutionState { InitiatedEventId = c.InitiatedEventId, WorkflowId = c.WorkflowId, WorkflowType = new TypeKey(c.TypeName, c.TypeVersion), Undo = _undo };
                run.AddChild(child);
                if (c.RunId is not null)
                {
                    var childRun = domain.Executions.TryGetValue(c.RunId, out var found) ? found
                        : throw new InvalidOperationException($"run {run.RunId} has a child run {c.RunId} that is not in its domain.");
                    child.Start(childRun, c.StartedEventId);
                }
            }
        }
    }

    private ExecutionState LoadExecution(DomainState domain, SnapshotDocument.ExecutionRecord saved)
    {
        var execution = new ExecutionState
        {
            Domain = domain,
            WorkflowId = saved.WorkflowId,
            RunId = saved.RunId,
            WorkflowType = new TypeKey(saved.TypeName, saved.TypeVersion),
            Settings = new ExecutionSettings
            {
                TaskList = saved.TaskList,
                TaskPriority = saved.TaskPriority,
                ExecutionStartToCloseTimeout = saved.ExecutionStartToCloseTimeout,
                TaskStartToCloseTimeout = saved.TaskStartToCloseTimeout,
                ChildPolicy = ChildPolicy.FindValue(saved.ChildPolicy),
                LambdaRole = saved.LambdaRole,
            },
            TagList = [.. saved.TagList],
            StartTimestamp = Utc(saved.StartTicks),
            Sequence = saved.Sequence,
            Parent = saved.ParentRunId is null ? null : new WorkflowExecution { WorkflowId = saved.ParentWorkflowId!, RunId = saved.ParentRunId },
            ParentInitiatedEventId = saved.ParentInitiatedEventId,
        };
        domain.AddRun(execution);
        if (saved.CloseStatus is not null && saved.History.Json is { } unread)
        {
            // A closed run's history is parsed when it is read (if ever): see SnapshotHistory.
            execution.RestoreUnreadHistory(unread);
        }
        else
        {
            execution.RestoreHistory(saved.History.ReadEvents());
        }

        foreach (var a in saved.Activities ?? [])
        {
            var activity = new ActivityTaskState
            {
                Execution = execution,
                TaskList = a.TaskList,
                Priority = a.Priority,
                Sequence = a.Sequence,
                ActivityId = a.ActivityId,
                ActivityType = new TypeKey(a.TypeName, a.TypeVersion),
                ScheduledEventId = a.ScheduledEventId,
                Input = a.Input,
                ScheduleToStartTimeout = Span(a.ScheduleToStartTicks),
                ScheduleToCloseTimeout = Span(a.ScheduleToCloseTicks),
                StartToCloseTimeout = Span(a.StartToCloseTicks),
                HeartbeatTimeout = Span(a.HeartbeatTicks),
            };
            execution.AddActivity(activity);
            activity.RestoreProgress(a.Token is not null, a.StartedEventId, a.Token, a.CancelRequested, a.LatestCancelRequestedEventId, a.HeartbeatDetails);
            foreach (var t in a.Timeouts)
            {
                var type = ActivityTaskTimeoutType.FindValue(t.Type);
                activity.ArmTimeout(type, LoadDue(t.Due, () => ActivityTimedOut(activity, type)));
            }

            if (activity.Token is { } token)
            {
                _activityTokens.Add(token, activity);
            }
            else
            {
                domain.ActivityQueue(activity.TaskList).Enqueue(activity);
            }
        }

        if (saved.DecisionTask is { } d)
        {
            var task = new DecisionTaskState
            {
                Execution = execution,
                TaskList = d.TaskList,
                Priority = d.Priority,
                Sequence = d.Sequence,
                ScheduledEventId = d.ScheduledEventId,
                ScheduleToStartTimeout = Span(d.ScheduleToStartTimeoutTicks),
            };
            execution.ScheduleDecisionTask(task);
            if (d.Token is { } token)
            {
                task.RestoreStarted(d.StartedEventId, token);
                _decisionTokens.Add(token, task);
                if (d.Timeout is { } timeout)
                {
                    task.ArmTimeout(LoadDue(timeout, () => DecisionTaskStartToCloseTimedOut(task)));
                }
            }
            else
            {
                if (d.Timeout is { } timeout)
                {
                    task.ArmTimeout(LoadDue(timeout, () => DecisionTaskScheduleToStartTimedOut(task)));
                }

                domain.DecisionQueue(task.TaskList).Enqueue(task);
            }
        }

        foreach (var t in saved.Timers ?? [])
        {
            var timer = new TimerState { TimerId = t.TimerId, StartedEventId = t.StartedEventId, Undo = _undo };
            execution.AddTimer(timer);
            timer.Arm(LoadDue(t.Firing, () => FireTimer(execution, timer)));
        }

        if (saved.ExecutionTimeout is { } executionTimeout)
        {
            execution.ArmExecutionTimeout(LoadDue(executionTimeout, () => TimeOutExecution(execution)));
        }

        execution.RestoreProgress(
            saved.PreviousStartedEventId,
            saved.LatestExecutionContext,
            saved.LatestActivityTaskTicks is { } latest ? Utc(latest) : null,
            saved.EventsSinceDecisionTaskStarted,
            saved.TaskListOverride,
            Span(saved.TaskListOverrideScheduleToStartTicks));
        if (saved.CancelRequested)
        {
            execution.RequestCancel();
        }

        if (saved.CloseStatus is { } closeStatus)
        {
            execution.Close(CloseStatus.FindValue(closeStatus), Utc(saved.CloseTicks ?? throw new InvalidOperationException($"closed run {saved.RunId} has no close time.")));
        }

        return execution;
    }

    /// <summary>Puts a scheduled action back at its due time and sequence number, so that it runs in the same order as before.</summary>
    private ScheduledAction LoadDue(SnapshotDocument.DueRecord due, Action action)
    {
        var scheduled = new ScheduledAction(new DateTimeOffset(due.AtTicks, TimeSpan.Zero), due.Sequence, action, _scheduled, _undo);
        if (!_scheduled.Add(scheduled))
        {
            throw new InvalidOperationException($"two scheduled actions have sequence number {due.Sequence}.");
        }

        return scheduled;
    }

    private static DateTime Utc(long ticks) => new(ticks, DateTimeKind.Utc);

    private static TimeSpan? Span(long? ticks) => ticks is { } t ? TimeSpan.FromTicks(t) : null;
}
