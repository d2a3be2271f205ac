using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Swf.Activities;
using Swf.Client;
using Swf.Converters;
using Swf.Worker;
using Swf.Workflows;

namespace Swf.Hosting;

/// <summary>
/// The hosted service that runs a host's SWF workers: registers the domain and types, then runs the
/// decider and one activity worker per task list until the host stops, draining running tasks.
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
            var taskList = _options.Decider.TaskList ?? workflows[0].DefaultTaskList
                ?? throw new InvalidOperationException($"Set Swf:Decider:TaskList: workflow {workflows[0].WorkflowType.Name} has no default task list.");
            Decider = new WorkflowWorker(
                swf,
                new WorkflowWorkerOptions
                {
                    Domain = _options.Domain,
                    TaskList = taskList,
                    Identity = _options.Identity,
                    PollerCount = _options.Decider.PollerCount,
                    CacheSize = _options.Decider.CacheSize,
                    StickyExecution = _options.Decider.StickyExecution,
                    PayloadConverter = converter,
                    LoggerFactory = _loggerFactory,
                },
                workflows);
            _running.Add(Watch("decider", Decider.RunAsync(_stopping.Token)));
        }

        foreach (var group in activities.GroupBy(a => a.DefaultTaskList ?? throw new InvalidOperationException($"Activity {a.ActivityType.Name} has no task list.")))
        {
            var settings = _options.ActivityWorkers.TryGetValue(group.Key, out var configured) ? configured : new SwfActivityWorkerOptions();
            var worker = new ActivityWorker(
                swf,
                new ActivityWorkerOptions
                {
                    Domain = _options.Domain,
                    TaskList = group.Key,
                    Identity = _options.Identity,
                    PollerCount = settings.PollerCount,
                    MaxConcurrentTasks = settings.MaxConcurrentTasks,
                    ShutdownGracePeriod = _options.ShutdownGracePeriod,
                    LoggerFactory = _loggerFactory,
                },
                group);
            _activityWorkers.Add(worker);
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
}
