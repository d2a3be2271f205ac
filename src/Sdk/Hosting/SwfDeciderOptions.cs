using Swf.Exceptions;

namespace Swf.Hosting;

/// <summary>Settings of the decider (workflow worker) a host runs.</summary>
public sealed class SwfDeciderOptions
{
    /// <summary>
    /// Gets or sets a task list polled for decision tasks besides every registered workflow's default task list
    /// (for executions started on another list, or workflows that declare none). By default only the workflows'
    /// own lists are polled.
    /// </summary>
    public string? TaskList { get; set; }

    /// <summary>Gets or sets how many decision polls run at once on each task list.</summary>
    public int PollerCount { get; set; } = 2;

    /// <summary>Gets or sets how many running workflow instances are kept in memory.</summary>
    public int CacheSize { get; set; } = 1000;

    /// <summary>Gets or sets a value indicating whether decision tasks are routed back to this process (sticky execution).</summary>
    public bool StickyExecution { get; set; } = true;

    /// <summary>
    /// Gets or sets how long workflow code may run without yielding to the workflow scheduler before its decision
    /// task fails with a <see cref="WorkflowDeadlockException"/> (default 2 seconds); <see cref="Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan DeadlockTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets after how many failed decision tasks in a row of the same run the health check reports the
    /// workers degraded (default 3). It is healthy again once that run's decision task succeeds or the run closes.
    /// </summary>
    public int DegradedAfterFailures { get; set; } = 3;
}
