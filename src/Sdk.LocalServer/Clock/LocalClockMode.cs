namespace Swf.LocalServer.Clock;

/// <summary>The clock swf-local's engine runs on (<c>--clock</c>).</summary>
public enum LocalClockMode
{
    /// <summary>The system clock (or <see cref="SwfLocalServerOptions.TimeProvider"/>): time cannot be moved.</summary>
    System,

    /// <summary>Time moves only when told, through <c>POST /_swf-local/clock/advance</c> or <c>/skip</c>.</summary>
    Manual,

    /// <summary>
    /// Time moves on its own, and jumps to the next due timer or timeout whenever every worker is idle
    /// (no decision or activity task started or waiting); it can also be moved as in <see cref="Manual"/>.
    /// </summary>
    Skip,
}
