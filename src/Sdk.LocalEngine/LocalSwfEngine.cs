using Swf.Client;
using Swf.Exceptions;
using Swf.LocalEngine.Journal;
using Swf.LocalEngine.State;
using Swf.LocalEngine.Wire;
using Swf.Model;
using Swf.Validation;

namespace Swf.LocalEngine;

/// <summary>
/// Amazon SWF in process: registration, executions, task lists with real long polls, every
/// decision and failure cause, every timeout, timers, signals, cancel requests, children,
/// continue-as-new, history paging, visibility and SWF's limits and faults, on a
/// <see cref="TimeProvider"/>. It is a faithful implementation of the service, not a mock: where
/// SWF's documented behaviour and other emulators differ, it follows SWF.
/// </summary>
/// <remarks>
/// <para>
/// All state sits behind one lock. Nothing waits while holding it: long polls wait outside it,
/// and timer callbacks that the clock runs synchronously inside an engine call are deferred to
/// the end of that call. Objects returned to callers are fresh copies.
/// </para>
/// <para>
/// Every call is all or nothing. A request is checked completely before anything changes (the
/// model's constraints, then the operation's own rules: every decision of a batch, for instance),
/// and then applied under an undo log that takes back every change if applying throws anyway, which
/// only a bug in the engine can make it do. A call that fails changes nothing; one that fails with
/// anything but one of SWF's faults is not journaled either (see <see cref="Mutate"/>).
/// </para>
/// </remarks>
public sealed partial class LocalSwfEngine : ISwfClient, IDisposable
{
    // A System.Threading.Timer holds at most 2^32-2 ms (~49.7 days); longer waits are chained.
    private static readonly TimeSpan MaxTimerChunk = TimeSpan.FromDays(40);

    private readonly Lock _lock = new();
    private readonly LocalSwfEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly TimeProvider _pollTime;
    private readonly SortedDictionary<string, DomainState> _domains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DecisionTaskState> _decisionTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActivityTaskState> _activityTokens = new(StringComparer.Ordinal);
    private readonly SortedSet<ScheduledAction> _scheduled = new(ScheduledAction.Order);
    private readonly ITimer _clock;
    private readonly HashSet<ExecutionState> _touched = [];
    private readonly UndoLog _undo = new();
    private int _depth;
    private long _sequence;
    private long _tokenCounter;
    private bool _disposed;
    private DateTimeOffset? _virtualNow;
    private DateTimeOffset? _callNow;
    private bool _ranScheduledActions;

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
        if (options.Journal is not null && options.LambdaFunctions.Count > 0)
        {
            throw new ArgumentException("An engine with Lambda functions cannot have a journal: the functions' results come from outside the engine and could not be replayed.", nameof(options));
        }

        _options = options;
        _time = options.TimeProvider;
        _pollTime = options.LongPollTimeProvider ?? options.TimeProvider;
        _journal = options.Journal;
        _clock = _time.CreateTimer(_ => OnClock(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        FaultHook = options.FaultHook;
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
            _clock.Dispose();
            _scheduled.Clear();
            foreach (var domain in _domains.Values)
            {
                foreach (var execution in domain.Executions.Values.Where(e => e.IsOpen))
                {
                    execution.StopTimers();
                }

                foreach (var queue in domain.DecisionTaskLists.Values.Concat(domain.ActivityTaskLists.Values))
                {
                    queue.WakeAll();
                }
            }
        }
    }

    /// <summary>
    /// Gets the engine's time: the clock's, except while a timeout or timer runs, which runs as of
    /// its due time (so a fake clock advanced past several deadlines at once still records each at
    /// its own time, as SWF would have).
    /// </summary>
    private DateTimeOffset ClockNow => _virtualNow ?? _callNow ?? _time.GetUtcNow();

    /// <summary>Gets the engine's time to the millisecond, as SWF records it.</summary>
    private DateTime Now
    {
        get
        {
            var now = ClockNow.UtcDateTime;
            return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        }
    }

    private long NextSequence()
    {
        var previous = _sequence;
        _undo.Record(() => _sequence = previous);
        return ++_sequence;
    }

    private string NewToken(string kind)
    {
        var previous = _tokenCounter;
        _undo.Record(() => _tokenCounter = previous);
        return Generate(static () => Convert.ToBase64String(Guid.NewGuid().ToByteArray())) + kind + PageToken.Format(++_tokenCounter);
    }

