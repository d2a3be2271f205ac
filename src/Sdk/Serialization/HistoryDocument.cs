using Swf.Model;

namespace Swf.Serialization;

/// <summary>A history read from JSON: its events and, when the JSON says, the execution it belongs to.</summary>
/// <param name="Events">The events, by event id.</param>
/// <param name="Execution">
/// The execution (workflow id and run id) named by the JSON's top-level <c>"workflowExecution"</c> member, or null
/// when it has none (the output of <c>aws swf get-workflow-execution-history</c> has none; that of
/// <c>swf history get</c> and <c>aws swf poll-for-decision-task</c> has one).
/// </param>
public sealed record HistoryDocument(List<HistoryEvent> Events, WorkflowExecution? Execution);
