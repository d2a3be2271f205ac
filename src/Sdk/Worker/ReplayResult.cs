using Swf.Exceptions;
using Swf.Model;

namespace Swf.Worker;

/// <summary>The outcome of replaying one recorded history.</summary>
/// <param name="Source">Where the history came from, such as its file, or the execution it was downloaded from.</param>
/// <param name="WorkflowType">The workflow type the history belongs to, when it could be read.</param>
/// <param name="Error">Why the replay failed, or null when it matched.</param>
public sealed record ReplayResult(string Source, WorkflowType? WorkflowType, Exception? Error)
{
    /// <summary>Gets a value indicating whether the code made the decisions the history recorded.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Gets how the replay ended, from <see cref="Error"/>.</summary>
    public ReplayStatus Status => Error switch
    {
        null => ReplayStatus.Succeeded,
        NonDeterministicWorkflowException or InvalidWorkflowOperationException => ReplayStatus.NonDeterministic,
        ReplayExecutionRequiredException => ReplayStatus.ExecutionRequired,
        _ => ReplayStatus.Error,
    };

    /// <summary>Gets the event where the code and the history differ, for a non-determinism.</summary>
    public long? EventId => (Error as NonDeterministicWorkflowException)?.EventId;

    /// <summary>Gets the execution the history was replayed as, when it was known (recorded in the history, or given).</summary>
    public WorkflowExecution? Execution { get; init; }

    /// <summary>Gets the number of events replayed, when the history could be read.</summary>
    public int? EventCount { get; init; }

    /// <summary>Describes the outcome on one line.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Succeeded ? $"{Source}: ok" : $"{Source}: {Error!.Message}";
}
