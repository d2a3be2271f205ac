using Microsoft.Extensions.Logging.Abstractions;
using Swf.Converters;
using Swf.Exceptions;
using Swf.Model;
using Swf.Payloads;
using Swf.Serialization;
using Swf.Workflows;

namespace Swf.Worker;

/// <summary>
/// Replays a recorded history against workflow code, as a decider would, to prove the code still
/// makes the decisions the history recorded. Pure: no SWF calls (<see cref="ProductionReplayer"/> downloads
/// what ran in production and replays it).
/// </summary>
public static class WorkflowReplayer
{
    private const string StandInDomain = "replay";

    // Two stand-ins that share no text, so a message that names one can be compared with one that names the other.
    private static readonly WorkflowExecution StandIn = new() { WorkflowId = "replay", RunId = "replay" };
    private static readonly WorkflowExecution OtherStandIn = new() { WorkflowId = "unknown-workflow", RunId = "unknown-run" };

    /// <summary>Replays a history from its first event to its last.</summary>
    /// <param name="definition">The workflow's definition.</param>
    /// <param name="events">The history, from event 1, in id order (an open execution's history is fine).</param>
    /// <param name="execution">
    /// The execution the history belongs to: the code sees its workflow id (default child workflow ids are derived
    /// from it) and its run id (which seeds <see cref="Workflow.Random"/> and <see cref="Workflow.NewGuid"/>). When
    /// null, a stand-in is used; if the replay then fails, it is replayed under a second stand-in, and when the two
    /// disagree the failure is the stand-ins' fault, not the code's: a <see cref="ReplayExecutionRequiredException"/>.
    /// </param>
    /// <param name="payloadConverter">The converter the workflow's payloads use.</param>
    /// <exception cref="NonDeterministicWorkflowException">The code's decisions differ from the history's, at the reported event.</exception>
    /// <exception cref="InvalidWorkflowOperationException">The code broke a rule of deterministic execution.</exception>
    /// <exception cref="ReplayExecutionRequiredException">No execution was given, and the code's decisions depend on it.</exception>
    public static void Replay(WorkflowDefinition definition, IReadOnlyList<HistoryEvent> events, WorkflowExecution? execution = null, IPayloadConverter? payloadConverter = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(events);
        ReplayCore(definition, events, StandInDomain, execution, payloadConverter ?? new JsonPayloadConverter(SwfJsonContext.Default));
    }

    /// <summary>
    /// Replays a history against a workflow definition as <see cref="Replay(WorkflowDefinition, IReadOnlyList{HistoryEvent}, WorkflowExecution?, IPayloadConverter?)"/>
    /// does, with the execution, converter and payload pipeline of <paramref name="options"/>. The events' payload fields
    /// are decoded in place first.
    /// </summary>
    /// <param name="definition">The workflow's definition.</param>
    /// <param name="events">The history, from event 1, in id order.</param>
    /// <param name="options">The execution (or null for stand-ins), the converter and the payload pipeline the history was written with.</param>
    /// <exception cref="NonDeterministicWorkflowException">The code's decisions differ from the history's, at the reported event.</exception>
    /// <exception cref="InvalidWorkflowOperationException">The code broke a rule of deterministic execution.</exception>
    /// <exception cref="ReplayExecutionRequiredException">No execution was given, and the code's decisions depend on it.</exception>
    /// <exception cref="PayloadCodecException">A payload needs a codec, key or store the pipeline lacks.</exception>
    public static void Replay(WorkflowDefinition definition, IReadOnlyList<HistoryEvent> events, WorkflowReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        var payloads = options.PayloadPipeline ?? PayloadPipeline.Empty;
        payloads.DecodeEventsAsync(events).GetAwaiter().GetResult();
        ReplayCore(definition, events, StandInDomain, options.Execution, options.PayloadConverter ?? new JsonPayloadConverter(SwfJsonContext.Default), payloads.RawPayloadLimit, options.ContinueAsNewSuggestedAfterEvents);
    }