    /// <summary>
    /// Runs an operation under the lock, then settles deferred work (timer callbacks, the history
    /// limit). The outermost call happens at one instant: the clock is read once, on entry.
    /// </summary>
    private T Locked<T>(Func<T> body)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var outermost = _depth == 0;
            if (outermost)
            {
                BeginCall();
            }

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
                if (outermost)
                {
                    EndCall();
                }
            }
        }
    }

    private void Locked(Action body) => Locked(() =>
    {
        body();
        return true;
    });

    /// <summary>
    /// What every operation that changes state does: checks the request as SWF does before it accepts
    /// anything (the model's constraints, then the operation's own rules), then runs the operation
    /// under the lock, all or nothing (see <see cref="UndoLog"/>), and journals the request.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A request that fails the checks is not journaled; the check's exception is thrown to the caller
    /// directly. A request the operation refuses with one of SWF's faults (an unknown token, a type
    /// already registered) changed nothing, and is journaled all the same (see
    /// <see cref="JournalEntry.Request"/>): replaying it fails the same way.
    /// </para>
    /// <para>
    /// Any other exception is a bug in the engine. Everything the operation changed before it threw
    /// is taken back, so that no half of it stays (a batch whose first decisions are recorded and
    /// whose decision task is gone, a task started with no token handed out), and it is not
    /// journaled, so that a restart does not meet it again. Timers and timeouts that were due still
    /// run once the call ends, and are journaled as a clock tick, as they would have been without
    /// the call.
    /// </para>
    /// </remarks>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="validate">Checks the request's shape: <see cref="SwfRequestValidator.ThrowIfInvalid(StartWorkflowExecutionRequest)"/> and its overloads, or a <c>Validate</c> method that adds the operation's rules.</param>
    /// <param name="body">The operation.</param>
    private Task<TResponse> Mutate<TRequest, TResponse>(TRequest request, Action<TRequest> validate, Func<TResponse> body)
        where TRequest : class
    {
        validate(request);
        return Task.FromResult(Locked(() =>
        {
            try
            {
                var response = _undo.Run(() =>
                {
                    var applied = body();
                    Step("applied");
                    return applied;
                });
                _accepted = request;
                return response;
            }
            catch (SwfException)
            {
                _accepted = request;
                throw;
            }
        }));
    }

    /// <summary>
    /// What every operation that only reads does: checks the request, then answers under the lock;
    /// nothing is journaled. Reading forgets closed runs past their retention, which is taken back
    /// with the rest if the read fails.
    /// </summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="validate">Checks the request's shape, as for <see cref="Mutate"/>.</param>
    /// <param name="body">The operation.</param>
    private Task<TResponse> Read<TRequest, TResponse>(TRequest request, Action<TRequest> validate, Func<TResponse> body)
    {
        validate(request);
        return Task.FromResult(Locked(() => _undo.Run(body)));
    }

    /// <summary>Finishes an operation: runs due timeouts and timers, enforces the history limit, re-arms the clock.</summary>
    private void Settle()
    {
        var busy = true;
        while (busy)
        {
            busy = RunDueActions();
            var touched = _touched.ToList();
            _touched.Clear();
            foreach (var execution in touched)
            {
                EnforceHistoryLimit(execution);
            }

            busy |= touched.Count > 0 && _touched.Count > 0;
        }

        ArmClock();
    }

    /// <summary>Runs an action when the engine's clock has advanced by <paramref name="due"/>.</summary>
    private ScheduledAction Schedule(TimeSpan due, Action action)
    {
        var scheduled = new ScheduledAction(ClockNow + due, NextSequence(), action, _scheduled, _undo);
        scheduled.Add();
        Step("schedule");
        return scheduled;
    }

    /// <summary>
    /// Runs every action that is due, earliest first, each as of its due time, and each all or
    /// nothing: one that throws (a bug) is dropped with none of its changes, and its exception goes on.
    /// </summary>
    private bool RunDueActions()
    {
        var ran = false;
        var now = _callNow ?? _time.GetUtcNow();
        while (_scheduled.Min is { } next && next.DueAt <= now)
        {
            next.Cancel();
            _virtualNow = next.DueAt;
            try
            {
                _undo.Run(next.Action);
            }
            finally
            {
                _virtualNow = null;
            }

            ran = true;
            _ranScheduledActions = true;
        }

        return ran;
    }

    /// <summary>Points the one clock timer at the earliest due action (in chunks a timer can hold).</summary>
    private void ArmClock()
    {
        if (_replaying)
        {
            // A journal being replayed holds every timer; the clock starts once the replay is done.
            return;
        }

        if (_scheduled.Min is not { } next || _disposed)
        {
            _clock.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var wait = next.DueAt - _time.GetUtcNow();
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxTimerChunk ? MaxTimerChunk : wait;
        _clock.Change(wait, Timeout.InfiniteTimeSpan);
    }

    private void OnClock()
    {
        lock (_lock)
        {
            // Inside an engine call (a fake clock fires synchronously when the timer is set): that call settles.
            if (_disposed || _depth > 0)
            {
                return;
            }

            BeginCall();
            _depth++;
            try
            {
                Settle();
            }
            finally
            {
                _depth--;
                EndCall();
            }
        }
    }

    /// <summary>Appends an event to an open run's history and returns its id.</summary>
    private long Append(ExecutionState execution, EventType type, Action<HistoryEvent> setAttributes)
    {
        var eventId = execution.Append(type, Now, setAttributes);
        if (_touched.Add(execution))
        {
            _undo.Record(() => _touched.Remove(execution));
        }

        Step("append:" + type.Value);
        return eventId;
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
