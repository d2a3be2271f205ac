namespace Swf.Hosting;

/// <summary>
/// Settings of the SWF workers a host runs, usually bound from the <c>Swf</c> configuration section:
/// the domain, the connection, and the decider and activity workers.
/// </summary>
public sealed class SwfOptions
{
    /// <summary>The configuration section these options bind from by default.</summary>
    public const string SectionName = "Swf";

    /// <summary>Gets or sets the domain. Required.</summary>
    public string Domain { get; set; } = string.Empty;

    /// <summary>Gets or sets how many days SWF keeps closed executions of the domain (0 to 90), used when the host registers the domain.</summary>
    public int DomainRetentionDays { get; set; } = 7;

    /// <summary>Gets or sets a value indicating whether the domain and the types are registered at start-up (idempotent).</summary>
    public bool RegisterOnStart { get; set; } = true;

    /// <summary>Gets or sets the identity recorded in task-started events.</summary>
    public string Identity { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Gets the connection to SWF.</summary>
    public SwfConnectionOptions Connection { get; } = new();

    /// <summary>Gets the decider's settings.</summary>
    public SwfDeciderOptions Decider { get; } = new();

    /// <summary>Gets the activity workers' settings by task list; a task list not listed gets the defaults.</summary>
    public Dictionary<string, SwfActivityWorkerOptions> ActivityWorkers { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets how long stopping waits for running tasks before cancelling them.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(30);
}
