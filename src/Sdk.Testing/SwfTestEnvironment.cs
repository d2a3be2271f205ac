using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Swf.Activities;
using Swf.Client;
using Swf.Exceptions;
using Swf.Hosting;
using Swf.Interceptors;
using Swf.LocalEngine;
using Swf.Model;
using Swf.Payloads;
using Swf.Worker;

namespace Swf.Testing;

/// <summary>
/// Runs workflows and activities in process, on the local engine and a fake clock that skips ahead:
/// whenever every worker is idle, the clock jumps to the next timer or timeout, so a month-long
/// workflow runs in milliseconds. Workflows and activities are added as for a host (<see cref="ISwfBuilder"/>),
/// so activity implementations can be replaced by mocks through DI. The decider polls every task list a
/// registered workflow declares.
/// </summary>
/// <remarks>
/// A decision task that fails (non-determinism, a broken rule of workflow code such as awaiting
/// <c>Task.Delay</c>, a deadlock, a runtime bug) fails the call that waits at once (<see cref="RunUntilIdleAsync"/>,
/// <see cref="RunUntilClosedAsync"/>, <see cref="ExecuteWorkflowAsync"/>, and <c>GetResultAsync</c> of handles
/// from <see cref="Client"/>) with a <see cref="WorkflowTaskFailedException"/> whose inner exception is the cause,
/// as long as the run is open. <c>GetResultAsync</c> of those handles also runs the workers and skips time until
/// the run closes.
/// </remarks>
public sealed class SwfTestEnvironment : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly WorkflowWorker? _decider;
    private readonly List<(ActivityWorker Worker, string TaskList)> _activityWorkers = [];
    private readonly SwfTestEnvironmentOptions _options;
    private readonly SemaphoreSlim _driving = new(1, 1);
    private readonly Lock _failuresLock = new();
    private readonly Dictionary<string, WorkflowTaskFailedException> _failures = new(StringComparer.Ordinal);

    private SwfTestEnvironment(SwfTestEnvironmentOptions options, Action<ISwfBuilder> configure, Action<IServiceCollection>? services)
    {
        _options = options;
        Clock = new FakeTimeProvider(options.StartTime);
        var engineOptions = new LocalSwfEngineOptions { TimeProvider = Clock };
        foreach (var (name, function) in options.LambdaFunctions)
        {
            engineOptions.LambdaFunctions.Add(name, function);
        }

        Engine = new LocalSwfEngine(engineOptions);
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(Clock);
        configure(collection.AddSwf(o =>
        {
            o.Domain = options.Domain;
            o.Identity = "test-environment";
        }).UseLocalSwfEngine(Engine));
        services?.Invoke(collection);
        _services = collection.BuildServiceProvider();
        Definitions = _services.GetRequiredService<SwfWorkerDefinitions>();
        Payloads = options.PayloadPipeline ?? _services.GetRequiredService<PayloadPipeline>();
        IReadOnlyList<ISwfInterceptor> interceptors = [.. options.Interceptors, .. _services.GetServices<ISwfInterceptor>()];
        var clientOptions = new WorkflowClientOptions
        {
            Domain = options.Domain,
            PayloadConverter = Definitions.PayloadConverter,
            PayloadPipeline = Payloads,
            TimeProvider = Clock,
            WhileRunOpen = WhileRunOpenAsync,
        };
        AddAll(clientOptions.Interceptors, interceptors);
        Client = new WorkflowClient(Engine, clientOptions);

        DecisionTaskLists = [.. Definitions.Workflows.Select(w => w.DefaultTaskList ?? "decisions").Distinct(StringComparer.Ordinal)];
        if (DecisionTaskLists.Count > 0)
        {
            var deciderOptions = new WorkflowWorkerOptions
            {
                Domain = options.Domain,
                TaskList = DecisionTaskLists[0],
                Identity = "test-decider",
                PayloadConverter = Definitions.PayloadConverter,
                PayloadPipeline = Payloads,
                CacheSize = options.CacheSize,
                StickyExecution = options.CacheSize > 0,
                DeadlockTimeout = options.DeadlockTimeout,
                ContinueAsNewSuggestedAfterEvents = options.ContinueAsNewSuggestedAfterEvents,
                TimeProvider = options.WatchdogTimeProvider,
                OnDecisionTaskFailed = OnDecisionTaskFailed,
                OnDecisionTaskCompleted = OnDecisionTaskCompleted,
            };
            AddAll(deciderOptions.Interceptors, interceptors);
            foreach (var taskList in DecisionTaskLists.Skip(1))
            {
                deciderOptions.AdditionalTaskLists.Add(taskList);
            }

            _decider = new WorkflowWorker(Engine, deciderOptions, Definitions.Workflows);
        }

        foreach (var group in Definitions.Activities.GroupBy(a => a.DefaultTaskList ?? "activities"))
        {
            var workerOptions = new ActivityWorkerOptions { Domain = options.Domain, TaskList = group.Key, TimeProvider = Clock, Identity = "test-activities", PayloadPipeline = Payloads };
            AddAll(workerOptions.Interceptors, interceptors);
            _activityWorkers.Add((new ActivityWorker(Engine, workerOptions, group), group.Key));
        }
    }

    private static void AddAll<T>(IList<T> to, IReadOnlyList<ISwfInterceptor> interceptors)
    {
        foreach (var interceptor in interceptors.OfType<T>())
        {
            to.Add(interceptor);
        }
    }

    /// <summary>Gets the engine.</summary>
    public LocalSwfEngine Engine { get; }

    /// <summary>Gets the fake clock; advance it yourself, or let <see cref="RunUntilIdleAsync"/> skip time.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>Gets a workflow client bound to the environment's domain.</summary>
    public WorkflowClient Client { get; }

    /// <summary>Gets the container the workflows and activities were added to.</summary>
    public IServiceProvider Services => _services;

    /// <summary>
    /// Gets the payload pipeline of the client and workers: <see cref="SwfTestEnvironmentOptions.PayloadPipeline"/>, or
    /// the one the builder made from <c>AddPayloadCodec</c> and <c>UsePayloadStore</c>.
    /// </summary>
    public PayloadPipeline Payloads { get; }

    /// <summary>Gets the workflow and activity definitions in use.</summary>
    public SwfWorkerDefinitions Definitions { get; }

    /// <summary>Gets the task lists the decider polls: every registered workflow's default task list (<c>decisions</c> for a workflow without one).</summary>
    public IReadOnlyList<string> DecisionTaskLists { get; }

    /// <summary>Creates an environment, registers the domain and the types, and returns it ready to start workflows.</summary>
    /// <param name="configure">Adds workflows and activities, as for a host.</param>
    /// <param name="services">Adds or replaces services (for example mocks of activity implementations).</param>
    /// <param name="options">The environment's settings.</param>
    /// <returns>The environment.</returns>
    public static async Task<SwfTestEnvironment> StartAsync(Action<ISwfBuilder> configure, Action<IServiceCollection>? services = null, SwfTestEnvironmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var environment = new SwfTestEnvironment(options ?? new SwfTestEnvironmentOptions(), configure, services);
        var registrar = new SwfTypeRegistrar(environment.Engine, new SwfOptions { Domain = environment._options.Domain }, NullLogger.Instance);
        await registrar.RegisterAsync(environment.Definitions.Workflows, environment.Definitions.Activities, CancellationToken.None).ConfigureAwait(false);
        return environment;
    }

    /// <summary>Starts a workflow, runs everything until it closes (skipping time when idle), and returns its result.</summary>
    /// <param name="workflowType">The workflow type.</param>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="input">The encoded input.</param>
    /// <returns>The encoded result.</returns>
    /// <exception cref="WorkflowExecutionException">The workflow failed, was canceled or terminated, or timed out.</exception>
    /// <exception cref="WorkflowTaskFailedException">A decision task of an open run failed (its inner exception says why).</exception>
    public async Task<string?> ExecuteWorkflowAsync(WorkflowType workflowType, string workflowId, string? input)
    {
        var handle = await Client.StartAsync(workflowType, workflowId, input).ConfigureAwait(false);
        await RunUntilClosedAsync().ConfigureAwait(false);
        return await handle.GetResultAsync().ConfigureAwait(false);
    }

    /// <summary>Hands waiting tasks to the workers until none is waiting; does not move the clock.</summary>
    /// <returns>The number of tasks handled.</returns>
    /// <exception cref="WorkflowTaskFailedException">A decision task of an open run failed (its inner exception says why).</exception>
    public async Task<int> RunUntilIdleAsync()
    {
        await _driving.WaitAsync().ConfigureAwait(false);
        try
        {
            return await RunUntilIdleCoreAsync(runId: null).ConfigureAwait(false);
        }
        finally
        {
            _driving.Release();
        }
    }

    /// <summary>Runs tasks and skips time until every execution in the domain is closed.</summary>
    /// <returns>A task that completes when no execution is open.</returns>
    /// <exception cref="InvalidOperationException">An execution is open but nothing is pending or scheduled (it waits for a signal nobody sends).</exception>
    /// <exception cref="WorkflowTaskFailedException">A decision task of an open run failed (its inner exception says why).</exception>
    public async Task RunUntilClosedAsync()
    {
        await _driving.WaitAsync().ConfigureAwait(false);
        try
        {
            for (var round = 0; round < _options.MaxSteps; round++)
            {
                await RunUntilIdleCoreAsync(runId: null).ConfigureAwait(false);
                if (await OpenExecutionsAsync().ConfigureAwait(false) == 0)
                {
                    return;
                }

                if (!SkipToNextScheduledTime())
                {
                    await ThrowIfFailedAsync(runId: null).ConfigureAwait(false);
                    throw new InvalidOperationException("Executions are open, but no task is waiting and nothing is scheduled: a workflow waits for something only a test can send (a signal?).");
                }
            }

            throw new InvalidOperationException($"Executions still open after {_options.MaxSteps} rounds.");
        }
        finally
        {
            _driving.Release();
        }
    }

    /// <summary>Moves the clock to the engine's next timer or timeout, if there is one.</summary>
    /// <returns><c>true</c> when the clock moved.</returns>
    public bool SkipToNextScheduledTime()
    {
        if (Engine.NextScheduledTime is not { } next)
        {
            return false;
        }

        if (next > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(next);
        }
        else
        {
            Clock.Advance(TimeSpan.Zero);
        }

        return true;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var (worker, _) in _activityWorkers)
        {
            worker.Dispose();
        }

        await _services.DisposeAsync().ConfigureAwait(false);
        Engine.Dispose();
        _driving.Dispose();
    }

    private async Task<int> RunUntilIdleCoreAsync(string? runId)
    {
        await ThrowIfFailedAsync(runId).ConfigureAwait(false);
        var steps = 0;
        while (await StepAsync().ConfigureAwait(false))
        {
            await ThrowIfFailedAsync(runId).ConfigureAwait(false);
            if (++steps > _options.MaxSteps)
            {
                throw new InvalidOperationException($"Workers were still busy after {_options.MaxSteps} tasks: a workflow may loop forever.");
            }
        }

        return steps;
    }

    /// <summary>What <c>GetResultAsync</c> of the environment's handles does while the run is open: run the workers, then skip time.</summary>
    private async Task WhileRunOpenAsync(WorkflowExecution execution, CancellationToken cancellationToken)
    {
        bool waitForOthers;
        await _driving.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RunUntilIdleCoreAsync(execution.RunId).ConfigureAwait(false);
            waitForOthers = await IsOpenAsync(execution.RunId, execution.WorkflowId).ConfigureAwait(false) && !SkipToNextScheduledTime();
        }
        finally
        {
            _driving.Release();
        }

        if (waitForOthers)
        {
            // Nothing to run and nothing scheduled (the run waits for a signal): wait for the clock as any
            // client would, so another caller can send it.
            await Task.Delay(Client.Options.ResultPollInterval, Clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private void OnDecisionTaskFailed(WorkflowTaskFailedException failure)
    {
        lock (_failuresLock)
        {
            _failures.TryAdd(failure.RunId, failure);
        }
    }

    private void OnDecisionTaskCompleted(WorkflowExecution execution)
    {
        lock (_failuresLock)
        {
            _failures.Remove(execution.RunId);
        }
    }

    /// <summary>Throws the recorded failure of an open run (of the given run, or of any); forgets those of closed runs.</summary>
    private async Task ThrowIfFailedAsync(string? runId)
    {
        List<WorkflowTaskFailedException> failures;
        lock (_failuresLock)
        {
            failures = runId is null ? [.. _failures.Values] : _failures.TryGetValue(runId, out var failure) ? [failure] : [];
        }

        foreach (var failure in failures)
        {
            if (await IsOpenAsync(failure.RunId, failure.WorkflowId).ConfigureAwait(false))
            {
                throw failure;
            }

            lock (_failuresLock)
            {
                _failures.Remove(failure.RunId);
            }
        }
    }

    private async Task<bool> IsOpenAsync(string runId, string workflowId)
    {
        var described = await Engine.DescribeWorkflowExecutionAsync(new DescribeWorkflowExecutionRequest
        {
            Domain = _options.Domain,
            Execution = new WorkflowExecution { WorkflowId = workflowId, RunId = runId },
        }).ConfigureAwait(false);
        return described.WorkflowExecutionDetail.ExecutionInfo.ExecutionStatus == ExecutionStatus.Open;
    }

    private async Task<bool> StepAsync()
    {
        if (_decider is not null)
        {
            foreach (var taskList in DecisionTaskLists.Prepend(_decider.StickyTaskList))
            {
                if (await PendingDecisionTasksAsync(taskList).ConfigureAwait(false) > 0)
                {
                    await _decider.PollOnceAsync(taskList).ConfigureAwait(false);
                    return true;
                }
            }
        }

        foreach (var (worker, taskList) in _activityWorkers)
        {
            var pending = await Engine.CountPendingActivityTasksAsync(new CountPendingActivityTasksRequest { Domain = _options.Domain, TaskList = new TaskList { Name = taskList } }).ConfigureAwait(false);
            if (pending.PendingTaskCount.Count > 0)
            {
                await worker.PollOnceAsync().ConfigureAwait(false);
                return true;
            }
        }

        // A Lambda function runs off the engine's lock; its outcome must be in the history before time moves.
        return await Engine.WaitForLambdaFunctionsAsync().ConfigureAwait(false);
    }

    private async Task<int> PendingDecisionTasksAsync(string taskList) =>
        (await Engine.CountPendingDecisionTasksAsync(new CountPendingDecisionTasksRequest { Domain = _options.Domain, TaskList = new TaskList { Name = taskList } }).ConfigureAwait(false)).PendingTaskCount.Count;

    private async Task<int> OpenExecutionsAsync() =>
        (await Engine.CountOpenWorkflowExecutionsAsync(new CountOpenWorkflowExecutionsRequest
        {
            Domain = _options.Domain,
            StartTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch },
        }).ConfigureAwait(false)).WorkflowExecutionCount.Count;
}
