namespace Swf.LocalEngine.State;

/// <summary>Where a decision task is in its life: DecisionTaskScheduled, DecisionTaskStarted, then completed or timed out.</summary>
internal enum DecisionTaskPhase
{
    /// <summary>Waiting on its task list for a decider.</summary>
    Scheduled,

    /// <summary>Handed to a decider, which holds its task token.</summary>
    Started,

    /// <summary>Completed or timed out, or its run closed: its token no longer works.</summary>
    Done,
}
