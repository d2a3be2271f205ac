using Microsoft.Extensions.Logging;
using Swf.Converters;
using Swf.Exceptions;
using Swf.Model;

namespace Swf.Worker;

/// <summary>Settings of a <see cref="WorkflowWorker"/>.</summary>
public sealed class WorkflowWorkerOptions
{
    /// <summary>Gets or sets the domain. Required.</summary>
    public string Domain { get; set; } = string.Empty;

    /// <summary>Gets or sets the task list polled for decision tasks. Required.</summary>
    public string TaskList { get; set; } = string.Empty;

    /// <summary>
    /// Gets the other task lists polled for decision tasks (for workflow types whose default task list is not
    /// <see cref="TaskList"/>, such as children). Every list is polled by <see cref="PollerCount"/> pollers; all
    /// share the worker's cache of running instances and its sticky task list.
    /// </summary>
    public IList<string> AdditionalTaskLists { get; } = new List<string>();

    /// <summary>Gets or sets the identity recorded in <c>DecisionTaskStarted</c> events.</summary>
    public string Identity { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Gets or sets how many long polls run at once on each task list.</summary>
    public int PollerCount { get; set; } = 2;

    /// <summary>Gets or sets how many running workflow instances are kept in memory (least recently used are dropped); 0 replays every decision task from event 1.</summary>
    public int CacheSize { get; set; } = 1000;

    /// <summary>
    /// Gets or sets a value indicating whether decision tasks are routed back to this worker (SWF's
    /// task-list override with a schedule-to-start timeout), so its cached instance answers them.
    /// </summary>
    public bool StickyExecution { get; set; } = true;

    /// <summary>Gets or sets how long SWF waits for this worker to start a sticky decision task before it reverts to the normal task list.</summary>
    public TimeSpan StickyScheduleToStartTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the largest page of history events requested at once (0 for SWF's default).</summary>
    public int MaximumPageSize { get; set; }

    /// <summary>
    /// Gets or sets how long workflow code may run without yielding to the workflow scheduler before the
    /// decision task fails with a <see cref="WorkflowDeadlockException"/> (default 2 seconds);
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns the watchdog off.
    /// </summary>
    /// <remarks>
    /// With the watchdog on, each decision task's replay runs on a thread-pool thread the worker can give up
    /// on. A deadlocked run is dropped from the cache and its later decision tasks fail at once; the thread
    /// that runs the stuck code is left behind, blocked where the code blocked, until it returns (if ever).
    /// </remarks>
    public TimeSpan DeadlockTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The default of <see cref="ContinueAsNewSuggestedAfterEvents"/>: the history length SWF advises staying under.</summary>
    public const int DefaultContinueAsNewSuggestedAfterEvents = 10_000;

    /// <summary>The history length past which the worker warns that SWF's hard limit is near.</summary>
    public const int HistoryNearLimitEvents = 20_000;

    /// <summary>The history length at which SWF terminates an execution.</summary>
    public const int SwfHistoryLimit = 25_000;

    /// <summary>
    /// Gets or sets the history length (in events) from which <see cref="Workflows.WorkflowInfo.IsContinueAsNewSuggested"/>
    /// is true (default 10,000). The worker logs a warning once per run that reaches it, and again at 20,000 events;
    /// SWF terminates an execution at 25,000.
    /// </summary>
    /// <remarks>
    /// Replay computes the flag from this value too: lowering it while runs past the new value are open changes what
    /// their replay sees. Change it as a versioned change of the workflows that read it (see docs/continue-as-new.md).
    /// </remarks>
    public int ContinueAsNewSuggestedAfterEvents { get; set; } = DefaultContinueAsNewSuggestedAfterEvents;

    /// <summary>Gets or sets the clock of the deadlock watchdog (a test passes a fake one to trigger it without waiting).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the converter of workflow payloads.</summary>
    public IPayloadConverter? PayloadConverter { get; set; }

    /// <summary>
    /// Gets or sets the payload pipeline (codecs, claim check) applied where payloads cross the wire; null means
    /// <see cref="Payloads.PayloadPipeline.Empty"/>, which passes plain payloads and names what an encoded one needs.
    /// </summary>
    public Payloads.PayloadPipeline? PayloadPipeline { get; set; }

    /// <summary>
    /// Gets the workflow interceptors, outermost first (see docs/interceptors.md). They run on the workflow scheduler,
    /// during replay too, and must follow the rules of workflow code.
    /// </summary>
    public IList<Interceptors.IWorkflowInterceptor> Interceptors { get; } = new List<Interceptors.IWorkflowInterceptor>();

    /// <summary>Gets or sets the logger factory.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Gets or sets what to call when a decision task fails and is left unanswered (non-determinism, a broken
    /// rule of workflow code, a deadlock, a runtime bug), or when a cached run breaks between decision tasks (a
    /// continuation arrived from another thread). Called on the thread that found it; it must not throw.
    /// </summary>
    public Action<WorkflowTaskFailedException>? OnDecisionTaskFailed { get; set; }

    /// <summary>Gets or sets what to call when a decision task of a run was answered. Called on the polling thread; it must not throw.</summary>
    public Action<WorkflowExecution>? OnDecisionTaskCompleted { get; set; }
}
