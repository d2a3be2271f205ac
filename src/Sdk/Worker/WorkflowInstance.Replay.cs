using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Swf.Exceptions;
using Swf.Model;
using Swf.Workflows;

namespace Swf.Worker;

/// <content>Applying history: decision batches, matching recorded decisions, delivering results.</content>
internal sealed partial class WorkflowInstance
{
    private readonly List<HistoryEvent> _deferred = [];
    private Dictionary<string, string?>? _recordedMarkers; // made on first use, as the dictionaries of WorkflowInstance.Commands.cs
    private readonly List<Task> _signalHandlers = [];
    private HistoryEvent? _openTaskStarted;
    private long _lastRunStartedEventId;
    private long _lastEventId;
    private long _lastCompletedTaskId;
    private bool _closeIssued;
    private Exception? _continueAsNewRefused;

    /// <summary>Gets the id of the last event this instance applied.</summary>
    public long LastEventId => _lastEventId;

    /// <summary>Gets the id of the <c>DecisionTaskStarted</c> event of the decision task the code last ran for.</summary>
    public long LastRunStartedEventId => _lastRunStartedEventId;

    /// <summary>
    /// Applies new history events and returns the decisions for the decision task that started at
    /// <paramref name="startedEventId"/>. On the first call the events start at event 1; later calls
    /// (a cached instance) pass only the events after <see cref="LastEventId"/>.
    /// </summary>
    /// <param name="events">The events, in id order.</param>
    /// <param name="startedEventId">The id of the decision task's <c>DecisionTaskStarted</c> event, or 0 to replay a closed history to its end.</param>
    /// <returns>The decisions to send.</returns>
    /// <exception cref="NonDeterministicWorkflowException">The code's decisions differ from those history recorded.</exception>
    /// <exception cref="InvalidWorkflowOperationException">The code broke a rule of deterministic execution.</exception>
    public IReadOnlyList<Decision> ProcessEvents(IReadOnlyList<HistoryEvent> events, long startedEventId)
    {
        lock (_gate)
        {
            if (_abandoned)
            {
                throw _fatal!;
            }

            _drivingThread = Environment.CurrentManagedThreadId;
            _driving = true;
        }

        List<Decision> decisions;
        Exception? lateFatal;
        try
        {
            decisions = RunOnScheduler(() => ProcessEventsCore(events, startedEventId));
        }
        finally
        {
            lock (_gate)
            {
                _driving = false;
                lateFatal = _fatal;
            }
        }

        // A foreign continuation that arrived after the code's last step still fails this task: its decisions
        // were made by code that had already left the scheduler. (Read under the same lock that ends driving,
        // so the error is either thrown here or reported by the foreign thread, never both.)
        if (lateFatal is not null)
        {
            ExceptionDispatchInfo.Capture(lateFatal).Throw();
        }

        return decisions;
    }

    private List<Decision> ProcessEventsCore(IReadOnlyList<HistoryEvent> events, long startedEventId)
    {
        ThrowIfFatal();
        IndexMarkers(events);
        foreach (var e in events)
        {
            if (e.EventId <= _lastEventId)
            {
                continue;
            }

            if (_lastEventId != 0 && e.EventId != _lastEventId + 1)
            {
                throw new InvalidOperationException($"History has a gap: event {e.EventId} follows event {_lastEventId}.");
            }

            _lastEventId = e.EventId;
            Apply(e, startedEventId);
        }

        if (startedEventId == 0)
        {
            // A closed history replayed to its end: every decision it recorded must have been matched.
            FlushDeferred();
            CheckAllSent(_lastEventId);
            return [];
        }

        var decisions = RunDecisionTask(startedEventId, replaying: false);
        EvaluateQueries();
        return decisions;
    }

