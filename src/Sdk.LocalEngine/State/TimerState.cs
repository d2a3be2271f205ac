namespace Swf.LocalEngine.State;

/// <summary>A started timer of a run.</summary>
internal sealed class TimerState
{
    public required string TimerId { get; init; }

    public required long StartedEventId { get; init; }

    /// <summary>Gets the engine's undo log, which the timer's transitions record to.</summary>
    public required UndoLog Undo { get; init; }

    public TimerPhase Phase { get; private set; } = TimerPhase.Started;

    /// <summary>Gets the scheduled firing; null until it is armed.</summary>
    public ScheduledAction? Firing { get; private set; }

    /// <summary>Schedules the started timer's firing, once.</summary>
    /// <param name="firing">The scheduled firing.</param>
    public void Arm(ScheduledAction firing)
    {
        if (Phase != TimerPhase.Started || Firing is not null)
        {
            throw Illegal(nameof(Arm));
        }

        Firing = firing;
        Undo.Record(() => Firing = null);
    }

    /// <summary>Started to Fired: its time came.</summary>
    public void Fire()
    {
        if (Phase != TimerPhase.Started)
        {
            throw Illegal(nameof(Fire));
        }

        Phase = TimerPhase.Fired;
        Undo.Record(() => Phase = TimerPhase.Started);
    }

    /// <summary>Started to Canceled: a CancelTimer decision stopped it before its time.</summary>
    public void Cancel()
    {
        if (Phase != TimerPhase.Started)
        {
            throw Illegal(nameof(Cancel));
        }

        Phase = TimerPhase.Canceled;
        Undo.Record(() => Phase = TimerPhase.Started);
        Stop();
    }

    /// <summary>Withdraws the firing without recording anything (its run closes, or the engine is disposed).</summary>
    public void Stop() => Firing?.Cancel();

    private InvalidOperationException Illegal(string transition) =>
        IllegalTransition.Create($"timer {TimerId} (started by event {StartedEventId})", transition, Phase);
}
