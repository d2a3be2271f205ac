namespace Swf.Interceptors;

/// <summary>A timer to start, as <see cref="WorkflowOutboundInterceptor.DelayAsync"/> sees it (timers carry no payload, so no headers).</summary>
public sealed class StartTimerInput
{
    /// <summary>Initializes the input.</summary>
    /// <param name="delay">How long the timer runs.</param>
    /// <param name="timerId">The timer's id, or null for the next of the run's sequence.</param>
    /// <param name="cancellationToken">The token that cancels the timer.</param>
    public StartTimerInput(TimeSpan delay, string? timerId, CancellationToken cancellationToken)
    {
        Delay = delay;
        TimerId = timerId;
        CancellationToken = cancellationToken;
    }

    /// <summary>Gets how long the timer runs.</summary>
    public TimeSpan Delay { get; }

    /// <summary>Gets the timer's id, or null for the next of the run's sequence.</summary>
    public string? TimerId { get; }

    /// <summary>Gets the token that cancels the timer.</summary>
    public CancellationToken CancellationToken { get; }
}
