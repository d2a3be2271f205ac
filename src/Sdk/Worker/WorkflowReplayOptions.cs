using Swf.Converters;
using Swf.Model;

namespace Swf.Worker;

/// <summary>
/// Settings of <see cref="WorkflowReplayer.ReplayFile(string, IEnumerable{Workflows.WorkflowDefinition}, WorkflowReplayOptions)"/>
/// and <see cref="WorkflowReplayer.ReplayFolder(string, IEnumerable{Workflows.WorkflowDefinition}, WorkflowReplayOptions)"/>.
/// </summary>
/// <remarks>
/// A history file that records its execution (a top-level <c>"workflowExecution"</c> member, as <c>swf history get</c>
/// writes it) is replayed as that execution; <see cref="ExecutionResolver"/> and <see cref="Execution"/> are used, in
/// that order, only for files that do not. Without any of them the replay uses stand-in ids, and a history whose
/// decisions depend on them is reported as <see cref="ReplayStatus.ExecutionRequired"/>.
/// </remarks>
public sealed class WorkflowReplayOptions
{
    /// <summary>Gets or sets the converter the workflows' payloads use (default: System.Text.Json with the SDK's own metadata).</summary>
    public IPayloadConverter? PayloadConverter { get; set; }

    /// <summary>
    /// Gets or sets the history length from which <see cref="Workflows.WorkflowInfo.IsContinueAsNewSuggested"/> is true
    /// during the replay: the value the deciders that recorded the histories used (default 10,000, as a worker's).
    /// </summary>
    public int ContinueAsNewSuggestedAfterEvents { get; set; } = WorkflowWorkerOptions.DefaultContinueAsNewSuggestedAfterEvents;

    /// <summary>Gets or sets the payload pipeline the histories were written with (codecs, claim check); null reads plain payloads only.</summary>
    public Payloads.PayloadPipeline? PayloadPipeline { get; set; }

    /// <summary>Gets or sets the execution to replay a history as when the file does not record its own.</summary>
    public WorkflowExecution? Execution { get; set; }

    /// <summary>
    /// Gets or sets a function that names the execution of a history file (given its path) that does not record
    /// its own; returning null falls back to <see cref="Execution"/>.
    /// </summary>
    public Func<string, WorkflowExecution?>? ExecutionResolver { get; set; }
}
