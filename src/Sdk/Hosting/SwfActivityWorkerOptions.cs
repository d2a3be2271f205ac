namespace Swf.Hosting;

/// <summary>Settings of the activity worker of one task list.</summary>
public sealed class SwfActivityWorkerOptions
{
    /// <summary>Gets or sets how many activity polls run at once.</summary>
    public int PollerCount { get; set; } = 2;

    /// <summary>Gets or sets how many tasks run at once.</summary>
    public int MaxConcurrentTasks { get; set; } = 20;
}
