using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Swf.Activities;
using Swf.Client;
using Swf.Converters;
using Swf.Exceptions;
using Swf.Interceptors;
using Swf.Model;
using Swf.Payloads;
using Swf.Worker;
using Swf.Workflows;

namespace Swf.Hosting;

/// <summary>
/// The hosted service that runs a host's SWF workers: registers the domain and types, then runs the
/// decider (polling every task list a registered workflow declares) and one activity worker per task list
/// until the host stops, draining running tasks. It logs at start-up which lists each worker polls, and
/// keeps count of runs whose decision tasks keep failing, for the health check.
/// </summary>
public sealed partial class SwfWorkerHost : IHostedService, IDisposable
{
    private readonly IServiceProvider _services;
    private readonly SwfOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _running = [];
    private readonly List<ActivityWorker> _activityWorkers = [];
    private readonly ConcurrentDictionary<string, RunFailures> _failingRuns = new(StringComparer.Ordinal);
    private ISwfClient? _swf;

    /// <summary>Initializes the host service; the container creates it.</summary>
    /// <param name="services">The container.</param>
    /// <param name="options">The validated options.</param>
    /// <param name="loggerFactory">The logger factory.</param>
    public SwfWorkerHost(IServiceProvider services, IOptions<SwfOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _services = services;
        _options = options.Value;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<SwfWorkerHost>();
    }

    /// <summary>Gets the state of the workers, for health checks.</summary>
    public SwfWorkerState State { get; private set; } = SwfWorkerState.NotStarted;

    /// <summary>Gets the error that stopped a worker, if one did.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Gets the differences between existing registrations and the code found at start-up.</summary>
    public IReadOnlyList<string> RegistrationMismatches { get; private set; } = [];

    /// <summary>Gets the decider, once started (null when the host runs no workflows).</summary>
    public WorkflowWorker? Decider { get; private set; }

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        State = SwfWorkerState.Starting;
        var swf = _services.GetRequiredService<ISwfClient>();
        var definitions = _services.GetRequiredService<SwfWorkerDefinitions>();
        var converter = definitions.PayloadConverter;
        var payloads = _services.GetService<PayloadPipeline>();
        var interceptors = _services.GetServices<ISwfInterceptor>().ToList();
        var workflows = definitions.Workflows;
        var activities = definitions.Activities;

        if (_options.RegisterOnStart)
        {
            var registrar = new SwfTypeRegistrar(swf, _options, _loggerFactory.CreateLogger<SwfTypeRegistrar>());
            await registrar.RegisterAsync(workflows, activities, cancellationToken).ConfigureAwait(false);
            RegistrationMismatches = registrar.Mismatches;
        }

        if (workflows.Count > 0)
        {
            // One decider polls every list a workflow declares (a child's type may declare another), sharing
            // its instance cache and its sticky list; Swf:Decider:TaskList adds one more.
            var taskLists = new List<string>();
            foreach (var list in workflows.Select(w => w.DefaultTaskList).Prepend(_options.Decider.TaskList))
            {
                if (!string.IsNullOrEmpty(list) && !taskLists.Contains(list))
                {
                    taskLists.Add(list);
                }
            }

            if (taskLists.Count == 0)
            {
                throw new InvalidOperationException($"Set Swf:Decider:TaskList: no workflow declares a default task list ({string.Join(", ", workflows.Select(w => w.WorkflowType.Name))}).");
            }

            foreach (var undeclared in workflows.Where(w => w.DefaultTaskList is null && _options.Decider.TaskList is null))
            {
                LogNoTaskList(_logger, undeclared.WorkflowType.Name, string.Join(", ", taskLists), null);
            }

            var deciderOptions = new WorkflowWorkerOptions
            {
                Domain = _options.Domain,
                TaskList = taskLists[0],
                Identity = _options.Identity,
                PollerCount = _options.Decider.PollerCount,
                CacheSize = _options.Decider.CacheSize,
                StickyExecution = _options.Decider.StickyExecution,
                DeadlockTimeout = _options.Decider.DeadlockTimeout,
                ContinueAsNewSuggestedAfterEvents = _options.Decider.ContinueAsNewSuggestedAfterEvents,
                TimeProvider = _services.GetService<TimeProvider>() ?? TimeProvider.System,
                PayloadConverter = converter,
                PayloadPipeline = payloads,
                LoggerFactory = _loggerFactory,
                OnDecisionTaskFailed = OnDecisionTaskFailed,
                OnDecisionTaskCompleted = execution => _failingRuns.TryRemove(execution.RunId, out _),
            };
            foreach (var interceptor in interceptors.OfType<IWorkflowInterceptor>())
            {
                deciderOptions.Interceptors.Add(interceptor);
            }

            foreach (var list in taskLists.Skip(1))
            {
                deciderOptions.AdditionalTaskLists.Add(list);
            }

            _swf = swf;
            Decider = new WorkflowWorker(swf, deciderOptions, workflows);
            var polled = string.Join(", ", Decider.TaskLists);
            var types = string.Join(", ", workflows.Select(w => $"{w.WorkflowType.Name} {w.WorkflowType.Version}"));
            LogDeciderPolls(_logger, polled, _options.Decider.StickyExecution ? Decider.StickyTaskList : "none", types, null);
            _running.Add(Watch("decider", Decider.RunAsync(_stopping.Token)));
        }

