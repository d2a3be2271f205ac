using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Swf.Converters;
using Swf.Exceptions;
using Swf.Model;
using Swf.Workflows;

namespace Swf.Worker;

/// <summary>
/// One run of a workflow, replayed from its history. It is the run's <see cref="TaskScheduler"/>:
/// workflow code runs one task at a time on the thread that drives the decision task, until every
/// task is blocked on something only history can complete. A pure function of the events it is
/// given, so replay is tested without I/O.
/// </summary>
/// <remarks>
/// A continuation that reaches the scheduler from another thread (the code awaited <c>Task.Delay</c>,
/// <c>Task.Run</c>, I/O, or resumed after <c>ConfigureAwait(false)</c>) breaks determinism: it is recorded as
/// the run's fatal error at once, and reported through the failure callback when no decision task is running
/// (a running task throws it). The time each slice of workflow code runs is measured for the worker's
/// deadlock watchdog, which can abandon the instance while its code is stuck.
/// </remarks>
internal sealed partial class WorkflowInstance : TaskScheduler, IWorkflowContext, IDisposable
{
    private const long NoSlice = long.MinValue;

    private readonly WorkflowDefinition _definition;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly Action<WorkflowInstance, Exception>? _onFailure;
    private readonly long _continueAsNewSuggestedAfter;
    private readonly Lock _gate = new();
    private readonly Queue<Task> _ready = new();
    private readonly Queue<Task> _readySignals = new();
    private readonly List<WorkflowCommand> _pending = [];
    private readonly Queue<WorkflowCommand> _sent = new();
    private readonly CancellationTokenSource _cancellation = new();
    private object? _workflow;
    private Task<string?>? _run;
    private Task? _processing;
    private Random? _random;
    private int _drivingThread;
    private bool _driving;
    private bool _queueingSignal;
    private bool _abandoned;
    private Exception? _fatal;
    private long _guidSequence;
    private long _sliceStartedAt = NoSlice;

    /// <summary>Initializes the instance.</summary>
    /// <param name="definition">The workflow type.</param>
    /// <param name="domain">The run's domain.</param>
    /// <param name="execution">The run.</param>
    /// <param name="payloadConverter">The converter of payloads.</param>
    /// <param name="logger">The workflow's logger.</param>
    /// <param name="clock">The clock slices of workflow code are timed with (the deadlock watchdog's).</param>
    /// <param name="onFailure">Told, from the thread that found it, of a fatal error found while no decision task runs.</param>
    /// <param name="continueAsNewSuggestedAfter">The history length from which <see cref="WorkflowInfo.IsContinueAsNewSuggested"/> is true.</param>
    public WorkflowInstance(
        WorkflowDefinition definition,
        string domain,
        WorkflowExecution execution,
        IPayloadConverter payloadConverter,
        ILogger logger,
        TimeProvider? clock = null,
        Action<WorkflowInstance, Exception>? onFailure = null,
        long continueAsNewSuggestedAfter = WorkflowWorkerOptions.DefaultContinueAsNewSuggestedAfterEvents)
    {
        _definition = definition;
        Domain = domain;
        WorkflowId = execution.WorkflowId;
        RunId = execution.RunId;
        PayloadConverter = payloadConverter;
        _logger = logger;
        _clock = clock ?? TimeProvider.System;
        _onFailure = onFailure;
        _continueAsNewSuggestedAfter = continueAsNewSuggestedAfter;
        Logger = new ReplaySafeLogger(logger, () => IsReplaying);
    }

    public string Domain { get; }

    public string WorkflowId { get; }

    public string RunId { get; }

    /// <summary>Gets the workflow type.</summary>
    public WorkflowType WorkflowType => _definition.WorkflowType;

    public WorkflowInfo Info { get; private set; } = null!;

    public DateTime UtcNow { get; private set; }

    public bool IsReplaying { get; private set; }

    public CancellationToken CancellationToken => _cancellation.Token;

    public Random Random
    {
        get
        {
            ThrowIfInQuery("use Workflow.Random");
            return _random ??= new Random(StableSeed(RunId));
        }
    }

    public ILogger Logger { get; }

    public IPayloadConverter PayloadConverter { get; }

    /// <summary>Gets a value indicating whether the run has closed (its closing event is in history).</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Gets the fatal error that broke the run (a foreign continuation, a deadlock), if one did.</summary>
    public Exception? Fatal
    {
        get
        {
            lock (_gate)
            {
                return _fatal;
            }
        }
    }

    /// <inheritdoc/>
    public override int MaximumConcurrencyLevel => 1;

    public Guid NewGuid()
    {
        ThrowIfInQuery("call Workflow.NewGuid");
        // A version-4 GUID from the run id and a sequence number, the same on every replay.
        var bytes = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{RunId}/{++_guidSequence}"));
        var guid = bytes.AsSpan(0, 16);
        guid[7] = (byte)((guid[7] & 0x0F) | 0x40);
        guid[8] = (byte)((guid[8] & 0x3F) | 0x80);
        return new Guid(guid);
    }

    public void Dispose() => _cancellation.Dispose();

    /// <summary>
    /// Returns how long the slice of workflow code running now has run, or null when none runs (the instance
    /// waits for history, or the runtime itself is working).
    /// </summary>
    public TimeSpan? RunningSliceElapsed()
    {
        var started = Interlocked.Read(ref _sliceStartedAt);
        return started == NoSlice ? null : _clock.GetElapsedTime(started);
    }

