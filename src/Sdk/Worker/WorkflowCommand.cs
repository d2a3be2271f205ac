using Swf.Model;

namespace Swf.Worker;

/// <summary>
/// A decision the workflow code made: sent with the decision task's answer, then matched against the
/// event SWF recorded for it (its "echo") when the history comes back.
/// </summary>
internal sealed class WorkflowCommand
{
    public WorkflowCommand(Decision decision, Action<HistoryEvent>? onRecorded = null)
    {
        Decision = decision;
        OnRecorded = onRecorded;
    }

    public Decision Decision { get; }

    /// <summary>Gets what to do when the echo event is seen (map ids, deliver a decision failure).</summary>
    public Action<HistoryEvent>? OnRecorded { get; }

    /// <summary>Gets or sets a value indicating whether the command was withdrawn before it was sent.</summary>
    public bool Withdrawn { get; set; }

    /// <summary>Tells whether a decision closes the run (and so must be the last of its answer).</summary>
    public static bool IsClosing(Decision decision) => DecisionKind.Find(decision.DecisionType)?.ClosesRun ?? false;

    /// <summary>Tells whether a history event records this decision (success or failure).</summary>
    public bool Matches(HistoryEvent e) => DecisionEcho.Matches(Decision, e);

    /// <summary>Describes the decision for error messages.</summary>
    public override string ToString() => DecisionDescription.Describe(Decision);
}
