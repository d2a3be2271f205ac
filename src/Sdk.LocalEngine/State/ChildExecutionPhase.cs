namespace Swf.LocalEngine.State;

/// <summary>Where a child of a run is: StartChildWorkflowExecutionInitiated, then ChildWorkflowExecutionStarted (the parent forgets it once it closes or fails to start).</summary>
internal enum ChildExecutionPhase
{
    /// <summary>The parent asked for it; it starts once the parent's decision batch is recorded.</summary>
    Initiated,

    /// <summary>The child runs (or ran; a continued-as-new child moves to its new run).</summary>
    Started,
}
