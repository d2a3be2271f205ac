using System.Globalization;
using Swf.Exceptions;
using Swf.Model;
using Swf.Workflows;

namespace Swf.Worker;

/// <content>The workflow API: each call becomes a decision, and later a result from history.</content>
internal sealed partial class WorkflowInstance
{
    private const string SideEffectMarkerPrefix = "SideEffect:";
    private const string VersionMarkerPrefix = "Version:";

    private readonly Dictionary<string, PendingActivity> _activities = new(StringComparer.Ordinal);
    private readonly Dictionary<long, PendingActivity> _activitiesByScheduledId = [];
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _conditions = [];

    // Made on first use: a run holds them for its whole life in the worker's cache, most runs never need some of them,
    // and an empty dictionary is 80 bytes of the 4 KB a cached run may hold.
    private Dictionary<string, PendingTimer>? _timers;
    private Dictionary<long, PendingChild>? _children;
    private Dictionary<long, TaskCompletionSource>? _externals;
    private Dictionary<string, int>? _versions;
    private int _activitySequence;
    private int _timerSequence;
    private int _childSequence;
    private int _sideEffectSequence;

    public string NextActivityId()
    {
        ThrowIfInQuery("schedule an activity");
        return (++_activitySequence).ToString(CultureInfo.InvariantCulture);
    }

    public Task<string?> ScheduleActivityAsync(ActivityType activityType, string activityId, string? input, ActivityOptions options, CancellationToken cancellationToken)
    {
        ThrowIfInQuery("schedule an activity");
        if (_activities.ContainsKey(activityId))
        {
            throw new InvalidWorkflowOperationException($"Activity id {activityId} is already used by an open activity of this workflow.");
        }

        var activity = new PendingActivity(activityType, activityId, cancellationToken);
        var command = new WorkflowCommand(
            new Decision
            {
                DecisionType = DecisionType.ScheduleActivityTask,
                ScheduleActivityTaskDecisionAttributes = new()
                {
                    ActivityType = new ActivityType { Name = activityType.Name, Version = activityType.Version },
                    ActivityId = activityId,
                    Input = input,
                    TaskList = options.TaskList is null ? null : new TaskList { Name = options.TaskList },
                    ScheduleToStartTimeout = SwfDuration.ToWire(options.ScheduleToStartTimeout),
                    ScheduleToCloseTimeout = SwfDuration.ToWire(options.ScheduleToCloseTimeout),
                    StartToCloseTimeout = SwfDuration.ToWire(options.StartToCloseTimeout),
                    HeartbeatTimeout = SwfDuration.ToWire(options.HeartbeatTimeout),
                    TaskPriority = options.TaskPriority?.ToString(CultureInfo.InvariantCulture),
                },
            },
            e =>
            {
                if (e.ActivityTaskScheduledEventAttributes is not null)
                {
                    activity.ScheduledEventId = e.EventId;
                    _activitiesByScheduledId[e.EventId] = activity;
                }
                else
                {
                    _activities.Remove(activityId);
                    activity.Result.TrySetException(new ActivityScheduleFailedException(activityType, activityId, e.ScheduleActivityTaskFailedEventAttributes!.Cause));
                }
            });
        activity.Command = command;
        _activities[activityId] = activity;
        _pending.Add(command);
        if (cancellationToken.CanBeCanceled)
        {
            activity.CancellationRegistration = cancellationToken.Register(() => CancelActivity(activity));
        }

        return activity.Result.Task;
    }

    private void CancelActivity(PendingActivity activity)
    {
        if (!OnDrivingThread)
        {
            OnForeignThread("a CancellationToken of an activity was cancelled from another thread (CancellationTokenSource.CancelAsync or CancelAfter)");
            return;
        }

        ThrowIfInQuery("cancel an activity");

        if (activity.Result.Task.IsCompleted || activity.CancelRequested)
        {
            return;
        }

        activity.CancelRequested = true;
        if (activity.Command is { } command && _pending.Contains(command))
        {
            // Not sent yet: withdraw it; SWF never hears of the activity.
            command.Withdrawn = true;
            _activities.Remove(activity.ActivityId);
            activity.Result.TrySetException(new ActivityCanceledException(activity.ActivityType, activity.ActivityId, null, activity.Token));
            return;
        }

        _pending.Add(new WorkflowCommand(new Decision
        {
            DecisionType = DecisionType.RequestCancelActivityTask,
            RequestCancelActivityTaskDecisionAttributes = new() { ActivityId = activity.ActivityId },
        }));
    }

