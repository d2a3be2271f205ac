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

    /// <summary>
    /// Replays a history file (the JSON that <c>aws swf get-workflow-execution-history</c> prints, v1 or v2,
    /// one page or several) against the definition of its workflow type.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="definitions">The workflow definitions; the one matching the history's type and version is used.</param>
    /// <param name="payloadConverter">The converter the workflows' payloads use.</param>
    /// <returns>The outcome; it never throws for a bad history, it reports it.</returns>
    public static ReplayResult ReplayFile(string path, IEnumerable<WorkflowDefinition> definitions, IPayloadConverter? payloadConverter = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(definitions);
        WorkflowType? type = null;
        try
        {
            var events = HistoryJson.Parse(File.ReadAllBytes(path), path);
            type = events[0].WorkflowExecutionStartedEventAttributes?.WorkflowType
                ?? throw new FormatException($"{path} does not start with a WorkflowExecutionStarted event.");
            var definition = definitions.FirstOrDefault(d => d.WorkflowType.Name == type.Name && d.WorkflowType.Version == type.Version)
                ?? throw new InvalidOperationException($"{path}: no definition for workflow type {type.Name} {type.Version}; known: {string.Join(", ", definitions.Select(d => $"{d.WorkflowType.Name} {d.WorkflowType.Version}"))}.");
            Replay(definition, events, null, payloadConverter);
            return new ReplayResult(path, type, null);
        }
        catch (Exception ex) when (ex is NonDeterministicWorkflowException or InvalidWorkflowOperationException or FormatException
            or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return new ReplayResult(path, type, ex);
        }
    }

    /// <summary>Replays every <c>*.json</c> history in a folder (and its subfolders), reporting each one.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="definitions">The workflow definitions.</param>
    /// <param name="payloadConverter">The converter the workflows' payloads use.</param>
    /// <returns>One outcome per file, in file-name order.</returns>
    public static IReadOnlyList<ReplayResult> ReplayFolder(string folder, IEnumerable<WorkflowDefinition> definitions, IPayloadConverter? payloadConverter = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        IReadOnlyList<WorkflowDefinition> known = [.. definitions];
        return [.. Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => ReplayFile(file, known, payloadConverter))];
    }

    /// <summary>Throws when any replay failed, listing every failure with its event id; usable from any test framework.</summary>
    /// <param name="results">The outcomes.</param>
    /// <exception cref="AggregateException">One or more replays failed; each inner exception is one failure.</exception>
    public static void ThrowIfAnyFailed(IEnumerable<ReplayResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var failed = results.Where(r => !r.Succeeded).ToList();
        if (failed.Count > 0)
        {
            throw new AggregateException(
                $"{failed.Count} histor{(failed.Count == 1 ? "y does" : "ies do")} not replay: " + string.Join("; ", failed),
                failed.Select(r => r.Error!));
        }
    }
}
