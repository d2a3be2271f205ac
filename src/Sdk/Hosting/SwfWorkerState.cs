namespace Swf.Hosting;

/// <summary>The life cycle of a host's SWF workers.</summary>
public enum SwfWorkerState
{
    /// <summary>The host has not started them.</summary>
    NotStarted,

    /// <summary>Registering types and starting pollers.</summary>
    Starting,

    /// <summary>Polling and running tasks.</summary>
    Running,

    /// <summary>A worker stopped with an error.</summary>
    Faulted,

    /// <summary>Draining running tasks.</summary>
    Stopping,

    /// <summary>Stopped.</summary>
    Stopped,
}
