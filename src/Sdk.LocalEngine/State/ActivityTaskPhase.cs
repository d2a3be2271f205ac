namespace Swf.LocalEngine.State;

/// <summary>Where an activity task is in its life: SWF's ActivityTaskScheduled, ActivityTaskStarted, then one closing event.</summary>
internal enum ActivityTaskPhase
{
    /// <summary>Waiting on its task list for a worker.</summary>
    Scheduled,

    /// <summary>Handed to a worker, which holds its task token.</summary>
    Started,

    /// <summary>Completed, failed, canceled or timed out, or its run closed: its token no longer works.</summary>
    Closed,
}