    /// <summary>
    /// Replays a history file (the JSON that <c>aws swf get-workflow-execution-history</c> prints, v1 or v2,
    /// one page or several) against the definition of its workflow type. A file that records its execution
    /// (<c>swf history get</c> writes it) is replayed as that execution; one that does not is replayed under
    /// stand-ins, as <see cref="Replay(WorkflowDefinition, IReadOnlyList{HistoryEvent}, WorkflowExecution?, IPayloadConverter?)"/> does without an execution.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="definitions">The workflow definitions; the one matching the history's type and version is used.</param>
    /// <param name="payloadConverter">The converter the workflows' payloads use.</param>
    /// <returns>The outcome; it never throws for a bad history, it reports it.</returns>
    public static ReplayResult ReplayFile(string path, IEnumerable<WorkflowDefinition> definitions, IPayloadConverter? payloadConverter = null) =>
        ReplayFile(path, definitions, new WorkflowReplayOptions { PayloadConverter = payloadConverter });

    /// <summary>
    /// Replays a history file against the definition of its workflow type, as the execution the file records,
    /// else the one <paramref name="options"/> names.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="definitions">The workflow definitions; the one matching the history's type and version is used.</param>
    /// <param name="options">The payload converter, and the execution of a file that does not record its own.</param>
    /// <returns>The outcome; it never throws for a bad history, it reports it.</returns>
    public static ReplayResult ReplayFile(string path, IEnumerable<WorkflowDefinition> definitions, WorkflowReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(options);
        HistoryDocument document;
        try
        {
            document = HistoryJson.ParseDocument(File.ReadAllBytes(path), path);
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            return new ReplayResult(path, null, ex);
        }

        var execution = document.Execution ?? options.ExecutionResolver?.Invoke(path) ?? options.Execution;
        return ReplayToResult(path, document.Events, definitions, StandInDomain, execution, options.PayloadConverter, options.PayloadPipeline, options.ContinueAsNewSuggestedAfterEvents);
    }

    /// <summary>Replays every <c>*.json</c> history in a folder (and its subfolders), reporting each one.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="definitions">The workflow definitions.</param>
    /// <param name="payloadConverter">The converter the workflows' payloads use.</param>
    /// <returns>One outcome per file, in file-name order.</returns>
    public static IReadOnlyList<ReplayResult> ReplayFolder(string folder, IEnumerable<WorkflowDefinition> definitions, IPayloadConverter? payloadConverter = null) =>
        ReplayFolder(folder, definitions, new WorkflowReplayOptions { PayloadConverter = payloadConverter });

    /// <summary>
    /// Replays every <c>*.json</c> history in a folder (and its subfolders), each as the execution it records, else the
    /// one <paramref name="options"/> names for it, reporting each one.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <param name="definitions">The workflow definitions.</param>
    /// <param name="options">The payload converter, and the executions of files that do not record their own.</param>
    /// <returns>One outcome per file, in file-name order.</returns>
    public static IReadOnlyList<ReplayResult> ReplayFolder(string folder, IEnumerable<WorkflowDefinition> definitions, WorkflowReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<WorkflowDefinition> known = [.. definitions];
        return [.. Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => ReplayFile(file, known, options))];
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