    private void Apply(HistoryEvent e, long currentStartedEventId)
    {
        var type = e.EventType;
        if (type == EventType.DecisionTaskScheduled)
        {
            return;
        }

        if (type == EventType.DecisionTaskStarted)
        {
            _openTaskStarted = e;
            UtcNow = e.EventTimestamp;
            return;
        }

        if (type == EventType.DecisionTaskCompleted)
        {
            var startedId = e.DecisionTaskCompletedEventAttributes!.StartedEventId;
            if (startedId > _lastRunStartedEventId)
            {
                // A decision task that an earlier decider answered: run the code as it ran then.
                RunDecisionTask(startedId, replaying: true);
            }

            _lastCompletedTaskId = e.EventId;
            _openTaskStarted = null;
            FlushDeferred();
            return;
        }

        if (type == EventType.DecisionTaskTimedOut)
        {
            if (e.DecisionTaskTimedOutEventAttributes!.StartedEventId == _lastRunStartedEventId && _lastRunStartedEventId != 0)
            {
                // This instance answered (or tried to answer) a task that SWF then timed out: its state
                // is ahead of history. The caller must replay from scratch.
                throw new StaleWorkflowInstanceException(e.EventId);
            }

            _openTaskStarted = null;
            FlushDeferred();
            return;
        }

        if (DecisionKind.RecordedBy(e) is not null)
        {
            ApplyRecordedDecision(e);
            return;
        }

        if (_openTaskStarted is not null && _openTaskStarted.EventId != currentStartedEventId)
        {
            // It arrived while a decision task was running: that task did not see it, so it is
            // delivered after the task's decisions, as SWF showed it to the next task.
            _deferred.Add(e);
            return;
        }

        Deliver(e);
    }

    private void FlushDeferred()
    {
        foreach (var deferred in _deferred)
        {
            Deliver(deferred);
        }

        _deferred.Clear();
    }

    private List<Decision> RunDecisionTask(long startedEventId, bool replaying)
    {
        CheckAllSent(startedEventId);
        IsReplaying = replaying;
        _lastRunStartedEventId = startedEventId;
        if (Info is not null)
        {
            // As the task saw it, so a replayed task sees what the original did (given the same threshold).
            Info = Info with { HistoryLength = startedEventId, IsContinueAsNewSuggested = startedEventId >= _continueAsNewSuggestedAfter };
        }

        RunUntilBlocked();
        CloseIfDone();
        var decisions = new List<Decision>(_pending.Count);
        foreach (var command in _pending)
        {
            if (!command.Withdrawn)
            {
                decisions.Add(command.Decision);
                _sent.Enqueue(command);
            }
        }

        _pending.Clear();
        return decisions;
    }

    private void CheckAllSent(long eventId)
    {
        if (_sent.Count > 0)
        {
            var missing = _sent.Peek();
            throw new NonDeterministicWorkflowException(
                _lastCompletedTaskId != 0 ? _lastCompletedTaskId : eventId,
                "no event for it among the decisions of that decision task",
                $"made the decision {missing}");
        }
    }

    private void ApplyRecordedDecision(HistoryEvent e)
    {
        if (!_sent.TryDequeue(out var command))
        {
            throw new NonDeterministicWorkflowException(e.EventId, HistoryEvents.Describe(e), "made no such decision");
        }

        if (!command.Matches(e))
        {
            throw new NonDeterministicWorkflowException(e.EventId, HistoryEvents.Describe(e), $"made the decision {command}");
        }

        command.OnRecorded?.Invoke(e);
    }

    private void CloseIfDone()
    {
        if (_run is null || !_run.IsCompleted || _closeIssued || IsClosed)
        {
            return;
        }

        _closeIssued = true;
        var failedHandler = _signalHandlers.FirstOrDefault(t => t.IsFaulted);
        var exception = _run.IsFaulted ? _run.Exception!.InnerException : failedHandler?.Exception!.InnerException;
        if (exception is ContinueAsNewException && _continueAsNewRefused is { } refused)
        {
            // SWF refused for good (the new run's type or version does not exist, ...): deciding it again would loop.
            exception = refused;
        }

        Decision decision;
        if (_run.IsCompletedSuccessfully && exception is null && _run.Result is { } result && result.Length > PayloadLimit)
        {
            exception = new PayloadTooLargeException($"Workflow {_definition.WorkflowType.Name} result", result.Length, PayloadLimit);
        }

        if (_run.IsCompletedSuccessfully && exception is null)
        {
            decision = new Decision
            {
                DecisionType = DecisionType.CompleteWorkflowExecution,
                CompleteWorkflowExecutionDecisionAttributes = new() { Result = _run.Result },
            };
        }
        else if (exception is ContinueAsNewException continueAsNew)
        {
            var (input, options) = InterceptContinueAsNew(continueAsNew);
            IReadOnlyCollection<string> tags = options?.Tags is { } chosen ? [.. chosen] : Info.Tags;
            decision = new Decision
            {
                DecisionType = DecisionType.ContinueAsNewWorkflowExecution,
                ContinueAsNewWorkflowExecutionDecisionAttributes = new()
                {
                    Input = input,
                    TaskList = new TaskList { Name = options?.TaskList ?? Info.TaskList },
                    ExecutionStartToCloseTimeout = SwfDuration.ToWire(options?.ExecutionStartToCloseTimeout),
                    TaskStartToCloseTimeout = SwfDuration.ToWire(options?.TaskStartToCloseTimeout),
                    ChildPolicy = options?.ChildPolicy,
                    TaskPriority = options?.TaskPriority?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    TagList = tags.Count > 0 ? [.. tags] : null,
                    WorkflowTypeVersion = options?.WorkflowTypeVersion,
                    LambdaRole = options?.LambdaRole ?? Info.LambdaRole,
                },
            };
        }
        else if ((_run.IsCanceled || exception is OperationCanceledException) && _cancellation.IsCancellationRequested)
        {
            decision = new Decision
            {
                DecisionType = DecisionType.CancelWorkflowExecution,
                CancelWorkflowExecutionDecisionAttributes = new() { Details = exception?.Message },
            };
        }
        else
        {
            var failure = FailureConverter.FromException(exception ?? new TaskCanceledException("The workflow's run method was canceled."));
            decision = new Decision
            {
                DecisionType = DecisionType.FailWorkflowExecution,
                FailWorkflowExecutionDecisionAttributes = new() { Reason = failure.Reason, Details = failure.Details },
            };
        }

        _pending.Add(new WorkflowCommand(decision, OnCloseRecorded));
    }

