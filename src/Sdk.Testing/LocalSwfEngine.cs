using Swf.Client;
using Swf.Exceptions;
using Swf.Model;
using Swf.Testing.Engine;

namespace Swf.Testing;

/// <summary>
/// Amazon SWF in process: registration, executions, task lists with real long polls, every
/// decision and failure cause, every timeout, timers, signals, cancel requests, children,
/// continue-as-new, history paging, visibility and SWF's limits and faults, on a
/// <see cref="TimeProvider"/>. It is a faithful implementation of the service, not a mock: where
/// SWF's documented behaviour and other emulators differ, it follows SWF.
/// </summary>
/// <remarks>
/// All state sits behind one lock. Nothing waits while holding it: long polls wait outside it,
/// and timer callbacks that the clock runs synchronously inside an engine call are deferred to
/// the end of that call. Objects returned to callers are fresh copies.
/// </remarks>
public sealed partial class LocalSwfEngine : ISwfClient, IDisposable
{
    // A System.Threading.Timer holds at most 2^32-2 ms (~49.7 days); longer waits are chained.
    private static readonly TimeSpan MaxTimerChunk = TimeSpan.FromDays(40);

    private readonly Lock _lock = new();
    private readonly LocalSwfEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly SortedDictionary<string, DomainState> _domains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DecisionTaskState> _decisionTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActivityTaskState> _activityTokens = new(StringComparer.Ordinal);
    private readonly Queue<Action> _deferred = new();
    private readonly HashSet<ExecutionState> _touched = [];
    private int _depth;
    private long _sequence;
    private long _tokenCounter;
    private bool _disposed;

    /// <summary>Initializes an engine with SWF's default quotas on the system clock.</summary>
    public LocalSwfEngine()
        : this(new LocalSwfEngineOptions())
    {
    }

    /// <summary>Initializes an engine on the given clock, with SWF's default quotas.</summary>
    /// <param name="timeProvider">The clock for timestamps, timeouts, timers and long polls.</param>
    public LocalSwfEngine(TimeProvider timeProvider)
        : this(new LocalSwfEngineOptions { TimeProvider = timeProvider })
    {
    }

    /// <summary>Initializes an engine.</summary>
    /// <param name="options">The engine's settings.</param>
    public LocalSwfEngine(LocalSwfEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        ArgumentNullException.ThrowIfNull(options.RunIdGenerator);
        _options = options;
        _time = options.TimeProvider;
    }

    /// <summary>Stops every timer and ends waiting polls. Calls after disposal throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var domain in _domains.Values)
            {
                foreach (var execution in domain.Executions.Values.Where(e => e.IsOpen))
                {
                    CancelTimers(execution);
                }

                foreach (var queue in domain.DecisionTaskLists.Values.Concat(domain.ActivityTaskLists.Values))
                {
                    queue.WakeAll();
                }
            }
        }
    }

    /// <summary>Gets the current time, to the millisecond, as SWF records it.</summary>
    private DateTime Now
    {
        get
        {
            var now = _time.GetUtcNow().UtcDateTime;
            return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        }
    }

    private long NextSequence() => ++_sequence;

    private string NewToken(string kind) =>
        Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + kind + PageToken.Format(++_tokenCounter);

    /// <summary>Runs an operation under the lock, then settles deferred work (timer callbacks, the history limit).</summary>
    private T Locked<T>(Func<T> body)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _depth++;
            try
            {
                return body();
            }
            finally
            {
                if (_depth == 1)
                {
                    Settle();
                }

                _depth--;
            }
        }
    }

    private void Locked(Action body) => Locked(() =>
    {
        body();
        return true;
    });

    private void Settle()
    {
        while (_deferred.Count > 0 || _touched.Count > 0)
        {
            while (_deferred.TryDequeue(out var action))
            {
                action();
            }

            var touched = _touched.ToList();
            _touched.Clear();
            foreach (var execution in touched)
            {
                EnforceHistoryLimit(execution);
            }
        }
    }

    /// <summary>Runs an action when the clock reaches <paramref name="due"/> from now.</summary>
    private ScheduledAction Schedule(TimeSpan due, Action action)
    {
        var scheduled = new ScheduledAction();
        Arm(scheduled, _time.GetUtcNow() + due, action);
        return scheduled;
    }

    private void Arm(ScheduledAction scheduled, DateTimeOffset dueAt, Action action)
    {
        var remaining = dueAt - _time.GetUtcNow();
        if (remaining < TimeSpan.Zero)
        {
            remaining = TimeSpan.Zero;
        }

        var chunk = remaining > MaxTimerChunk ? MaxTimerChunk : remaining;
        var last = chunk == remaining;
        scheduled.Current = _time.CreateTimer(
            _ => OnTimer(() =>
            {
                if (scheduled.IsCancelled)
                {
                    return;
                }

                if (last)
                {
                    scheduled.Cancel();
                    action();
                }
                else
                {
                    scheduled.Current?.Dispose();
                    Arm(scheduled, dueAt, action);
                }
            }),
            null,
            chunk,
            Timeout.InfiniteTimeSpan);
    }

    private void OnTimer(Action action)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            // A fake clock runs a due timer synchronously inside CreateTimer; never re-enter a half-done change.
            if (_depth > 0)
            {
                _deferred.Enqueue(action);
                return;
            }

            _depth++;
            try
            {
                action();
            }
            finally
            {
                Settle();
                _depth--;
            }
        }
    }

    /// <summary>Appends an event to an open run's history and returns its id.</summary>
    private long Append(ExecutionState execution, EventType type, Action<HistoryEvent> setAttributes)
    {
        if (!execution.IsOpen)
        {
            throw new InvalidOperationException($"Engine bug: {type} appended to closed run {execution.RunId}.");
        }

        var historyEvent = new HistoryEvent { EventId = execution.History.Count + 1, EventType = type, EventTimestamp = Now };
        setAttributes(historyEvent);
        execution.History.Add(historyEvent);
        _touched.Add(execution);
        return historyEvent.EventId;
    }

    private DomainState GetDomain(string name) =>
        _domains.TryGetValue(name, out var domain) ? domain : throw new UnknownResourceException($"Unknown domain: {name}");

    /// <summary>Gets a domain that may take new work: registered, not deprecated.</summary>
    private DomainState GetActiveDomain(string name)
    {
        var domain = GetDomain(name);
        return domain.IsDeprecated ? throw new DomainDeprecatedException($"Domain is deprecated: {name}") : domain;
    }

    /// <summary>Finds the open run of a workflow id, or the given run if it is open.</summary>
    private static ExecutionState? FindOpenExecution(DomainState domain, string workflowId, string? runId)
    {
        if (!domain.OpenByWorkflowId.TryGetValue(workflowId, out var execution))
        {
            return null;
        }

        return string.IsNullOrEmpty(runId) || execution.RunId == runId ? execution : null;
    }

    private static ExecutionState GetOpenExecution(DomainState domain, string workflowId, string? runId) =>
        FindOpenExecution(domain, workflowId, runId)
        ?? throw new UnknownResourceException(
            string.IsNullOrEmpty(runId)
                ? $"Unknown execution: WorkflowExecution=[workflowId={workflowId}]"
                : $"Unknown execution: WorkflowExecution=[workflowId={workflowId}, runId={runId}]");
}
