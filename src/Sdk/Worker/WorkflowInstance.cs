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
internal sealed partial class WorkflowInstance : TaskScheduler, IWorkflowContext, IDisposable
{
    private readonly WorkflowDefinition _definition;
    private readonly ILogger _logger;
    private readonly Queue<Task> _ready = new();
    private readonly Queue<Task> _readySignals = new();
    private readonly List<WorkflowCommand> _pending = [];
    private readonly Queue<WorkflowCommand> _sent = new();
    private readonly CancellationTokenSource _cancellation = new();
    private object? _workflow;
    private Task<string?>? _run;
    private Random? _random;
    private int _drivingThread;
    private bool _driving;
    private bool _queueingSignal;
    private Exception? _fatal;
    private long _guidSequence;

    public WorkflowInstance(WorkflowDefinition definition, string domain, WorkflowExecution execution, IPayloadConverter payloadConverter, ILogger logger)
    {
        _definition = definition;
        Domain = domain;
        WorkflowId = execution.WorkflowId;
        RunId = execution.RunId;
        PayloadConverter = payloadConverter;
        _logger = logger;
        Logger = new ReplaySafeLogger(logger, () => IsReplaying);
    }

    public string Domain { get; }

    public string WorkflowId { get; }

    public string RunId { get; }

    public WorkflowInfo Info { get; private set; } = null!;

    public DateTime UtcNow { get; private set; }

    public bool IsReplaying { get; private set; }

    public CancellationToken CancellationToken => _cancellation.Token;

    public Random Random => _random ??= new Random(StableSeed(RunId));

    public ILogger Logger { get; }

    public IPayloadConverter PayloadConverter { get; }

    /// <summary>Gets a value indicating whether the run has closed (its closing event is in history).</summary>
    public bool IsClosed { get; private set; }

    /// <inheritdoc/>
    public override int MaximumConcurrencyLevel => 1;

    public Guid NewGuid()
    {
        // A version-4 GUID from the run id and a sequence number, the same on every replay.
        var bytes = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{RunId}/{++_guidSequence}"));
        var guid = bytes.AsSpan(0, 16);
        guid[7] = (byte)((guid[7] & 0x0F) | 0x40);
        guid[8] = (byte)((guid[8] & 0x3F) | 0x80);
        return new Guid(guid);
    }

    public void Dispose() => _cancellation.Dispose();

    /// <inheritdoc/>
    protected override void QueueTask(Task task)
    {
        if (!_driving || Environment.CurrentManagedThreadId != _drivingThread)
        {
            // A continuation arrived from another thread: the code awaited something that is not part
            // of the workflow API (Task.Delay, Task.Run, I/O). Running it would make replay racy.
            _fatal ??= new InvalidWorkflowOperationException(
                $"Workflow {_definition.WorkflowType.Name} (run {RunId}) awaited a task that did not come from the workflow API " +
                "(such as Task.Delay, Task.Run, CancellationTokenSource.CancelAsync, HttpClient or file I/O). Use Workflow.DelayAsync for timers, CancellationTokenSource.Cancel, and activities for I/O.");
            return;
        }

        (_queueingSignal ? _readySignals : _ready).Enqueue(task);
    }

    /// <inheritdoc/>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    /// <inheritdoc/>
    protected override IEnumerable<Task> GetScheduledTasks() => [.. _readySignals, .. _ready];

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
                    TryExecuteTask(task);
                    ThrowIfFatal();
                }

                if (!CheckConditions())
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

    private void ThrowIfFatal()
    {
        if (_fatal is { } fatal)
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
                }
                catch (Exception ex)
                {
                    createFailure = ex;
                }

                return Task.CompletedTask;
            },
            isSignal: true);
        Start(() => _run = createFailure is null ? Invoke(() => _definition.Run(_workflow!, input)) : Task.FromException<string?>(createFailure));
    }

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
