using Swf.Model;

namespace Swf.Workflows;

/// <summary>What a running workflow knows about its own execution.</summary>
/// <param name="Domain">The domain.</param>
/// <param name="WorkflowId">The workflow id.</param>
/// <param name="RunId">The run id.</param>
/// <param name="WorkflowType">The workflow type.</param>
/// <param name="TaskList">The task list of its decision tasks.</param>
/// <param name="Parent">The parent execution, when this one is a child.</param>
/// <param name="ContinuedFromRunId">The run this one continues, after continue-as-new.</param>
/// <param name="Tags">The execution's tags.</param>
/// <param name="StartTime">When the execution started.</param>
public sealed record WorkflowInfo(
    string Domain,
    string WorkflowId,
    string RunId,
    WorkflowType WorkflowType,
    string TaskList,
    WorkflowExecution? Parent,
    string? ContinuedFromRunId,
    IReadOnlyList<string> Tags,
    DateTime StartTime)
{
    /// <summary>
    /// Gets the number of events in the execution's history as of the decision task being processed: the id of its
    /// <c>DecisionTaskStarted</c> event (the same on every replay). SWF terminates an execution whose history reaches
    /// 25,000 events; see docs/continue-as-new.md.
    /// </summary>
    public long HistoryLength { get; init; }

    /// <summary>
    /// Gets a value indicating whether <see cref="HistoryLength"/> has reached the worker's threshold
    /// (<c>WorkflowWorkerOptions.ContinueAsNewSuggestedAfterEvents</c>, 10,000 events by default): time for a
    /// long-running workflow to continue as a new run (<c>throw ContinueAsNew(next)</c>) while it is safe.
    /// </summary>
    /// <remarks>
    /// It is computed from the threshold the replaying worker is configured with, not recorded in history: lowering
    /// the threshold while runs past the new value are open makes their replay see <c>true</c> where the original
    /// decision saw <c>false</c>. Change it only as a versioned change (see docs/continue-as-new.md).
    /// </remarks>
    public bool IsContinueAsNewSuggested { get; init; }

    /// <summary>
    /// Gets the IAM role the execution's Lambda tasks run with (<c>lambdaRole</c> of its start), or null when it has
    /// none. A continue-as-new passes it on to the next run unless <see cref="ContinueAsNewOptions.LambdaRole"/> says otherwise.
    /// </summary>
    public string? LambdaRole { get; init; }
}
