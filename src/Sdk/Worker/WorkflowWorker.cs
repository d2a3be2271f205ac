using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Swf.Client;
using Swf.Client.Paging;
using Swf.Converters;
using Swf.Diagnostics;
using Swf.Exceptions;
using Swf.Interceptors;
using Swf.Model;
using Swf.Payloads;
using Swf.Serialization;
using Swf.Workflows;

namespace Swf.Worker;

/// <summary>
/// Polls SWF for decision tasks and answers them by replaying each run's history through its
/// workflow code. Keeps running instances in a bounded cache and, with sticky execution, asks SWF to
/// send a run's next decision task back here so that only the new events are read and applied.
/// </summary>
public sealed partial class WorkflowWorker
{
    private readonly ISwfClient _client;
    private readonly WorkflowWorkerOptions _options;
    private readonly Dictionary<(string Name, string Version), WorkflowDefinition> _definitions = [];
    private readonly WorkflowInstanceCache _cache;
    private readonly IPayloadConverter _converter;
    private readonly PayloadPipeline _payloads;
    private readonly IReadOnlyList<IWorkflowInterceptor> _interceptors;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly PoisonedRuns _poisoned;
    private readonly HistoryBudgetWarnings _historyWarnings;

    /// <summary>Initializes the worker.</summary>
    /// <param name="client">The SWF client (the wire client, the local engine, ...).</param>
    /// <param name="options">The worker's settings; <see cref="WorkflowWorkerOptions.Domain"/> and <see cref="WorkflowWorkerOptions.TaskList"/> are required.</param>
    /// <param name="workflows">The workflow types this worker runs.</param>
    public WorkflowWorker(ISwfClient client, WorkflowWorkerOptions options, IEnumerable<WorkflowDefinition> workflows)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(workflows);
        ArgumentException.ThrowIfNullOrEmpty(options.Domain, "options.Domain");
        ArgumentException.ThrowIfNullOrEmpty(options.TaskList, "options.TaskList");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PollerCount, 1, "options.PollerCount");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ContinueAsNewSuggestedAfterEvents, 1, "options.ContinueAsNewSuggestedAfterEvents");
        if (options.DeadlockTimeout <= TimeSpan.Zero && options.DeadlockTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException("options.DeadlockTimeout", options.DeadlockTimeout, "The deadlock timeout must be positive, or Timeout.InfiniteTimeSpan to turn the watchdog off.");
        }

        _client = client;
        _options = options;
        foreach (var definition in workflows)
        {
            _definitions[(definition.WorkflowType.Name, definition.WorkflowType.Version)] = definition;
        }

        _cache = new WorkflowInstanceCache(Math.Max(0, options.CacheSize));
        _poisoned = new PoisonedRuns(Math.Max(100, options.CacheSize));
        _historyWarnings = new HistoryBudgetWarnings(Math.Max(1000, options.CacheSize * 2));
        TaskLists = [.. new[] { options.TaskList }.Concat(options.AdditionalTaskLists.Where(l => !string.IsNullOrEmpty(l))).Distinct(StringComparer.Ordinal)];
        _converter = options.PayloadConverter ?? new JsonPayloadConverter(SwfJsonContext.Default);
        _payloads = options.PayloadPipeline ?? PayloadPipeline.Empty;
        _interceptors = [.. options.Interceptors];
        _loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<WorkflowWorker>();
        StickyTaskList = SanitizeName($"{options.TaskList}-sticky-{options.Identity}-{Guid.NewGuid():N}");
    }

    /// <summary>Gets the task list this worker asks SWF to route its runs' decision tasks to.</summary>
    public string StickyTaskList { get; }

    /// <summary>Gets the task lists polled for decision tasks: <see cref="WorkflowWorkerOptions.TaskList"/>, then the additional ones (besides <see cref="StickyTaskList"/>).</summary>
    public IReadOnlyList<string> TaskLists { get; }

    /// <summary>Gets the number of running instances held in memory.</summary>
    public int CachedInstances => _cache.Count;

    /// <summary>Gets counters of what the worker did, for tests and metrics.</summary>
    public WorkflowWorkerCounters Counters { get; } = new();

    /// <summary>Polls every task list (<see cref="TaskLists"/> and, with sticky execution, this worker's own) until stopped.</summary>
    /// <param name="stoppingToken">Stops polling; a decision task in progress is finished first.</param>
    /// <returns>A task that completes when every poller stopped.</returns>
    public Task RunAsync(CancellationToken stoppingToken)
    {
        var pollers = new List<Task>();
        for (var i = 0; i < _options.PollerCount; i++)
        {
            foreach (var taskList in TaskLists)
            {
                pollers.Add(PollLoopAsync(taskList, stoppingToken));
            }

            if (_options.StickyExecution)
            {
                pollers.Add(PollLoopAsync(StickyTaskList, stoppingToken));
            }
        }

        return Task.WhenAll(pollers);
    }

    /// <summary>Long-polls one task list once and handles the decision task it returns, if any.</summary>
    /// <param name="taskList">The task list: one of <see cref="TaskLists"/> or <see cref="StickyTaskList"/>.</param>
    /// <param name="cancellationToken">Cancels the poll.</param>
    /// <returns><c>true</c> when a decision task was handled.</returns>
    public async Task<bool> PollOnceAsync(string taskList, CancellationToken cancellationToken = default)
    {
        var sticky = taskList == StickyTaskList;
        var request = new PollForDecisionTaskRequest
        {
            Domain = _options.Domain,
            TaskList = new TaskList { Name = taskList },
            Identity = _options.Identity,
            MaximumPageSize = _options.MaximumPageSize > 0 ? _options.MaximumPageSize : null,
            StartAtPreviousStartedEvent = sticky ? true : null,
        };
        var pollStarted = Stopwatch.GetTimestamp();
        var response = await _client.PollForDecisionTaskAsync(request, cancellationToken).ConfigureAwait(false);
        SwfTelemetry.PollLatency.Record(Stopwatch.GetElapsedTime(pollStarted).TotalMilliseconds, new KeyValuePair<string, object?>("swf.task", "decision"));
        var task = response.DecisionTask;
        if (string.IsNullOrEmpty(task.TaskToken))
        {
            return false;
        }

        // The span starts once the history is read, so that its parent can come from the run's start headers
        // (the trace context the tracing interceptor wrote); tasks that end before that get a span without one.
        var span = new StrongBox<Activity?>();
        try
        {
            var started = Stopwatch.GetTimestamp();
            var (outcome, events) = await HandleAsync(request, response, sticky, span, cancellationToken).ConfigureAwait(false);
            var tag = new KeyValuePair<string, object?>("swf.outcome", outcome);
            StartDecisionSpan(span, task, default)?.SetTag("swf.outcome", outcome);
            SwfTelemetry.DecisionLatency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tag);
            SwfTelemetry.ReplayLength.Record(events);
            SwfTelemetry.DecisionTasks.Add(1, tag);
        }
        finally
        {
            span.Value?.Dispose();
        }

        return true;
    }

    /// <summary>Starts the task's span unless it has one; returns it (null when nobody listens).</summary>
    private static Activity? StartDecisionSpan(StrongBox<Activity?> span, DecisionTask task, ActivityContext parent)
    {
        if (span.Value is null)
        {
            span.Value = SwfTelemetry.ActivitySource.StartActivity("swf.decision_task", ActivityKind.Internal, parent);
            span.Value?.SetTag("swf.workflow.type", task.WorkflowType?.Name);
            span.Value?.SetTag("swf.workflow.id", task.WorkflowExecution?.WorkflowId);
            span.Value?.SetTag("swf.run.id", task.WorkflowExecution?.RunId);
        }

        return span.Value;
    }

    /// <summary>The trace context the run started with: from its cached instance, or from the started event in its history.</summary>
    private static ActivityContext StartTraceContext(WorkflowInstance instance, List<HistoryEvent> events)
    {
        if (instance.StartHeaders.Count > 0)
        {
            return SwfTraceContext.Extract(instance.StartHeaders);
        }

        foreach (var e in events)
        {
            if (e.WorkflowExecutionStartedEventAttributes is { } started)
            {
                return SwfTraceContext.Extract(PayloadHeaders.Split(started.Input).Headers);
            }
        }

        return default;
    }


    private async Task PollLoopAsync(string taskList, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(taskList, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is SwfException or HttpRequestException)
            {
                LogPollFailed(_logger, taskList, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Answers one decision task; returns how it ended and how many history events were applied.</summary>
    private async Task<(string Outcome, int Events)> HandleAsync(PollForDecisionTaskRequest poll, PollForDecisionTaskResponse polled, bool fromSticky, StrongBox<Activity?> span, CancellationToken cancellationToken)
    {
        var task = polled.DecisionTask;
        var execution = task.WorkflowExecution!;
        var workflowType = task.WorkflowType!;
        var startedEventId = task.StartedEventId ?? 0;
        var previousStartedEventId = task.PreviousStartedEventId ?? 0;
        using var scope = _logger.BeginScope(new Dictionary<string, object>
        {
            ["WorkflowId"] = execution.WorkflowId,
            ["RunId"] = execution.RunId,
            ["StartedEventId"] = startedEventId,
        });
        WorkflowWorkerCounters.Increment(ref Counters.DecisionTasksField);

        if (!_definitions.TryGetValue((workflowType.Name, workflowType.Version), out var definition))
        {
            // Another deployment may know this type; leave the task to time out rather than fail it.
            LogUnknownWorkflowType(_logger, workflowType.Name, workflowType.Version, null);
            return ("unknown_type", 0);
        }

        if (_poisoned.Find(execution.RunId) is { } poison)
        {
            // The run broke in this process (a continuation off the scheduler, a deadlock): its code would
            // break again, so its tasks fail at once until a fixed deployment takes the run.
            ReportFailure(execution, workflowType.Name, startedEventId, poison);
            return ("failed", 0);
        }

        var cached = _cache.Take(execution.RunId);
        var hit = cached is not null && cached.LastRunStartedEventId == previousStartedEventId && previousStartedEventId != 0;
        WorkflowInstance instance;
        if (hit)
        {
            WorkflowWorkerCounters.Increment(ref Counters.CacheHitsField);
            instance = cached!;
        }
        else
        {
            cached?.Dispose();
            WorkflowWorkerCounters.Increment(ref Counters.CacheMissesField);
            instance = NewInstance(definition, execution, workflowType);
        }

        List<HistoryEvent> events;
        IReadOnlyList<Decision> decisions;
        string? executionContext;
        try
        {
            events = hit || !fromSticky
                ? await ReadPagesAsync(poll, polled, cancellationToken).ConfigureAwait(false)
                : await ReadFullHistoryAsync(execution, cancellationToken).ConfigureAwait(false);
            try
            {
                await _payloads.DecodeEventsAsync(events, cancellationToken).ConfigureAwait(false);
                instance.TaskSpanContext = StartDecisionSpan(span, task, StartTraceContext(instance, events))?.Context ?? default;
                decisions = await ProcessAsync(instance, events, startedEventId).ConfigureAwait(false);
            }
            catch (StaleWorkflowInstanceException)
            {
                instance.Dispose();
                WorkflowWorkerCounters.Increment(ref Counters.CacheMissesField);
                instance = NewInstance(definition, execution, workflowType);
                events = await ReadFullHistoryAsync(execution, cancellationToken).ConfigureAwait(false);
                await _payloads.DecodeEventsAsync(events, cancellationToken).ConfigureAwait(false);
                instance.TaskSpanContext = StartDecisionSpan(span, task, StartTraceContext(instance, events))?.Context ?? default;
                decisions = await ProcessAsync(instance, events, startedEventId).ConfigureAwait(false);
            }

            // Encoded copies go to SWF; the instance keeps the decisions as its code made them. The execution
            // context (the query values) is a payload too, read back encoded by DescribeWorkflowExecution.
            var storeContext = new PayloadStoreContext(_options.Domain, execution.WorkflowId, execution.RunId);
            decisions = await _payloads.EncodeDecisionsAsync(decisions, storeContext, cancellationToken).ConfigureAwait(false);
            executionContext = await _payloads.EncodeAsync(instance.ExecutionContext, storeContext, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SwfException or HttpRequestException || (ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Reading history failed: the poll loop retries; the instance is dropped.
            instance.Dispose();
            throw;
        }
        catch (Exception ex)
        {
            // Non-determinism, a broken rule of workflow code, a deadlock or a bug of the runtime. Leave the
            // task unanswered: it times out and is retried, so a fixed deployment recovers the run. A
            // deadlocked instance is disposed when its stuck thread returns.
            if (ex is not WorkflowDeadlockException)
            {
                instance.Dispose();
            }

            if (ex is WorkflowDeadlockException || ReferenceEquals(ex, instance.Fatal))
            {
                _poisoned.Add(execution.RunId, ex);
            }

            ReportFailure(execution, workflowType.Name, startedEventId, ex);
            return ("failed", 0);
        }

        var closing = decisions.Count > 0 && WorkflowCommand.IsClosing(decisions[^1]);
        ReportQueryProblems(instance, workflowType.Name);
        WarnAboutHistoryLength(instance, workflowType.Name, startedEventId);
        var respond = new RespondDecisionTaskCompletedRequest { TaskToken = task.TaskToken!, Decisions = [.. decisions], ExecutionContext = executionContext };
        if (_options.StickyExecution && !closing && _options.CacheSize > 0)
        {
            respond.TaskList = new TaskList { Name = StickyTaskList };
            respond.TaskListScheduleToStartTimeout = SwfDuration.ToWire(_options.StickyScheduleToStartTimeout);
        }

        try
        {
            await _client.RespondDecisionTaskCompletedAsync(respond, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SwfException or HttpRequestException)
        {
            instance.Dispose();
            LogRespondFailed(_logger, execution.WorkflowId, execution.RunId, ex);
            return ("respond_failed", events.Count);
        }

        if (closing || _options.CacheSize == 0 || instance.QueryBrokeRules)
        {
            instance.Dispose();
        }
        else
        {
            _cache.Put(execution.RunId, instance);
        }

        _options.OnDecisionTaskCompleted?.Invoke(execution);
        return ("completed", events.Count);
    }

    private WorkflowInstance NewInstance(WorkflowDefinition definition, WorkflowExecution execution, WorkflowType workflowType) =>
        new(
            definition,
            _options.Domain,
            execution,
            _converter,
            _loggerFactory.CreateLogger("Swf.Workflow." + workflowType.Name),
            _options.TimeProvider,
            OnInstanceFailed,
            _options.ContinueAsNewSuggestedAfterEvents)
        {
            PayloadLimit = _payloads.RawPayloadLimit,
            Interceptors = _interceptors,
        };

    /// <summary>
    /// Applies the events and runs the code: inline without a watchdog; otherwise on a thread-pool thread that
    /// the watchdog gives up on when a slice of workflow code runs longer than the deadlock timeout.
    /// </summary>
    private async Task<IReadOnlyList<Decision>> ProcessAsync(WorkflowInstance instance, List<HistoryEvent> events, long startedEventId)
    {
        var limit = _options.DeadlockTimeout;
        if (limit == Timeout.InfiniteTimeSpan)
        {
            return instance.ProcessEvents(events, startedEventId);
        }

        var work = Task.Run(() => instance.ProcessEvents(events, startedEventId));
        var stuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, limit.Ticks / 4));
        using (_options.TimeProvider.CreateTimer(
            _ =>
            {
                if (instance.RunningSliceElapsed() >= limit)
                {
                    stuck.TrySetResult();
                }
            },
            null,
            period,
            period))
        {
            if (await Task.WhenAny(work, stuck.Task).ConfigureAwait(false) == work)
            {
                return await work.ConfigureAwait(false);
            }
        }

        // Give up on the thread that runs the stuck code: it is left behind, blocked where the code blocked.
        // If it ever returns, the abandoned instance stops at once; it is disposed then.
        var deadlock = new WorkflowDeadlockException(instance.WorkflowType.Name, instance.WorkflowId, instance.RunId, limit);
        instance.Abandon(deadlock);
        _ = work.ContinueWith(
            static (done, state) =>
            {
                _ = done.Exception;
                ((WorkflowInstance)state!).Dispose();
            },
            instance,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        throw deadlock;
    }

    /// <summary>Logs and counts each reason the decision task's execution context was left out (a query threw, the context was too long).</summary>
    private void ReportQueryProblems(WorkflowInstance instance, string workflowType)
    {
        foreach (var problem in instance.QueryProblems)
        {
            var errorType = problem.Error is null ? "too_large" : problem.Error.GetType().Name;
            SwfTelemetry.QueryFailures.Add(
                1,
                new KeyValuePair<string, object?>("error.type", errorType),
                new KeyValuePair<string, object?>("swf.query.name", problem.QueryName),
                new KeyValuePair<string, object?>("swf.workflow.type", workflowType));
            if (problem.Error is { } error)
            {
                LogQueryFailed(_logger, problem.QueryName, workflowType, instance.WorkflowId, instance.RunId, errorType, error.Message, error);
            }
            else
            {
                LogExecutionContextTooLarge(_logger, workflowType, instance.WorkflowId, instance.RunId, problem.ContextLength, WorkflowQueryResults.MaxLength, problem.QueryName, problem.Sizes ?? string.Empty, null);
            }
        }
    }

    /// <summary>Warns, once per run and threshold, that its history reached the continue-as-new threshold or nears SWF's limit.</summary>
    private void WarnAboutHistoryLength(WorkflowInstance instance, string workflowType, long historyLength)
    {
        foreach (var (threshold, level) in new[] { ((long)_options.ContinueAsNewSuggestedAfterEvents, "continue_as_new_suggested"), (WorkflowWorkerOptions.HistoryNearLimitEvents, "near_limit") })
        {
            if (historyLength < threshold || !_historyWarnings.TryAdd(instance.RunId, threshold))
            {
                continue;
            }

            SwfTelemetry.HistoryLengthWarnings.Add(
                1,
                new KeyValuePair<string, object?>("swf.history.level", level),
                new KeyValuePair<string, object?>("swf.workflow.type", workflowType));
            LogHistoryLong(_logger, workflowType, instance.WorkflowId, instance.RunId, historyLength, threshold, WorkflowWorkerOptions.SwfHistoryLimit, null);
        }
    }

    /// <summary>A cached run broke between decision tasks (a continuation from another thread): drop it, remember it, report it.</summary>
    private void OnInstanceFailed(WorkflowInstance instance, Exception error)
    {
        if (_cache.Remove(instance.RunId, instance))
        {
            instance.Dispose();
        }

        _poisoned.Add(instance.RunId, error);
        ReportFailure(new WorkflowExecution { WorkflowId = instance.WorkflowId, RunId = instance.RunId }, instance.WorkflowType.Name, instance.LastRunStartedEventId, error);
    }

    private void ReportFailure(WorkflowExecution execution, string workflowType, long startedEventId, Exception error)
    {
        var failure = new WorkflowTaskFailedException(_options.Domain, execution.WorkflowId, execution.RunId, startedEventId, error);
        var errorType = error.GetType().Name;
        WorkflowWorkerCounters.Increment(ref Counters.DecisionTaskFailuresField);
        SwfTelemetry.DecisionTaskFailures.Add(
            1,
            new KeyValuePair<string, object?>("error.type", errorType),
            new KeyValuePair<string, object?>("swf.workflow.type", workflowType));
        LogDecisionTaskFailed(_logger, execution.WorkflowId, _options.Domain, execution.RunId, startedEventId, errorType, error);
        _options.OnDecisionTaskFailed?.Invoke(failure);
    }

    /// <summary>The decision task's events: the poll's first page, then the rest fetched by polling again with each page's token.</summary>
    private async Task<List<HistoryEvent>> ReadPagesAsync(PollForDecisionTaskRequest poll, PollForDecisionTaskResponse first, CancellationToken cancellationToken)
    {
        var events = new List<HistoryEvent>();
        var pages = 0;
        await foreach (var page in _client.PollForDecisionTaskPaginator(poll, first).Responses.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            events.AddRange(page.DecisionTask.Events ?? []);
            if (pages++ > 0)
            {
                WorkflowWorkerCounters.Increment(ref Counters.HistoryPagesField);
            }
        }

        WorkflowWorkerCounters.Add(ref Counters.EventsReadField, events.Count);
        return events;
    }

    /// <summary>The run's whole history, every page, for a replay from event 1.</summary>
    private async Task<List<HistoryEvent>> ReadFullHistoryAsync(WorkflowExecution execution, CancellationToken cancellationToken)
    {
        var request = new GetWorkflowExecutionHistoryRequest
        {
            Domain = _options.Domain,
            Execution = new WorkflowExecution { WorkflowId = execution.WorkflowId, RunId = execution.RunId },
            MaximumPageSize = _options.MaximumPageSize > 0 ? _options.MaximumPageSize : null,
        };
        var events = new List<HistoryEvent>();
        await foreach (var page in _client.GetWorkflowExecutionHistoryPaginator(request).Responses.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            events.AddRange(page.History.Events);
            WorkflowWorkerCounters.Increment(ref Counters.HistoryPagesField);
        }

        WorkflowWorkerCounters.Add(ref Counters.EventsReadField, events.Count);
        return events;
    }

    private static string SanitizeName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(c is ':' or '/' or '|' || char.IsControl(c) ? '-' : c);
        }

        return builder.Length <= 256 ? builder.ToString() : builder.ToString(builder.Length - 256, 256);
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Polling task list {TaskList} failed; retrying")]
    private static partial void LogPollFailed(ILogger logger, string taskList, Exception exception);

    [LoggerMessage(EventId = 201, Level = LogLevel.Error, Message = "No workflow type {Name} {Version} is registered with this worker; the decision task is left to time out")]
    private static partial void LogUnknownWorkflowType(ILogger logger, string name, string version, Exception? exception);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error, Message = "Decision task of workflow {WorkflowId} in domain {Domain} (run {RunId}) failed at event {StartedEventId} ({ErrorType}) and is left unanswered so a fixed deployment can recover it")]
    private static partial void LogDecisionTaskFailed(ILogger logger, string workflowId, string domain, string runId, long startedEventId, string errorType, Exception exception);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Answering the decision task of workflow {WorkflowId} (run {RunId}) failed; the run will be replayed")]
    private static partial void LogRespondFailed(ILogger logger, string workflowId, string runId, Exception exception);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Query {QueryName} of workflow {WorkflowType} {WorkflowId} (run {RunId}) failed ({ErrorType}: {ErrorMessage}); the decision task is answered without an execution context, so clients keep reading the previous one")]
    private static partial void LogQueryFailed(ILogger logger, string queryName, string workflowType, string workflowId, string runId, string errorType, string errorMessage, Exception exception);

    [LoggerMessage(EventId = 205, Level = LogLevel.Warning, Message = "The execution context of workflow {WorkflowType} {WorkflowId} (run {RunId}) has {Length} characters, over SWF's limit of {Limit}; its largest query is {QueryName} (characters per query: {Sizes}); the decision task is answered without an execution context, so clients keep reading the previous one")]
    private static partial void LogExecutionContextTooLarge(ILogger logger, string workflowType, string workflowId, string runId, int length, int limit, string queryName, string sizes, Exception? exception);

    [LoggerMessage(EventId = 206, Level = LogLevel.Warning, Message = "Workflow {WorkflowType} {WorkflowId} (run {RunId}) has {HistoryLength} history events, past {Threshold}; SWF terminates an execution at {Limit} events: continue as new (Workflow.Info.IsContinueAsNewSuggested, throw ContinueAsNew(...))")]
    private static partial void LogHistoryLong(ILogger logger, string workflowType, string workflowId, string runId, long historyLength, long threshold, int limit, Exception? exception);
}