        foreach (var group in activities.GroupBy(a => a.DefaultTaskList ?? throw new InvalidOperationException($"Activity {a.ActivityType.Name} has no task list.")))
        {
            var settings = _options.ActivityWorkers.TryGetValue(group.Key, out var configured) ? configured : new SwfActivityWorkerOptions();
            var workerOptions = new ActivityWorkerOptions
            {
                Domain = _options.Domain,
                TaskList = group.Key,
                Identity = _options.Identity,
                PollerCount = settings.PollerCount,
                MaxConcurrentTasks = settings.MaxConcurrentTasks,
                ShutdownGracePeriod = _options.ShutdownGracePeriod,
                LoggerFactory = _loggerFactory,
                PayloadPipeline = payloads,
            };
            foreach (var interceptor in interceptors.OfType<IActivityInterceptor>())
            {
                workerOptions.Interceptors.Add(interceptor);
            }

            var worker = new ActivityWorker(swf, workerOptions, group);
            _activityWorkers.Add(worker);
            var activityTypes = string.Join(", ", group.Select(a => $"{a.ActivityType.Name} {a.ActivityType.Version}"));
            LogActivityWorkerPolls(_logger, group.Key, activityTypes, null);
            _running.Add(Watch("activity worker " + group.Key, worker.RunAsync(_stopping.Token)));
        }

        State = SwfWorkerState.Running;
        LogStarted(_logger, _options.Domain, workflows.Count, activities.Count, null);
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (State is SwfWorkerState.NotStarted or SwfWorkerState.Stopped)
        {
            return;
        }

        State = SwfWorkerState.Stopping;
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_running).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            State = SwfWorkerState.Stopped;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stopping.Dispose();
        foreach (var worker in _activityWorkers)
        {
            worker.Dispose();
        }
    }

    /// <summary>Returns the runs whose last <paramref name="threshold"/> or more decision tasks all failed, and are still open.</summary>
    internal async Task<IReadOnlyList<WorkflowTaskFailedException>> RunsFailingRepeatedlyAsync(int threshold, CancellationToken cancellationToken)
    {
        var failing = new List<WorkflowTaskFailedException>();
        foreach (var (runId, failures) in _failingRuns)
        {
            if (failures.Count < threshold)
            {
                continue;
            }

            if (await IsClosedAsync(failures.Last, cancellationToken).ConfigureAwait(false))
            {
                _failingRuns.TryRemove(runId, out _);
                continue;
            }

            failing.Add(failures.Last);
        }

        return failing;
    }

    /// <summary>Gets how many decision tasks in a row failed for a run (0 when its last one succeeded).</summary>
    internal int FailuresInARow(string runId) => _failingRuns.TryGetValue(runId, out var failures) ? failures.Count : 0;

    private void OnDecisionTaskFailed(WorkflowTaskFailedException failure) =>
        _failingRuns.AddOrUpdate(failure.RunId, static (_, f) => new RunFailures(f, 1), static (_, old, f) => new RunFailures(f, old.Count + 1), failure);

    private async Task<bool> IsClosedAsync(WorkflowTaskFailedException failure, CancellationToken cancellationToken)
    {
        try
        {
            var described = await _swf!.DescribeWorkflowExecutionAsync(
                new DescribeWorkflowExecutionRequest { Domain = failure.Domain, Execution = new WorkflowExecution { WorkflowId = failure.WorkflowId, RunId = failure.RunId } },
                cancellationToken).ConfigureAwait(false);
            return described.WorkflowExecutionDetail.ExecutionInfo.ExecutionStatus == ExecutionStatus.Closed;
        }
        catch (UnknownResourceException)
        {
            // Gone (past the domain's retention): nothing left to recover.
            return true;
        }
        catch (Exception ex) when (ex is SwfException or HttpRequestException)
        {
            // SWF cannot say now: keep reporting the run.
            return false;
        }
    }

    private async Task Watch(string name, Task running)
    {
        try
        {
            await running.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Failure = ex;
            State = SwfWorkerState.Faulted;
            LogWorkerFailed(_logger, name, ex);
        }
    }

    [LoggerMessage(EventId = 410, Level = LogLevel.Information, Message = "SWF workers started in domain {Domain}: {Workflows} workflow types, {Activities} activity types")]
    private static partial void LogStarted(ILogger logger, string domain, int workflows, int activities, Exception? exception);

    [LoggerMessage(EventId = 411, Level = LogLevel.Error, Message = "SWF {Worker} stopped with an error")]
    private static partial void LogWorkerFailed(ILogger logger, string worker, Exception exception);

    [LoggerMessage(EventId = 412, Level = LogLevel.Information, Message = "SWF decider polls decision task lists {TaskLists} (sticky list {StickyTaskList}) for workflow types {WorkflowTypes}")]
    private static partial void LogDeciderPolls(ILogger logger, string taskLists, string stickyTaskList, string workflowTypes, Exception? exception);

    [LoggerMessage(EventId = 413, Level = LogLevel.Information, Message = "SWF activity worker polls activity task list {TaskList} for activity types {ActivityTypes}")]
    private static partial void LogActivityWorkerPolls(ILogger logger, string taskList, string activityTypes, Exception? exception);

    [LoggerMessage(EventId = 414, Level = LogLevel.Warning, Message = "Workflow type {WorkflowType} declares no default task list; its executions are decided only when started on one of the polled lists ({TaskLists})")]
    private static partial void LogNoTaskList(ILogger logger, string workflowType, string taskLists, Exception? exception);

    /// <summary>How many decision tasks of a run failed in a row, and the last failure.</summary>
    private sealed record RunFailures(WorkflowTaskFailedException Last, int Count);
}
