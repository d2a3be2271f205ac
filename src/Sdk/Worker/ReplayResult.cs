using Swf.Exceptions;
using Swf.Model;

namespace Swf.Worker;

/// <summary>The outcome of replaying one recorded history.</summary>
/// <param name="Source">Where the history came from, such as its file.</param>
/// <param name="WorkflowType">The workflow type the history belongs to, when it could be read.</param>
/// <param name="Error">Why the replay failed, or null when it matched.</param>
public sealed record ReplayResult(string Source, WorkflowType? WorkflowType, Exception? Error)
{
    /// <summary>Gets a value indicating whether the code made the decisions the history recorded.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Gets the event where the code and the history differ, for a non-determinism.</summary>
    public long? EventId => (Error as NonDeterministicWorkflowException)?.EventId;

    /// <summary>Describes the outcome on one line.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Succeeded ? $"{Source}: ok" : $"{Source}: {Error!.Message}";
}