    private PendingActivity? ActivityByScheduledId(long scheduledEventId)
    {
        if (!_activitiesByScheduledId.Remove(scheduledEventId, out var activity))
        {
            return null;
        }

        _activities.Remove(activity.ActivityId);
        activity.CancellationRegistration.Dispose();
        return activity;
    }

    public Task DelayAsync(TimeSpan delay, string? timerId, CancellationToken cancellationToken)
    {
        ThrowIfInQuery("start a timer");
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "A workflow timer cannot have a negative delay.");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // Canceled before it started: no timer at all, and the same TaskCanceledException as a canceled one.
            return Task.FromCanceled(cancellationToken);
        }

        if (timerId is not null && _timers?.ContainsKey(timerId) == true)
        {
            throw new InvalidWorkflowOperationException($"Timer id {timerId} is already used by an open timer of this workflow.");
        }

        // A named timer takes no number, so adding one leaves the ids of the others as they were.
        timerId ??= "t" + (++_timerSequence).ToString(CultureInfo.InvariantCulture);
        var timer = new PendingTimer();
        var command = new WorkflowCommand(
            new Decision
            {
                DecisionType = DecisionType.StartTimer,
                StartTimerDecisionAttributes = new()
                {
                    TimerId = timerId,
                    StartToFireTimeout = SwfDuration.ToWire(delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay),
                },
            },
            e =>
            {
                if (e.StartTimerFailedEventAttributes is { } failed && _timers?.Remove(timerId) == true)
                {
                    timer.CancellationRegistration.Dispose();
                    timer.Fired.TrySetException(new InvalidWorkflowOperationException($"SWF refused to start timer {timerId}: {failed.Cause}."));
                }
            });
        (_timers ??= new(StringComparer.Ordinal))[timerId] = timer;
        _pending.Add(command);
        if (cancellationToken.CanBeCanceled)
        {
            timer.CancellationRegistration = cancellationToken.Register(() => CancelTimer(timerId, command, timer, cancellationToken));
        }

        return timer.Fired.Task;
    }

    private void CancelTimer(string timerId, WorkflowCommand start, PendingTimer timer, CancellationToken cancellationToken)
    {
        if (!OnDrivingThread)
        {
            OnForeignThread("a CancellationToken of a timer was cancelled from another thread (CancellationTokenSource.CancelAsync or CancelAfter)");
            return;
        }

        ThrowIfInQuery("cancel a timer");

        if (_timers?.Remove(timerId) != true)
        {
            return;
        }

        if (_pending.Contains(start))
        {
            start.Withdrawn = true;
        }
        else
        {
            _pending.Add(new WorkflowCommand(new Decision
            {
                DecisionType = DecisionType.CancelTimer,
                CancelTimerDecisionAttributes = new() { TimerId = timerId },
            }));
        }

        timer.Fired.TrySetCanceled(cancellationToken);
    }

    private void FireTimer(string timerId)
    {
        if (_timers is not null && _timers.Remove(timerId, out var timer))
        {
            timer.CancellationRegistration.Dispose();
            timer.Fired.TrySetResult();
        }
    }

    public async Task<bool> WaitConditionAsync(Func<bool> condition, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ThrowIfInQuery("wait for a condition");
        if (condition())
        {
            return true;
        }

        var done = new TaskCompletionSource();
        var waiter = (condition, done);
        _conditions.Add(waiter);
        using var registration = cancellationToken.Register(() =>
        {
            if (!OnDrivingThread)
            {
                OnForeignThread("a CancellationToken of a condition wait was cancelled from another thread (CancellationTokenSource.CancelAsync or CancelAfter)");
                return;
            }

            _conditions.Remove(waiter);
            done.TrySetCanceled(cancellationToken);
        });
        if (timeout is null)
        {
            await done.Task;
            return true;
        }

        using var timerCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Through the outbound chain, as the workflow's own timers: interceptors see the timeout's timer too.
        var timer = ((IWorkflowContext)this).DelayAsync(timeout.Value, null, timerCancellation.Token);
        var first = await Task.WhenAny(done.Task, timer);
        if (first == done.Task)
        {
            // Cancel synchronously: CancelAsync would run the timer's cancellation on another thread.
#pragma warning disable CA1849
            timerCancellation.Cancel();
#pragma warning restore CA1849
            await done.Task;
            return true;
        }

        _conditions.Remove(waiter);
        await timer;

        // The timer fired, but a signal handled in the same decision task may have made the condition
        // true before this code resumed: the condition wins.
        return condition();
    }

    /// <summary>Completes the waits whose condition now holds; returns whether any did.</summary>
    private bool CheckConditions()
    {
        var any = false;
        for (var i = 0; i < _conditions.Count; i++)
        {
            var (condition, done) = _conditions[i];
            if (condition())
            {
                _conditions.RemoveAt(i--);
                done.TrySetResult();
                any = true;
            }
        }

        return any;
    }

    public Task<string?> ExecuteChildWorkflowAsync(WorkflowType workflowType, string? input, ChildWorkflowOptions options, CancellationToken cancellationToken) =>
        StartChild(workflowType, input, options, cancellationToken).Result.Task;

    public Task<ChildWorkflowHandle> StartChildWorkflowAsync(WorkflowType workflowType, string? input, ChildWorkflowOptions options, CancellationToken cancellationToken) =>
        StartChild(workflowType, input, options, cancellationToken).Started.Task;

    private PendingChild StartChild(WorkflowType workflowType, string? input, ChildWorkflowOptions options, CancellationToken cancellationToken)
    {
        ThrowIfInQuery("start a child workflow");
        var workflowId = options.WorkflowId ?? $"{WorkflowId}-child-{++_childSequence}";
        var child = new PendingChild(workflowType, workflowId, cancellationToken);
        var command = new WorkflowCommand(
            new Decision
            {
                DecisionType = DecisionType.StartChildWorkflowExecution,
                StartChildWorkflowExecutionDecisionAttributes = new()
                {
                    WorkflowType = new WorkflowType { Name = workflowType.Name, Version = workflowType.Version },
                    WorkflowId = workflowId,
                    Input = input,
                    TaskList = options.TaskList is null ? null : new TaskList { Name = options.TaskList },
                    ExecutionStartToCloseTimeout = SwfDuration.ToWire(options.ExecutionStartToCloseTimeout),
                    TaskStartToCloseTimeout = SwfDuration.ToWire(options.TaskStartToCloseTimeout),
                    ChildPolicy = options.ChildPolicy,
                    TaskPriority = options.TaskPriority?.ToString(CultureInfo.InvariantCulture),
                    TagList = options.Tags.Count > 0 ? [.. options.Tags] : null,
                },
            },
            e =>
            {
                if (e.StartChildWorkflowExecutionInitiatedEventAttributes is not null)
                {
                    (_children ??= [])[e.EventId] = child;
                }
                else
                {
                    child.CancellationRegistration.Dispose();
                    child.Fail(new ChildWorkflowStartFailedException(workflowType, workflowId, e.StartChildWorkflowExecutionFailedEventAttributes!.Cause));
                }
            });
        _pending.Add(command);
        if (cancellationToken.CanBeCanceled)
        {
            child.CancellationRegistration = cancellationToken.Register(() => CancelChild(child, command));
        }

        return child;
    }

    private void CancelChild(PendingChild child, WorkflowCommand start)
    {
        if (!OnDrivingThread)
        {
            OnForeignThread("a CancellationToken of a child workflow was cancelled from another thread (CancellationTokenSource.CancelAsync or CancelAfter)");
            return;
        }

        if (child.Result.Task.IsCompleted || child.CancelRequested)
        {
            return;
        }

        ThrowIfInQuery("cancel a child workflow");
        child.CancelRequested = true;
        if (_pending.Contains(start))
        {
            // Not sent yet: withdraw it; SWF never hears of the child.
            start.Withdrawn = true;
            child.Fail(new ChildWorkflowCanceledException(child.WorkflowType, child.WorkflowId, null, null, child.Token));
            return;
        }

        // The child decides how it ends (it may finish its work first); the parent waits for that outcome.
        AddExternal(
            new Decision
            {
                DecisionType = DecisionType.RequestCancelExternalWorkflowExecution,
                RequestCancelExternalWorkflowExecutionDecisionAttributes = new() { WorkflowId = child.WorkflowId, RunId = child.RunId },
            },
            child.WorkflowId,
            done: null);
    }

    private void OnChildStarted(long initiatedEventId, string runId)
    {
        if (_children is not null && _children.TryGetValue(initiatedEventId, out var child))
        {
            child.RunId = runId;
            child.Started.TrySetResult(new ChildWorkflowHandle(child.WorkflowType, child.WorkflowId, runId, child.Result.Task));
        }
    }

    private void CompleteChild(long initiatedEventId, Action<PendingChild> complete)
    {
        if (_children is not null && _children.Remove(initiatedEventId, out var child))
        {
            child.CancellationRegistration.Dispose();
            complete(child);
        }
    }

    private void FailChild(long initiatedEventId, EventType outcome, string? reason, string? details) =>
        CompleteChild(initiatedEventId, c => c.Result.TrySetException(new ChildWorkflowException(c.WorkflowType, c.WorkflowId, outcome, reason, details)));

    private void CancelChildCompleted(long initiatedEventId, string? details) =>
        CompleteChild(initiatedEventId, c => c.Result.TrySetException(
            new ChildWorkflowCanceledException(c.WorkflowType, c.WorkflowId, c.RunId, details, c.CancelRequested ? c.Token : default)));

    public Task SignalExternalWorkflowAsync(string workflowId, string? runId, string signalName, string? input)
    {
        ThrowIfInQuery("signal another workflow");
        return External(
            new Decision
            {
                DecisionType = DecisionType.SignalExternalWorkflowExecution,
                SignalExternalWorkflowExecutionDecisionAttributes = new() { WorkflowId = workflowId, RunId = runId, SignalName = signalName, Input = input },
            },
            workflowId);
    }

    public Task RequestCancelExternalWorkflowAsync(string workflowId, string? runId)
    {
        ThrowIfInQuery("ask another workflow to cancel");
        return External(
            new Decision
            {
                DecisionType = DecisionType.RequestCancelExternalWorkflowExecution,
                RequestCancelExternalWorkflowExecutionDecisionAttributes = new() { WorkflowId = workflowId, RunId = runId },
            },
            workflowId);
    }

    private Task External(Decision decision, string workflowId)
    {
        var done = new TaskCompletionSource();
        AddExternal(decision, workflowId, done);
        return done.Task;
    }

    /// <summary>Adds a decision about another execution; <paramref name="done"/>, if any, gets its outcome.</summary>
    private void AddExternal(Decision decision, string workflowId, TaskCompletionSource? done) =>
        _pending.Add(new WorkflowCommand(decision, e =>
        {
            if (e.SignalExternalWorkflowExecutionInitiatedEventAttributes is not null || e.RequestCancelExternalWorkflowExecutionInitiatedEventAttributes is not null)
            {
                if (done is not null)
                {
                    (_externals ??= [])[e.EventId] = done;
                }
            }
            else
            {
                var cause = e.SignalExternalWorkflowExecutionFailedEventAttributes?.Cause.Value
                    ?? e.RequestCancelExternalWorkflowExecutionFailedEventAttributes?.Cause.Value ?? "unknown";
                done?.TrySetException(new ExternalWorkflowException(workflowId, cause));
            }
        }));

    private void CompleteExternal(long initiatedEventId, Exception? failure)
    {
        if (_externals is not null && _externals.Remove(initiatedEventId, out var done))
        {
            if (failure is null)
            {
                done.TrySetResult();
            }
            else
            {
                done.TrySetException(failure);
            }
        }
    }

    public string? SideEffect(Func<string?> effect)
    {
        ThrowIfInQuery("run a side effect");
        var markerName = SideEffectMarkerPrefix + (++_sideEffectSequence).ToString(CultureInfo.InvariantCulture);
        string? value;
        if (_recordedMarkers is not null && _recordedMarkers.TryGetValue(markerName, out var recorded))
        {
            value = recorded;
        }
        else if (IsReplaying)
        {
            throw new NonDeterministicWorkflowException(_lastEventId, "no side-effect marker " + markerName, "ran a side effect that the original run did not");
        }
        else
        {
            value = effect();
            PayloadTooLargeException.ThrowIfTooLarge(value, "SideEffect result");
            (_recordedMarkers ??= new(StringComparer.Ordinal))[markerName] = value;
        }

        RecordMarker(markerName, value);
        return value;
    }

    public int GetVersion(string changeId, int minSupported, int maxSupported)
    {
        ThrowIfInQuery("call GetVersion");
        if (_versions is not null && _versions.TryGetValue(changeId, out var known))
        {
            return known;
        }

        var markerName = VersionMarkerPrefix + changeId;
        int version;
        if (_recordedMarkers is not null && _recordedMarkers.TryGetValue(markerName, out var recorded))
        {
            // The marker is in history, so the code must decide it again for replay to match it there.
            version = int.Parse(recorded ?? "0", CultureInfo.InvariantCulture);
            RecordMarker(markerName, recorded);
        }
        else if (IsReplaying)
        {
            version = Workflow.DefaultVersion;
        }
        else
        {
            version = maxSupported;
            RecordMarker(markerName, version.ToString(CultureInfo.InvariantCulture));
        }

        if (version < minSupported || version > maxSupported)
        {
            var outside = new InvalidWorkflowOperationException(
                $"Version {version} of change '{changeId}' recorded in history is outside the range this code supports ({minSupported} to {maxSupported}).");
            lock (_gate)
            {
                _fatal ??= outside;
            }

            throw outside;
        }

        (_versions ??= new(StringComparer.Ordinal))[changeId] = version;
        return version;
    }

    public void RecordMarker(string markerName, string? details)
    {
        ThrowIfInQuery("record a marker");
        _pending.Add(new WorkflowCommand(new Decision
        {
            DecisionType = DecisionType.RecordMarker,
            RecordMarkerDecisionAttributes = new() { MarkerName = markerName, Details = details },
        }));
    }

    private sealed class PendingActivity(ActivityType activityType, string activityId, CancellationToken token)
    {
        public ActivityType ActivityType { get; } = activityType;

        public string ActivityId { get; } = activityId;

        /// <summary>Gets the token that cancels the activity.</summary>
        public CancellationToken Token { get; } = token;

        public TaskCompletionSource<string?> Result { get; } = new();

        public WorkflowCommand? Command { get; set; }

        public long ScheduledEventId { get; set; }

        public bool CancelRequested { get; set; }

        public CancellationTokenRegistration CancellationRegistration { get; set; }

        public void Complete(string? result) => Result.TrySetResult(result);

        public void Fail(Func<PendingActivity, Exception> failure) => Result.TrySetException(failure(this));
    }

    private sealed class PendingTimer
    {
        public TaskCompletionSource Fired { get; } = new();

        public CancellationTokenRegistration CancellationRegistration { get; set; }
    }

    private sealed class PendingChild(WorkflowType workflowType, string workflowId, CancellationToken token)
    {
        public WorkflowType WorkflowType { get; } = workflowType;

        public string WorkflowId { get; } = workflowId;

        /// <summary>Gets the token that requests the child's cancellation.</summary>
        public CancellationToken Token { get; } = token;

        public string? RunId { get; set; }

        public bool CancelRequested { get; set; }

        public CancellationTokenRegistration CancellationRegistration { get; set; }

        public TaskCompletionSource<string?> Result { get; } = new();

        /// <summary>Gets the start: a handle once SWF started the child (<see cref="Workflow.StartChildWorkflowAsync"/> waits on it).</summary>
        public TaskCompletionSource<ChildWorkflowHandle> Started { get; } = new();

        /// <summary>Ends both the start and the result with <paramref name="failure"/> (the child never ran).</summary>
        public void Fail(Exception failure)
        {
            if (Started.TrySetException(failure))
            {
                // Only StartChildWorkflowAsync awaits the start; ExecuteChildWorkflowAsync sees the same failure in the result.
                _ = Started.Task.Exception;
            }

            Result.TrySetException(failure);
        }
    }
}
