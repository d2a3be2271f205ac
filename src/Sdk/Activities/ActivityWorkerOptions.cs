using Microsoft.Extensions.Logging;

namespace Swf.Activities;

/// <summary>Settings of an <see cref="ActivityWorker"/>.</summary>
public sealed class ActivityWorkerOptions
{
    /// <summary>Gets or sets the domain. Required.</summary>
    public string Domain { get; set; } = string.Empty;

    /// <summary>Gets or sets the task list polled for activity tasks. Required.</summary>
    public string TaskList { get; set; } = string.Empty;

    /// <summary>Gets or sets the identity recorded in <c>ActivityTaskStarted</c> events.</summary>
    public string Identity { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Gets or sets how many long polls run at once.</summary>
    public int PollerCount { get; set; } = 2;

    /// <summary>Gets or sets how many tasks run at once; pollers wait while this many run.</summary>
    public int MaxConcurrentTasks { get; set; } = 20;

    /// <summary>Gets or sets how long stopping waits for running tasks before cancelling them.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the clock used for automatic heartbeats.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the logger factory.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Gets or sets the payload pipeline (codecs, claim check) applied where payloads cross the wire; null means
    /// <see cref="Payloads.PayloadPipeline.Empty"/>, which passes plain payloads and names what an encoded one needs.
    /// </summary>
    public Payloads.PayloadPipeline? PayloadPipeline { get; set; }

    /// <summary>Gets the activity interceptors, outermost first (see docs/interceptors.md).</summary>
    public IList<Interceptors.IActivityInterceptor> Interceptors { get; } = new List<Interceptors.IActivityInterceptor>();
}
