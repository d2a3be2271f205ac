namespace Swf.LocalEngine.State;

/// <summary>A started timer of a run.</summary>
internal sealed class TimerState
{
    public required string TimerId { get; init; }

    public required long StartedEventId { get; init; }

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
    }

    /// <summary>Started to Fired: its time came.</summary>
    public void Fire()
    {
        if (Phase != TimerPhase.Started)
        {
            throw Illegal(nameof(Fire));
        }

        Phase = TimerPhase.Fired;
    }

    /// <summary>Started to Canceled: a CancelTimer decision stopped it before its time.</summary>
    public void Cancel()
    {
        if (Phase != TimerPhase.Started)
        {
            throw Illegal(nameof(Cancel));
        }

        Phase = TimerPhase.Canceled;
        Stop();
    }

    /// <summary>Withdraws the firing without recording anything (its run closes, or the engine is disposed).</summary>
    public void Stop() => Firing?.Cancel();

    private InvalidOperationException Illegal(string transition) =>
        IllegalTransition.Create($"timer {TimerId} (started by event {StartedEventId})", transition, Phase);
}