    /// <summary>Replays one history against the definition of its type and reports the outcome instead of throwing.</summary>
    internal static ReplayResult ReplayToResult(
        string source,
        IReadOnlyList<HistoryEvent> events,
        IEnumerable<WorkflowDefinition> definitions,
        string domain,
        WorkflowExecution? execution,
        IPayloadConverter? payloadConverter,
        PayloadPipeline? payloads = null,
        long continueAsNewSuggestedAfter = WorkflowWorkerOptions.DefaultContinueAsNewSuggestedAfterEvents)
    {
        WorkflowType? type = null;
        payloads ??= PayloadPipeline.Empty;
        try
        {
            // Decoded as a decider decodes them; the replayer's API is synchronous, and it runs in tools and tests,
            // not on a request thread, so waiting here for a store is acceptable.
            payloads.DecodeEventsAsync(events).GetAwaiter().GetResult();
            type = events.Count > 0 ? events[0].WorkflowExecutionStartedEventAttributes?.WorkflowType : null;
            if (type is null)
            {
                throw new FormatException($"{source} does not start with a WorkflowExecutionStarted event.");
            }

            var definition = definitions.FirstOrDefault(d => d.WorkflowType.Name == type.Name && d.WorkflowType.Version == type.Version)
                ?? throw new InvalidOperationException($"{source}: no definition for workflow type {type.Name} {type.Version}; known: {string.Join(", ", definitions.Select(d => $"{d.WorkflowType.Name} {d.WorkflowType.Version}"))}.");
            ReplayCore(definition, events, domain, execution, payloadConverter ?? new JsonPayloadConverter(SwfJsonContext.Default), payloads.RawPayloadLimit, continueAsNewSuggestedAfter);
            return new ReplayResult(source, type, null) { Execution = execution, EventCount = events.Count };
        }
        catch (Exception ex) when (ex is NonDeterministicWorkflowException or InvalidWorkflowOperationException or ReplayExecutionRequiredException
            or FormatException or InvalidOperationException or PayloadCodecException)
        {
            return new ReplayResult(source, type, ex) { Execution = execution, EventCount = events.Count };
        }
    }

    /// <summary>Replays as the given execution of the given domain, or, without an execution, under stand-ins.</summary>
    internal static void ReplayCore(
        WorkflowDefinition definition,
        IReadOnlyList<HistoryEvent> events,
        string domain,
        WorkflowExecution? execution,
        IPayloadConverter payloadConverter,
        int payloadLimit = PayloadTooLargeException.DataLimit,
        long continueAsNewSuggestedAfter = WorkflowWorkerOptions.DefaultContinueAsNewSuggestedAfterEvents)
    {
        if (events.Count == 0 || events[0].EventType != EventType.WorkflowExecutionStarted)
        {
            throw new ArgumentException("A history must start with its WorkflowExecutionStarted event.", nameof(events));
        }

        if (execution is not null)
        {
            ReplayAs(definition, events, domain, execution, payloadConverter, payloadLimit, continueAsNewSuggestedAfter);
            return;
        }

        try
        {
            ReplayAs(definition, events, domain, StandIn, payloadConverter, payloadLimit, continueAsNewSuggestedAfter);
        }
        catch (Exception first) when (first is NonDeterministicWorkflowException or InvalidWorkflowOperationException)
        {
            if (DependsOnExecution(definition, events, domain, payloadConverter, payloadLimit, first, continueAsNewSuggestedAfter))
            {
                throw new ReplayExecutionRequiredException(first);
            }

            throw;
        }
    }

    /// <summary>
    /// Tells whether a replay under <see cref="StandIn"/> may have failed only because the code derived something from
    /// the stand-in ids (a child's id, a GUID, a random branch, a marker): under <see cref="OtherStandIn"/> it then fails
    /// differently, or the decision task that failed decides differently. A real non-determinism does neither.
    /// </summary>
    private static bool DependsOnExecution(WorkflowDefinition definition, IReadOnlyList<HistoryEvent> events, string domain, IPayloadConverter payloadConverter, int payloadLimit, Exception first, long continueAsNewSuggestedAfter)
    {
        string? second = null;
        try
        {
            ReplayAs(definition, events, domain, OtherStandIn, payloadConverter, payloadLimit, continueAsNewSuggestedAfter);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            second = Outcome(ex, OtherStandIn);
        }

        if (second != Outcome(first, StandIn))
        {
            return true;
        }

        // The same failure under both: compare what the failing decision task decided, as far as replay compares it
        // (an error message does not show everything replay compares, such as a marker's details).
        if (first is not NonDeterministicWorkflowException nd || FailingTaskStartedId(events, nd.EventId) is not { } startedEventId)
        {
            return false;
        }

        List<HistoryEvent> seen = [.. events.TakeWhile(e => e.EventId <= startedEventId)];
        return Decide(definition, seen, startedEventId, domain, StandIn, payloadConverter, payloadLimit, continueAsNewSuggestedAfter)
            != Decide(definition, seen, startedEventId, domain, OtherStandIn, payloadConverter, payloadLimit, continueAsNewSuggestedAfter);
    }