    /// <summary>
    /// Gives up on the instance while its code is stuck: the stuck thread, if it ever returns, stops at once
    /// with <paramref name="reason"/> and the instance never runs code again.
    /// </summary>
    public void Abandon(Exception reason)
    {
        lock (_gate)
        {
            _abandoned = true;
            _fatal ??= reason;
        }
    }

    /// <inheritdoc/>
    protected override void QueueTask(Task task)
    {
        if (_driving && Environment.CurrentManagedThreadId == _drivingThread)
        {
            (_queueingSignal ? _readySignals : _ready).Enqueue(task);
            return;
        }

        // A continuation arrived from another thread: the code awaited something that is not part of the
        // workflow API (Task.Delay, Task.Run, I/O) or resumed off the scheduler (ConfigureAwait(false)).
        // Running it would make replay racy; it is never run.
        OnForeignThread(ForeignContinuation.Describe());
    }

    /// <inheritdoc/>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && ReferenceEquals(task, _processing) && TryExecuteTask(task);

    /// <inheritdoc/>
    protected override IEnumerable<Task> GetScheduledTasks() => [.. _readySignals, .. _ready];

    /// <summary>Tells whether the caller is the thread driving a decision task (workflow code may touch state).</summary>
    private bool OnDrivingThread => _driving && Environment.CurrentManagedThreadId == _drivingThread;

    /// <summary>Records that workflow state was reached from another thread; reports it when no decision task runs.</summary>
    private void OnForeignThread(string what)
    {
        var failure = new InvalidWorkflowOperationException(
            $"Workflow {_definition.WorkflowType.Name} (run {RunId}) continued on another thread, outside the workflow scheduler: {what}. " +
            "Workflow code must only await the Workflow API: Workflow.DelayAsync instead of Task.Delay, activities for I/O, no Task.Run, " +
            "no ConfigureAwait(false) or ConfigureAwait(ConfigureAwaitOptions.None), and CancellationTokenSource.Cancel rather than CancelAsync or CancelAfter.");
        bool report;
        lock (_gate)
        {
            if (_abandoned || _fatal is not null)
            {
                return;
            }

            _fatal = failure;
            report = !_driving;
        }

        if (report)
        {
            _onFailure?.Invoke(this, failure);
        }
    }

    /// <summary>Runs the runtime's processing of a decision task as a task on this scheduler, then rethrows what it threw.</summary>
    private List<Decision> RunOnScheduler(Func<List<Decision>> process)
    {
        // While history is applied, completing a workflow task must never run a continuation inline off the
        // scheduler: as the current scheduler, this one makes a ConfigureAwait(false) continuation go to the
        // thread pool, from where its return to workflow code is caught.
        var processing = new Task<List<Decision>>(process);
        _processing = processing;
        try
        {
            processing.RunSynchronously(this);
        }
        finally
        {
            _processing = null;
        }

        if (processing.IsFaulted)
        {
            ExceptionDispatchInfo.Capture(processing.Exception!.InnerException!).Throw();
        }

        return processing.Result;
    }

    /// <summary>Runs workflow code until every task waits on history; signal handlers go first.</summary>
    private void RunUntilBlocked()
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            while (true)
            {
                while (_readySignals.Count > 0 || _ready.Count > 0)
                {
                    var task = _readySignals.Count > 0 ? _readySignals.Dequeue() : _ready.Dequeue();
                    BeginSlice();
                    try
                    {
                        TryExecuteTask(task);
                    }
                    finally
                    {
                        EndSlice();
                    }

                    ThrowIfFatal();
                }

                BeginSlice();
                bool changed;
                try
                {
                    changed = CheckConditions();
                }
                finally
                {
                    EndSlice();
                }

                ThrowIfFatal();
                if (!changed)
                {
                    break;
                }
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void BeginSlice() => Interlocked.Exchange(ref _sliceStartedAt, _clock.GetTimestamp());

    private void EndSlice() => Interlocked.Exchange(ref _sliceStartedAt, NoSlice);

    private void ThrowIfFatal()
    {
        Exception? fatal;
        lock (_gate)
        {
            fatal = _fatal;
        }

        if (fatal is not null)
        {
            throw fatal;
        }
    }

    private void StartRun(string? input)
    {
        // The object is created first (its constructor may use the Workflow API), then signal handlers
        // delivered with the start run, then the run method.
        Exception? createFailure = null;
        Start(
            () =>
            {
                try
                {
                    _workflow = _definition.CreateInstance();
                    BuildInterceptorChains();
                }
                catch (Exception ex)
                {
                    createFailure = ex;
                }

                return Task.CompletedTask;
            },
            isSignal: true);
        Start(() =>
        {
            _run = createFailure is null ? Invoke(() => RunThroughInterceptors(input)) : Task.FromException<string?>(createFailure);
            WatchCompletion(_run);
            return _run;
        });
    }

    /// <summary>
    /// Makes the completion of a piece of workflow code pass through this scheduler, so code that finished on
    /// another thread (after <c>ConfigureAwait(false)</c> all the way up) is caught like any foreign continuation.
    /// </summary>
    private void WatchCompletion(Task code) =>
        code.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, this);

    private static Task<T> Invoke<T>(Func<Task<T>> code)
    {
        try
        {
            return code();
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    /// <summary>Starts a piece of workflow code on this scheduler.</summary>
    private void Start(Func<Task> code, bool isSignal = false)
    {
        var task = new Task<Task>(code);
        _queueingSignal = isSignal;
        try
        {
            task.Start(this);
        }
        finally
        {
            _queueingSignal = false;
        }
    }

    private static int StableSeed(string text)
    {
        // FNV-1a: string.GetHashCode is randomized per process, which would break replay elsewhere.
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }
}
