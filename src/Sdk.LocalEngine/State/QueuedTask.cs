namespace Swf.LocalEngine.State;

/// <summary>
/// A decision or activity task that can wait on a task list. Higher priority is served first
/// and, within a priority, the task scheduled first (SWF's documented order).
/// </summary>
internal abstract class QueuedTask
{
    public required ExecutionState Execution { get; init; }

    public required string TaskList { get; init; }

    public required int Priority { get; init; }

    /// <summary>Gets the order the task was scheduled in, engine-wide; breaks ties within a priority.</summary>
    public required long Sequence { get; init; }

    /// <summary>Gets a value indicating whether a poller may still start this task.</summary>
    public abstract bool IsStartable { get; }

    /// <summary>Gets the engine's undo log, which the task's transitions record to.</summary>
    protected UndoLog Undo => Execution.Domain.Undo;
}