    private void OnCloseRecorded(HistoryEvent e)
    {
        if (e.EventType == DecisionKind.RecordedBy(e)?.FailedAs)
        {
            // Usually UNHANDLED_DECISION: events arrived during the task. Decide again after seeing them.
            _closeIssued = false;
            if (e.ContinueAsNewWorkflowExecutionFailedEventAttributes is { } refusal && refusal.Cause != ContinueAsNewWorkflowExecutionFailedCause.UnhandledDecision)
            {
                _continueAsNewRefused = new InvalidWorkflowOperationException(
                    $"SWF refused to continue workflow {WorkflowId} as a new run: {refusal.Cause.Value}. Check ContinueAsNewOptions (the workflow type version, the task list and the type's registered defaults).");
            }
        }
        else
        {
            IsClosed = true;
        }
    }

    private void IndexMarkers(IReadOnlyList<HistoryEvent> events)
    {
        // Side effects and versions are decided while the code runs, but recorded as markers after
        // the decision task; index them up front so replay can return what was recorded.
        foreach (var e in events)
        {
            if (e.MarkerRecordedEventAttributes is { } marker && IsRuntimeMarker(marker.MarkerName))
            {
                (_recordedMarkers ??= new(StringComparer.Ordinal))[marker.MarkerName] = marker.Details;
            }
        }
    }

    private void OnStarted(HistoryEvent e, WorkflowExecutionStartedEventAttributes a)
    {
        Info = new WorkflowInfo(
            Domain,
            WorkflowId,
            RunId,
            a.WorkflowType,
            a.TaskList.Name,
            a.ParentWorkflowExecution,
            a.ContinuedExecutionRunId,
            a.TagList is { } tags ? [.. tags] : [],
            e.EventTimestamp)
        {
            LambdaRole = a.LambdaRole,
        };
        UtcNow = e.EventTimestamp;
        StartRun(a.Input);
    }

    private void OnSignaled(WorkflowExecutionSignaledEventAttributes a)
    {
        if (!_definition.Signals.ContainsKey(a.SignalName))
        {
            LogUnknownSignal(Logger, _definition.WorkflowType.Name, a.SignalName);
            return;
        }

        Start(
            () =>
            {
                if (_workflow is null)
                {
                    return Task.CompletedTask;
                }

                var running = Invoke(async () =>
                {
                    await SignalThroughInterceptors(a.SignalName, a.Input);
                    return true;
                });
                _signalHandlers.Add(running);
                WatchCompletion(running);
                return running;
            },
            isSignal: true);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Workflow {WorkflowType} has no handler for signal {SignalName}; the signal is ignored")]
    private static partial void LogUnknownSignal(ILogger logger, string workflowType, string signalName);

    private static bool IsRuntimeMarker(string markerName) =>
        markerName.StartsWith(SideEffectMarkerPrefix, StringComparison.Ordinal) || markerName.StartsWith(VersionMarkerPrefix, StringComparison.Ordinal);
}
