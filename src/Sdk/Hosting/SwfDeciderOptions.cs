namespace Swf.Hosting;

/// <summary>Settings of the decider (workflow worker) a host runs.</summary>
public sealed class SwfDeciderOptions
{
    /// <summary>Gets or sets the task list polled for decision tasks; by default the first workflow's task list.</summary>
    public string? TaskList { get; set; }

    /// <summary>Gets or sets how many decision polls run at once on each task list.</summary>
    public int PollerCount { get; set; } = 2;

    /// <summary>Gets or sets how many running workflow instances are kept in memory.</summary>
    public int CacheSize { get; set; } = 1000;

    /// <summary>Gets or sets a value indicating whether decision tasks are routed back to this process (sticky execution).</summary>
    public bool StickyExecution { get; set; } = true;
}
