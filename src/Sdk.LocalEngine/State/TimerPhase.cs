namespace Swf.LocalEngine.State;

/// <summary>Where a timer is in its life: TimerStarted, then TimerFired or TimerCanceled.</summary>
internal enum TimerPhase
{
    /// <summary>Waiting for its fire time.</summary>
    Started,

    /// <summary>Its time came: TimerFired was recorded.</summary>
    Fired,

    /// <summary>A CancelTimer decision stopped it: TimerCanceled was recorded.</summary>
    Canceled,
}