    /// <summary>The started event of the decision task whose decisions a non-determinism at <paramref name="eventId"/> is about.</summary>
    private static long? FailingTaskStartedId(IReadOnlyList<HistoryEvent> events, long eventId) =>
        events.LastOrDefault(e => e.EventId <= eventId && e.DecisionTaskCompletedEventAttributes is not null)?.DecisionTaskCompletedEventAttributes!.StartedEventId;

    /// <summary>Runs one decision task as a decider would and describes its decisions by what identifies them.</summary>
    private static string Decide(
        WorkflowDefinition definition, IReadOnlyList<HistoryEvent> seen, long startedEventId, string domain, WorkflowExecution execution, IPayloadConverter payloadConverter, int payloadLimit, long continueAsNewSuggestedAfter)
    {
        try
        {
            using var instance = new WorkflowInstance(definition, domain, execution, payloadConverter, NullLogger.Instance, continueAsNewSuggestedAfter: continueAsNewSuggestedAfter) { PayloadLimit = payloadLimit };
            return string.Join("\n", instance.ProcessEvents(seen, startedEventId).Select(Identity));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return "failed|" + Outcome(ex, execution);
        }
    }

    /// <summary>
    /// What identifies a decision to replay: the fields by which a decision is matched with the event that recorded it
    /// (ids, types, names, a marker's details), not its inputs or timeouts, which replay does not compare.
    /// </summary>
    private static string Identity(Decision d) => d switch
    {
        { ScheduleActivityTaskDecisionAttributes: { } a } => $"activity|{a.ActivityId}|{a.ActivityType.Name}|{a.ActivityType.Version}",
        { RequestCancelActivityTaskDecisionAttributes: { } a } => $"cancel-activity|{a.ActivityId}",
        { StartTimerDecisionAttributes: { } a } => $"timer|{a.TimerId}",
        { CancelTimerDecisionAttributes: { } a } => $"cancel-timer|{a.TimerId}",
        { RecordMarkerDecisionAttributes: { } a } => $"marker|{a.MarkerName}|{a.Details}",
        { StartChildWorkflowExecutionDecisionAttributes: { } a } => $"child|{a.WorkflowId}|{a.WorkflowType.Name}|{a.WorkflowType.Version}",
        { SignalExternalWorkflowExecutionDecisionAttributes: { } a } => $"signal|{a.WorkflowId}|{a.SignalName}",
        { RequestCancelExternalWorkflowExecutionDecisionAttributes: { } a } => $"cancel-external|{a.WorkflowId}",
        { ScheduleLambdaFunctionDecisionAttributes: { } a } => $"lambda|{a.Id}|{a.Name}",
        _ => d.DecisionType.Value,
    };

    private static void ReplayAs(WorkflowDefinition definition, IReadOnlyList<HistoryEvent> events, string domain, WorkflowExecution execution, IPayloadConverter payloadConverter, int payloadLimit, long continueAsNewSuggestedAfter)
    {
        using var instance = new WorkflowInstance(definition, domain, execution, payloadConverter, NullLogger.Instance, continueAsNewSuggestedAfter: continueAsNewSuggestedAfter) { PayloadLimit = payloadLimit };
        instance.ProcessEvents(events, 0);
    }

    /// <summary>What a failed replay reported, comparable across stand-ins.</summary>
    private static string Outcome(Exception failure, WorkflowExecution standIn) => failure switch
    {
        // What the code did is compared as it is: a decision that names the stand-in differs between stand-ins.
        NonDeterministicWorkflowException nd => $"non-deterministic|{nd.EventId}|{nd.HistoryHolds}|{nd.CodeDid}",

        // Other messages name the run they happened in.
        _ => $"{failure.GetType().FullName}|{failure.Message.Replace(standIn.RunId, "<run>", StringComparison.Ordinal)}",
    };
}
