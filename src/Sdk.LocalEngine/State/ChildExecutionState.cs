namespace Swf.LocalEngine.State;

/// <summary>A child of a run, from StartChildWorkflowExecutionInitiated until the child closes.</summary>
internal sealed class ChildExecutionState
{
    public required long InitiatedEventId { get; init; }

    public required string WorkflowId { get; init; }

    public required TypeKey WorkflowType { get; init; }

    /// <summary>Gets the engine's undo log, which the child's transitions record to.</summary>
    public required UndoLog Undo { get; init; }

    public ChildExecutionPhase Phase { get; private set; } = ChildExecutionPhase.Initiated;

    /// <summary>Gets the child's current run once started (a continued-as-new child moves to its new run).</summary>
    public ExecutionState? Run { get; private set; }

    /// <summary>Gets the ChildWorkflowExecutionStarted event's id in the parent; 0 until the child starts.</summary>
    public long StartedEventId { get; private set; }

    /// <summary>Initiated to Started: the child's first run started.</summary>
    /// <param name="run">The child's run.</param>
    /// <param name="startedEventId">The ChildWorkflowExecutionStarted event's id in the parent.</param>
    public void Start(ExecutionState run, long startedEventId)
    {
        if (Phase != ChildExecutionPhase.Initiated)
        {
            throw Illegal(nameof(Start));
        }

        Phase = ChildExecutionPhase.Started;
        Run = run;
        StartedEventId = startedEventId;
        Undo.Record(() => (Phase, Run, StartedEventId) = (ChildExecutionPhase.Initiated, null, 0));
    }

    /// <summary>The started child continued as new: the parent follows it to its new run.</summary>
    /// <param name="run">The child's new run.</param>
    public void ContinueAs(ExecutionState run)
    {
        if (Phase != ChildExecutionPhase.Started)
        {
            throw Illegal(nameof(ContinueAs));
        }

        var previous = Run;
        Run = run;
        Undo.Record(() => Run = previous);
    }

    private InvalidOperationException Illegal(string transition) =>
        IllegalTransition.Create($"child {WorkflowId} (initiated by event {InitiatedEventId})", transition, Phase);
}
