using Microsoft.Extensions.Logging;
using Swf.Converters;

namespace Swf.Worker;

/// <summary>Settings of a <see cref="WorkflowWorker"/>.</summary>
public sealed class WorkflowWorkerOptions
{
    /// <summary>Gets or sets the domain. Required.</summary>
    public string Domain { get; set; } = string.Empty;

    /// <summary>Gets or sets the task list polled for decision tasks. Required.</summary>
    public string TaskList { get; set; } = string.Empty;

    /// <summary>Gets or sets the identity recorded in <c>DecisionTaskStarted</c> events.</summary>
    public string Identity { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Gets or sets how many long polls run at once on each task list.</summary>
    public int PollerCount { get; set; } = 2;

    /// <summary>Gets or sets how many running workflow instances are kept in memory (least recently used are dropped).</summary>
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

    /// <summary>Gets or sets the converter of workflow payloads.</summary>
    public IPayloadConverter? PayloadConverter { get; set; }

    /// <summary>Gets or sets the logger factory.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
