namespace Swf.LocalEngine.State;

/// <summary>
/// A Lambda task of a run, from LambdaFunctionScheduled until its outcome (completed, failed, timed out) or the
/// run's close. The engine invokes the function registered under its name in process.
/// </summary>
internal sealed class LambdaFunctionState
{
    public required ExecutionState Execution { get; init; }

    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Input { get; init; }

    public required long ScheduledEventId { get; init; }

    public required TimeSpan StartToCloseTimeout { get; init; }

    /// <summary>Gets the engine's undo log, which the task's transitions record to.</summary>
    public required UndoLog Undo { get; init; }

    /// <summary>Gets the LambdaFunctionStarted event's id; 0 until the function is invoked.</summary>
    public long StartedEventId { get; private set; }

    /// <summary>Gets a value indicating whether the task has its outcome, or was dropped with its run.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Gets the start-to-close timeout; null until the function is invoked.</summary>
    public ScheduledAction? Timeout { get; private set; }

    /// <summary>
    /// Gets the token the function is invoked with: cancelled when the task times out or its run closes, so a
    /// function that honours it stops working for a task whose outcome no longer counts.
    /// </summary>
    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Scheduled to Started: SWF invoked the function.</summary>
    /// <param name="startedEventId">The LambdaFunctionStarted event's id.</param>
    /// <param name="timeout">The armed start-to-close timeout.</param>
    public void Start(long startedEventId, ScheduledAction timeout)
    {
        if (IsClosed || StartedEventId != 0)
        {
            throw Illegal(nameof(Start));
        }

        StartedEventId = startedEventId;
        Timeout = timeout;
        Undo.Record(() => (StartedEventId, Timeout) = (0, null));
    }

    /// <summary>The task has its outcome, or its run closed: its timeout stops.</summary>
    public void Close()
    {
        if (IsClosed)
        {
            throw Illegal(nameof(Close));
        }

        IsClosed = true;
        Undo.Record(() => IsClosed = false);
        Timeout?.Cancel();
    }

    private InvalidOperationException Illegal(string transition) =>
        IllegalTransition.Create($"Lambda task {Id} (scheduled by event {ScheduledEventId})", transition, IsClosed ? "Closed" : StartedEventId == 0 ? "Scheduled" : "Started");
}
