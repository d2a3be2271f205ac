namespace Swf.Exceptions;

/// <summary>
/// Replaying a workflow's history made decisions that differ from those the history recorded:
/// the workflow code changed in a way that breaks running executions (or is not deterministic).
/// The decision task is left unanswered so that a fixed deployment can recover the execution.
/// </summary>
public sealed class NonDeterministicWorkflowException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="eventId">The id of the history event where the difference shows, or 0 when history ended first.</param>
    /// <param name="historyHolds">What the history recorded there.</param>
    /// <param name="codeDid">What the code did instead.</param>
    public NonDeterministicWorkflowException(long eventId, string historyHolds, string codeDid)
        : base($"Non-deterministic workflow at event {eventId}: history holds {historyHolds}, but the code {codeDid}.")
    {
        EventId = eventId;
        HistoryHolds = historyHolds;
        CodeDid = codeDid;
    }

    /// <summary>Gets the id of the history event where the difference shows.</summary>
    public long EventId { get; }

    /// <summary>Gets what the history recorded.</summary>
    public string HistoryHolds { get; }

    /// <summary>Gets what the code did instead.</summary>
    public string CodeDid { get; }
}
