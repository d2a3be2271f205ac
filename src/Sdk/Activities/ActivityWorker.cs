using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Swf.Client;
using Swf.Diagnostics;
using Swf.Exceptions;
using Swf.Interceptors;
using Swf.Model;
using Swf.Payloads;
using Swf.Worker;

namespace Swf.Activities;

/// <summary>
/// Polls SWF for activity tasks and runs them with bounded concurrency: heartbeats automatically when
/// the type has a heartbeat timeout (a requested cancellation cancels the task's token), and answers
/// completed, failed or canceled. A task SWF no longer knows (it timed out or was canceled) is logged
/// and dropped. Stopping stops polling and lets running tasks finish within a grace period.
/// </summary>
public sealed partial class ActivityWorker : IDisposable
{
    private readonly ISwfClient _client;
    private readonly ActivityWorkerOptions _options;
    private readonly Dictionary<(string Name, string Version), ActivityDefinition> _definitions = [];
    private readonly SemaphoreSlim _slots;
    private readonly ILogger _logger;
    private readonly List<Task> _running = [];
    private readonly Lock _runningLock = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly PayloadPipeline _payloads;
    private readonly ActivityInboundInterceptor _inbound;

    /// <summary>Initializes the worker.</summary>
    /// <param name="client">The SWF client.</param>
    /// <param name="options">The worker's settings; <see cref="ActivityWorkerOptions.Domain"/> and <see cref="ActivityWorkerOptions.TaskList"/> are required.</param>
    /// <param name="activities">The activity types this worker runs.</param>
    public ActivityWorker(ISwfClient client, ActivityWorkerOptions options, IEnumerable<ActivityDefinition> activities)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentException.ThrowIfNullOrEmpty(options.Domain, "options.Domain");
        ArgumentException.ThrowIfNullOrEmpty(options.TaskList, "options.TaskList");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentTasks, 1, "options.MaxConcurrentTasks");
        _client = client;
        _options = options;
        foreach (var definition in activities)
        {
            _definitions[(definition.ActivityType.Name, definition.ActivityType.Version)] = definition;
        }

        _slots = new SemaphoreSlim(options.MaxConcurrentTasks);
        _payloads = options.PayloadPipeline ?? PayloadPipeline.Empty;
        ActivityInboundInterceptor inbound = new ActivityDefinitionInvoker();
        for (var i = options.Interceptors.Count - 1; i >= 0; i--)
        {
            inbound = options.Interceptors[i].InterceptActivity(inbound)
                ?? throw new ArgumentException($"Interceptor {options.Interceptors[i].GetType().FullName} returned null from InterceptActivity.", nameof(options));
        }

        _inbound = inbound;
        _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ActivityWorker>();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _abort.Dispose();
        _slots.Dispose();
    }

    /// <summary>Polls until stopped, then waits for running tasks (cancelling them after the grace period).</summary>
    /// <param name="stoppingToken">Stops polling.</param>
    /// <returns>A task that completes when polling stopped and running tasks ended.</returns>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var pollers = Enumerable.Range(0, Math.Max(1, _options.PollerCount)).Select(_ => PollLoopAsync(stoppingToken)).ToList();
        await Task.WhenAll(pollers).ConfigureAwait(false);
        await DrainAsync().ConfigureAwait(false);
    }

    /// <summary>Long-polls once and runs the task it returns, if any, to its end.</summary>
    /// <param name="cancellationToken">Cancels the poll.</param>
    /// <returns><c>true</c> when a task was run.</returns>
    public async Task<bool> PollOnceAsync(CancellationToken cancellationToken = default)
    {
        var task = await PollAsync(cancellationToken).ConfigureAwait(false);
        if (task is null)
        {
            return false;
        }

        await ExecuteAsync(task).ConfigureAwait(false);
        return true;
    }

    private async Task<ActivityTask?> PollAsync(CancellationToken cancellationToken)
    {
        var polled = Stopwatch.GetTimestamp();
        var response = await _client.PollForActivityTaskAsync(
            new PollForActivityTaskRequest { Domain = _options.Domain, TaskList = new TaskList { Name = _options.TaskList }, Identity = _options.Identity },
            cancellationToken).ConfigureAwait(false);
        SwfTelemetry.PollLatency.Record(Stopwatch.GetElapsedTime(polled).TotalMilliseconds, new KeyValuePair<string, object?>("swf.task", "activity"));
        return string.IsNullOrEmpty(response.ActivityTask.TaskToken) ? null : response.ActivityTask;
    }

    private async Task PollLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                ActivityTask? task;
                try
                {
                    task = await PollAsync(stoppingToken).ConfigureAwait(false);
                }
                catch
                {
                    _slots.Release();
                    throw;
                }

                if (task is null)
                {
                    _slots.Release();
                    continue;
                }

                Track(RunAndReleaseAsync(task));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is SwfException or HttpRequestException)
            {
                LogPollFailed(_logger, _options.TaskList, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), _options.TimeProvider, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RunAndReleaseAsync(ActivityTask task)
    {
        try
        {
            await ExecuteAsync(task).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    private void Track(Task running)
    {
        lock (_runningLock)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(running);
        }
    }

    private async Task DrainAsync()
    {
        Task[] running;
        lock (_runningLock)
        {
            running = [.. _running];
        }

        var all = Task.WhenAll(running);
        if (await Task.WhenAny(all, Task.Delay(_options.ShutdownGracePeriod, _options.TimeProvider)).ConfigureAwait(false) != all)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            await all.ConfigureAwait(false);
        }
    }

    private async Task ExecuteAsync(ActivityTask task)
    {
        // The span starts once the input is decoded, so that its parent can be the trace context written when the
        // activity was scheduled (in its headers); a task that ends before that gets a span without one.
        var span = new StrongBox<Activity?>();
        try
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = await ExecuteCoreAsync(task, span).ConfigureAwait(false);
            var tag = new KeyValuePair<string, object?>("swf.outcome", outcome);
            StartSpan(span, task, default)?.SetTag("swf.outcome", outcome);
            SwfTelemetry.ActivityLatency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tag);
            SwfTelemetry.ActivityTasks.Add(1, tag);
        }
        finally
        {
            span.Value?.Dispose();
        }
    }

    /// <summary>Starts the task's span unless it has one; returns it (null when nobody listens).</summary>
    private static Activity? StartSpan(StrongBox<Activity?> span, ActivityTask task, System.Diagnostics.ActivityContext parent)
    {
        if (span.Value is null)
        {
            span.Value = SwfTelemetry.ActivitySource.StartActivity("swf.activity_task", ActivityKind.Internal, parent);
            span.Value?.SetTag("swf.activity.type", task.ActivityType?.Name);
            span.Value?.SetTag("swf.activity.id", task.ActivityId);
            span.Value?.SetTag("swf.workflow.id", task.WorkflowExecution?.WorkflowId);
        }

        return span.Value;
    }

    /// <summary>Runs one task and answers it; returns how it ended.</summary>
    private async Task<string> ExecuteCoreAsync(ActivityTask task, StrongBox<Activity?> span)
    {
        var type = task.ActivityType!;
        using var scope = _logger.BeginScope(new Dictionary<string, object>
        {
            ["ActivityId"] = task.ActivityId!,
            ["WorkflowId"] = task.WorkflowExecution!.WorkflowId,
            ["RunId"] = task.WorkflowExecution.RunId,
            ["StartedEventId"] = task.StartedEventId ?? 0,
        });
        if (!_definitions.TryGetValue((type.Name, type.Version), out var definition))
        {
            await RespondAsync(() => _client.RespondActivityTaskFailedAsync(new RespondActivityTaskFailedRequest
            {
                TaskToken = task.TaskToken!,
                Reason = "UnknownActivityType",
                Details = $"This worker has no activity {type.Name} version {type.Version}.",
            })).ConfigureAwait(false);
            return "unknown_type";
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        var storeContext = new PayloadStoreContext(_options.Domain, task.WorkflowExecution.WorkflowId, task.WorkflowExecution.RunId);
        var context = new ActivityContext(task, cancellation, async (details, ct) =>
        {
            var encoded = await _payloads.EncodeAsync(details, null, storeContext, $"Activity {type.Name} {type.Version} heartbeat details", ct).ConfigureAwait(false);
            return (await _client.RecordActivityTaskHeartbeatAsync(new RecordActivityTaskHeartbeatRequest { TaskToken = task.TaskToken!, Details = encoded }, ct).ConfigureAwait(false))
                .ActivityTaskStatus.CancelRequested;
        });
        using var heartbeats = new CancellationTokenSource();
        var heartbeating = definition.DefaultHeartbeatTimeout is { } timeout && timeout > TimeSpan.Zero
            ? HeartbeatLoopAsync(context, timeout / 2, heartbeats.Token)
            : Task.CompletedTask;
        try
        {
            string? result;
            try
            {
                ActivityContext.Current = context;
                // Decoded here, inside the task's error handling: a missing codec or key fails this task, naming it.
                (task.Input, var headers) = await _payloads.DecodeWithHeadersAsync(task.Input, cancellation.Token).ConfigureAwait(false);
                context.Headers = headers;
                StartSpan(span, task, SwfTraceContext.Extract(headers));
                var call = new ExecuteActivityInput(context, task.Input) { Definition = definition };
                foreach (var (key, value) in headers)
                {
                    call.Headers[key] = value;
                }

                // Interceptors run inside the task's error handling too: what they throw fails the task like the activity's own code.
                result = await _inbound.ExecuteActivityAsync(call).ConfigureAwait(false);
            }
            finally
            {
                await heartbeats.CancelAsync().ConfigureAwait(false);
                await heartbeating.ConfigureAwait(false);
            }

            if (_payloads.IsEmpty)
            {
                PayloadTooLargeException.ThrowIfTooLarge(result, type, static t => $"Activity {t.Name} {t.Version} result");
            }

            if (context.CompleteManually)
            {
                return "left_open";
            }

            result = await _payloads.EncodeAsync(result, null, storeContext, $"Activity {type.Name} {type.Version} result", CancellationToken.None).ConfigureAwait(false);

            await RespondAsync(() => _client.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = task.TaskToken!, Result = result })).ConfigureAwait(false);
            return "completed";
        }
        catch (OperationCanceledException ex) when (cancellation.IsCancellationRequested)
        {
            var details = await EncodeOrDropAsync(ex.Message, storeContext).ConfigureAwait(false);
            await RespondAsync(() => _client.RespondActivityTaskCanceledAsync(new RespondActivityTaskCanceledRequest { TaskToken = task.TaskToken!, Details = details })).ConfigureAwait(false);
            return "canceled";
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            var (reason, plainDetails) = FailureConverter.FromException(ex);
            var details = await EncodeOrDropAsync(plainDetails, storeContext).ConfigureAwait(false);
            await RespondAsync(() => _client.RespondActivityTaskFailedAsync(new RespondActivityTaskFailedRequest { TaskToken = task.TaskToken!, Reason = reason, Details = details })).ConfigureAwait(false);
            return "failed";
        }
    }

    private async Task HeartbeatLoopAsync(ActivityContext context, TimeSpan interval, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _options.TimeProvider, stop).ConfigureAwait(false);
                await context.HeartbeatAsync(context.LastHeartbeatDetails, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (UnknownResourceException)
            {
                // SWF no longer knows the task (it timed out); stop the code, whose result would be refused.
                await context.CancelAsync().ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is SwfException or HttpRequestException)
            {
                LogHeartbeatFailed(_logger, context.ActivityId, ex);
            }
        }
    }

    /// <summary>
    /// Encodes failure or cancellation details. If that fails too (the store is down, say), the answer goes without
    /// details rather than with them in clear: an encryption codec means they must not reach SWF unencrypted.
    /// </summary>
    private async Task<string?> EncodeOrDropAsync(string? details, PayloadStoreContext storeContext)
    {
        try
        {
            return await _payloads.EncodeAsync(details, null, storeContext, "Activity failure details", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PayloadCodecException or PayloadTooLargeException)
        {
            LogDetailsDropped(_logger, ex);
            return null;
        }
    }

    private async Task RespondAsync(Func<Task> respond)
    {
        try
        {
            await respond().ConfigureAwait(false);
        }
        catch (UnknownResourceException ex)
        {
            // The task timed out or was canceled meanwhile: SWF has moved on, so the answer is dropped.
            LogStaleTask(_logger, ex);
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Polling activity task list {TaskList} failed; retrying")]
    private static partial void LogPollFailed(ILogger logger, string taskList, Exception exception);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "SWF no longer knows the activity task (timed out or canceled); its answer is dropped")]
    private static partial void LogStaleTask(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 310, Level = LogLevel.Error, Message = "The details of a failed or canceled activity task could not be encoded; the task is answered without them")]
    private static partial void LogDetailsDropped(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Heartbeat of activity {ActivityId} failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, string activityId, Exception exception);
}
