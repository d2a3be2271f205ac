using Microsoft.Extensions.Logging.Abstractions;
using Swf.Converters;
using Swf.Exceptions;
using Swf.Model;
using Swf.Serialization;
using Swf.Workflows;

namespace Swf.Worker;

/// <summary>
/// Replays a recorded history against workflow code, as a decider would, to prove the code still
/// makes the decisions the history recorded. Pure: no SWF calls.
/// </summary>
public static class WorkflowReplayer
{
    /// <summary>Replays a history from its first event to its last.</summary>
    /// <param name="definition">The workflow's definition.</param>
    /// <param name="events">The history, from event 1, in id order (an open execution's history is fine).</param>
    /// <param name="execution">
    /// The execution the history belongs to; its run id seeds <see cref="Workflow.Random"/> and
    /// <see cref="Workflow.NewGuid"/>, so give the real one when the code uses them.
    /// </param>
    /// <param name="payloadConverter">The converter the workflow's payloads use.</param>
    /// <exception cref="NonDeterministicWorkflowException">The code's decisions differ from the history's, at the reported event.</exception>
    /// <exception cref="InvalidWorkflowOperationException">The code broke a rule of deterministic execution.</exception>
    public static void Replay(WorkflowDefinition definition, IReadOnlyList<HistoryEvent> events, WorkflowExecution? execution = null, IPayloadConverter? payloadConverter = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0 || events[0].EventType != EventType.WorkflowExecutionStarted)
        {
            throw new ArgumentException("A history must start with its WorkflowExecutionStarted event.", nameof(events));
        }

        using var instance = new WorkflowInstance(
            definition,
            "replay",
            execution ?? new WorkflowExecution { WorkflowId = "replay", RunId = "replay" },
            payloadConverter ?? new JsonPayloadConverter(SwfJsonContext.Default),
            NullLogger.Instance);
        instance.ProcessEvents(events, 0);
    }
}
