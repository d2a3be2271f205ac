using System.Collections.Concurrent;
using System.Reflection;
using Amazon.Runtime;
using Swf.Activities;
using Swf.Client;
using Swf.Model;
using Swf.Worker;

namespace Swf.Benchmarks;

/// <summary>
/// A decider and an activity worker polling one SWF service (the in-process engine, or a server over
/// loopback through the wire client), and a way to start a batch of workflows and wait until all closed.
/// </summary>
public sealed class WorkflowFleet : IAsyncDisposable
{
    /// <summary>The domain the fleet works in.</summary>
    public const string Domain = "bench";

    private readonly ISwfClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];
    private readonly CompletionCounter _completions;
    private ActivityWorker? _activities;
    private int _batch;

    private WorkflowFleet(ISwfClient client)
    {
        _completions = CompletionCounter.Wrap(client);
        _client = _completions.Client;
    }

    /// <summary>Creates a wire client for a server on loopback.</summary>
    /// <param name="endpoint">The server's address.</param>
    /// <returns>The client.</returns>
    public static SwfHttpClient WireClient(Uri endpoint) => new(WireClientOptions(endpoint));

    /// <summary>Returns the wire client's options for a server on loopback.</summary>
    /// <param name="endpoint">The server's address.</param>
    /// <returns>The options.</returns>
    public static SwfClientOptions WireClientOptions(Uri endpoint) => new()
    {
        ServiceUrl = endpoint,
        Region = "us-east-1",
        Credentials = new BasicAWSCredentials("testing", "testing"),
    };

    /// <summary>Registers the domain and types and starts the workers.</summary>
    /// <param name="client">The service.</param>
    /// <param name="pollers">Pollers per task list, for the decider and for the activity worker (2 is the workers' default).</param>
    /// <returns>The running fleet.</returns>
    public static async Task<WorkflowFleet> StartAsync(ISwfClient client, int pollers = 2)
    {
        var fleet = new WorkflowFleet(client);
        await fleet.RegisterAsync();
        var decider = new WorkflowWorker(fleet._client, new WorkflowWorkerOptions { Domain = Domain, TaskList = "decisions", Identity = "decider", PollerCount = pollers }, [SequentialWorkflow.Definition]);
        fleet._activities = new ActivityWorker(
            fleet._client,
            new ActivityWorkerOptions { Domain = Domain, TaskList = "activities", Identity = "activity-worker", PollerCount = pollers, MaxConcurrentTasks = Math.Max(20, pollers * 4) },
            [SequentialWorkflow.StepActivity]);
        fleet._running.Add(decider.RunAsync(fleet._stop.Token));
        fleet._running.Add(fleet._activities.RunAsync(fleet._stop.Token));
        return fleet;
    }

    /// <summary>Starts workflows of three activities each and waits until every one completed.</summary>
    /// <param name="count">How many workflows.</param>
    /// <returns>The started executions, once all closed.</returns>
    public async Task<WorkflowExecution[]> RunBatchAsync(int count)
    {
        var batch = ++_batch;
        var done = _completions.Expect(count);
        var starts = new Task<StartWorkflowExecutionResponse>[count];
        for (var i = 0; i < count; i++)
        {
            starts[i] = _client.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest
            {
                Domain = Domain,
                WorkflowId = $"wf-{batch}-{i}",
                WorkflowType = SequentialWorkflow.Type,
                Input = "3",
            });
        }

        var started = await Task.WhenAll(starts);
        await done.WaitAsync(TimeSpan.FromMinutes(5));
        return [.. started.Select((s, i) => new WorkflowExecution { WorkflowId = $"wf-{batch}-{i}", RunId = s.Run.RunId! })];
    }

    /// <summary>
    /// Leaves <paramref name="count"/> closed executions retained in the fleet's domain (started on a task list nobody
    /// polls, then terminated), so that the fleet's own runs share the engine with them.
    /// </summary>
    /// <param name="service">The service to fill, called directly (for swf-local, its engine: filling over HTTP would take minutes).</param>
    /// <param name="count">How many executions.</param>
    /// <returns>A task that completes when they are closed.</returns>
    public static async Task RetainAsync(ISwfClient service, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = "retained-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await service.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest
            {
                Domain = Domain,
                WorkflowId = id,
                WorkflowType = SequentialWorkflow.Type,
                TaskList = new TaskList { Name = "idle" },
                Input = "3",
            });
            await service.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = Domain, WorkflowId = id });
        }
    }

    /// <summary>Runs a batch, then describes each of its executions as a client reading the outcome does.</summary>
    /// <param name="count">How many workflows.</param>
    /// <returns>A task that completes when every execution was described.</returns>
    public async Task RunBatchAndDescribeAsync(int count)
    {
        var executions = await RunBatchAsync(count);
        foreach (var execution in executions)
        {
            var detail = await _client.DescribeWorkflowExecutionAsync(new DescribeWorkflowExecutionRequest { Domain = Domain, Execution = execution });
            if (detail.WorkflowExecutionDetail.ExecutionInfo.CloseStatus != CloseStatus.Completed)
            {
                throw new InvalidOperationException($"{execution.WorkflowId} is not completed.");
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_running).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            // Pollers blocked in a long poll of a server that ignores cancellation: abandoned.
        }

        _activities?.Dispose();
        _stop.Dispose();
    }

    private async Task RegisterAsync()
    {
        await _client.RegisterDomainAsync(new RegisterDomainRequest { Name = Domain, WorkflowExecutionRetentionPeriodInDays = "1" });
        await _client.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = Domain,
            Name = SequentialWorkflow.Type.Name,
            Version = SequentialWorkflow.Type.Version,
            DefaultTaskList = new TaskList { Name = "decisions" },
            DefaultExecutionStartToCloseTimeout = "3600",
            DefaultTaskStartToCloseTimeout = "60",
            DefaultChildPolicy = ChildPolicy.Terminate,
        });
        await _client.RegisterActivityTypeAsync(new RegisterActivityTypeRequest
        {
            Domain = Domain,
            Name = SequentialWorkflow.Step.Name,
            Version = SequentialWorkflow.Step.Version,
            DefaultTaskList = new TaskList { Name = "activities" },
            DefaultTaskScheduleToStartTimeout = "600",
            DefaultTaskScheduleToCloseTimeout = "1200",
            DefaultTaskStartToCloseTimeout = "600",
            DefaultTaskHeartbeatTimeout = "NONE",
        });
    }

    /// <summary>Forwards every call and counts answered decision tasks that complete a workflow.</summary>
    public class CompletionCounter : DispatchProxy
    {
        private static readonly ConcurrentDictionary<RuntimeMethodHandle, MethodInvoker> Invokers = new();
        private readonly Lock _lock = new();
        private ISwfClient _inner = null!;
        private int _remaining;
        private TaskCompletionSource _done = new();

        /// <summary>Gets the wrapped client.</summary>
        public ISwfClient Client => (ISwfClient)(object)this;

        /// <summary>Wraps a client.</summary>
        /// <param name="inner">The client.</param>
        /// <returns>The counter.</returns>
        public static CompletionCounter Wrap(ISwfClient inner)
        {
            var counter = (CompletionCounter)(object)Create<ISwfClient, CompletionCounter>();
            counter._inner = inner;
            return counter;
        }

        /// <summary>Expects a number of completions.</summary>
        /// <param name="count">How many.</param>
        /// <returns>A task that completes when they happened.</returns>
        public Task Expect(int count)
        {
            lock (_lock)
            {
                _remaining = count;
                _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return _done.Task;
            }
        }

        /// <inheritdoc/>
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            object? result;
            try
            {
                // One invoker per method, held here: MethodInfo.Invoke's own invoker lives in the runtime's type cache,
                // which a busy process's GCs drop and rebuild, emitting (and later finalizing) a dynamic method each time.
                var invoker = Invokers.GetOrAdd(targetMethod!.MethodHandle, static (_, method) => MethodInvoker.Create(method), targetMethod);
                result = invoker.Invoke(_inner, new Span<object?>(args));
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }

            if (args![0] is RespondDecisionTaskCompletedRequest respond
                && respond.Decisions?.Exists(d => d.DecisionType == DecisionType.CompleteWorkflowExecution) == true
                && result is Task task)
            {
                task.ContinueWith(t => Completed(t), TaskScheduler.Default);
            }

            return result;
        }

        private void Completed(Task respond)
        {
            if (!respond.IsCompletedSuccessfully)
            {
                return;
            }

            lock (_lock)
            {
                if (--_remaining == 0)
                {
                    _done.TrySetResult();
                }
            }
        }
    }
}
