namespace Swf.LocalEngine.State;

/// <summary>Whether a run is open; a closed run has a close status (see <see cref="ExecutionState.CloseStatus"/>).</summary>
internal enum ExecutionPhase
{
    /// <summary>The run is open: its history grows, its tasks and timers run.</summary>
    Open,

    /// <summary>The run has closed; its history is final.</summary>
    Closed,
}
