using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Swf.Model;

namespace Swf.Serialization;

/// <summary>
/// Reads and writes histories in the JSON that <c>aws swf get-workflow-execution-history</c> prints.
/// Reading takes every form that output comes in: one <c>{"events": [...]}</c> object; several such
/// objects one after another (pages appended); a JSON array of pages; or a bare array of events, with
/// timestamps as epoch-second numbers (AWS CLI v1) or ISO-8601 strings (v2). Events come back in
/// event-id order, whatever order the pages were in. A page may also say which execution it belongs
/// to in a top-level <c>"workflowExecution"</c> member, as <c>swf history get</c> writes it and as
/// <c>aws swf poll-for-decision-task</c> prints it; <see cref="ParseDocument(ReadOnlySpan{byte}, string)"/> reads it.
/// </summary>
public static class HistoryJson
{
    /// <summary>Reads a history from JSON text.</summary>
    /// <param name="json">The text.</param>
    /// <param name="source">Names the text in error messages, such as its file name.</param>
    /// <returns>The events, by event id.</returns>
    /// <exception cref="FormatException">The text is not a history; the message says why.</exception>
    public static List<HistoryEvent> Parse(string json, string source = "the text")
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), source);
    }

    /// <summary>Reads a history from UTF-8 JSON.</summary>
    /// <param name="utf8">The JSON.</param>
    /// <param name="source">Names the JSON in error messages, such as its file name.</param>
    /// <returns>The events, by event id.</returns>
    /// <exception cref="FormatException">The JSON is not a history; the message says why.</exception>
    public static List<HistoryEvent> Parse(ReadOnlySpan<byte> utf8, string source = "the text") => ParseDocument(utf8, source).Events;

    /// <summary>Reads a history, and the execution it belongs to when the text says, from JSON text.</summary>
    /// <param name="json">The text.</param>
    /// <param name="source">Names the text in error messages, such as its file name.</param>
    /// <returns>The events, by event id, and the execution.</returns>
    /// <exception cref="FormatException">The text is not a history, or its pages name different executions; the message says why.</exception>
    public static HistoryDocument ParseDocument(string json, string source = "the text")
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParseDocument(Encoding.UTF8.GetBytes(json), source);
    }

    /// <summary>
    /// Reads a history, and the execution it belongs to when the JSON says, from UTF-8 JSON. The execution is
    /// the top-level <c>"workflowExecution": {"workflowId": ..., "runId": ...}</c> member of a page.
    /// </summary>
    /// <param name="utf8">The JSON.</param>
    /// <param name="source">Names the JSON in error messages, such as its file name.</param>
    /// <returns>The events, by event id, and the execution.</returns>
    /// <exception cref="FormatException">The JSON is not a history, or its pages name different executions; the message says why.</exception>
    public static HistoryDocument ParseDocument(ReadOnlySpan<byte> utf8, string source = "the text")
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw NotAHistory(source, "it is empty");
        }

        var history = new Reading(source);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            AllowMultipleValues = true,
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
        });
        var values = 0;
        try
        {
            while (reader.Read())
            {
                using var document = JsonDocument.ParseValue(ref reader);
                values++;
                ReadValue(document.RootElement, history, values);
            }
        }
        catch (JsonException ex)
        {
            throw NotAHistory(source, $"it is not valid JSON ({ex.Message})", ex);
        }

        var events = history.Events;
        if (events.Count == 0)
        {
            throw NotAHistory(source, "it holds no events");
        }

        events.Sort(static (a, b) => a.EventId.CompareTo(b.EventId));
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].EventId == events[i - 1].EventId)
            {
                throw NotAHistory(source, $"event {events[i].EventId} appears twice (was a page saved twice?)");
            }
        }

        return new HistoryDocument(events, history.Execution);
    }

    /// <summary>
    /// Writes a history as the AWS CLI prints it after paging through it: one <c>{"events": [...]}</c>
    /// object, indented by four spaces, with timestamps as epoch seconds (CLI v1, and the wire) or as
    /// ISO-8601 strings (CLI v2).
    /// </summary>
    /// <param name="events">The events.</param>
    /// <param name="isoTimestamps">Whether to print timestamps as CLI v2 does.</param>
    /// <returns>The UTF-8 JSON, ending with a newline.</returns>
    public static byte[] Write(IReadOnlyList<HistoryEvent> events, bool isoTimestamps = false) => Write(events, null, isoTimestamps);

    /// <summary>
    /// Writes a history as <see cref="Write(IReadOnlyList{HistoryEvent}, bool)"/> does, followed by the execution it
    /// belongs to as a top-level <c>"workflowExecution"</c> member (the member <c>aws swf poll-for-decision-task</c>
    /// prints), so that a replay knows the workflow id and run id the code saw.
    /// </summary>
    /// <param name="events">The events.</param>
    /// <param name="execution">The execution, or null to write none.</param>
    /// <param name="isoTimestamps">Whether to print timestamps as CLI v2 does.</param>
    /// <returns>The UTF-8 JSON, ending with a newline.</returns>
    public static byte[] Write(IReadOnlyList<HistoryEvent> events, WorkflowExecution? execution, bool isoTimestamps = false)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 4,

            // Payloads are JSON text inside strings; escape only what JSON requires, as the AWS CLI does.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("events");
            foreach (var e in events)
            {
                if (isoTimestamps)
                {
                    var node = JsonSerializer.SerializeToNode(e, SwfJsonContext.Default.HistoryEvent)!.AsObject();
                    node["eventTimestamp"] = IsoTimestamp(e.EventTimestamp);
                    node.WriteTo(writer);
                }
                else
                {
                    JsonSerializer.Serialize(writer, e, SwfJsonContext.Default.HistoryEvent);
                }
            }

            writer.WriteEndArray();
            if (execution is not null)
            {
                writer.WritePropertyName("workflowExecution");
                JsonSerializer.Serialize(writer, execution, SwfJsonContext.Default.WorkflowExecution);
            }

            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Formats a time as AWS CLI v2 does: <c>2026-01-01T00:00:00.123000+00:00</c>.</summary>
    /// <param name="utc">The time, in UTC.</param>
    /// <returns>The text.</returns>
    public static string IsoTimestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    private static void ReadValue(JsonElement value, Reading history, int index)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when value.TryGetProperty("events", out var page):
                ReadEvents(page, history);
                if (value.TryGetProperty("workflowExecution", out var execution))
                {
                    history.SetExecution(ReadExecution(execution, history.Source));
                }

                break;
            case JsonValueKind.Object when value.TryGetProperty("eventId", out _):
                history.Events.Add(ReadEvent(value, history.Source));
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object || !(item.TryGetProperty("events", out _) || item.TryGetProperty("eventId", out _)))
                    {
                        throw NotAHistory(history.Source, $"its JSON value {index} is an array of something other than history pages or events");
                    }

                    ReadValue(item, history, index);
                }

                break;
            default:
                throw NotAHistory(history.Source, $"its JSON value {index} is {Describe(value)}, not a {{\"events\": [...]}} page");
        }
    }

    private static void ReadEvents(JsonElement page, Reading history)
    {
        if (page.ValueKind != JsonValueKind.Array)
        {
            throw NotAHistory(history.Source, "its \"events\" member is not an array");
        }

        foreach (var item in page.EnumerateArray())
        {
            history.Events.Add(ReadEvent(item, history.Source));
        }
    }

    private static WorkflowExecution ReadExecution(JsonElement value, string source)
    {
        if (value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("workflowId", out var workflowId) && workflowId.ValueKind == JsonValueKind.String && workflowId.GetString() is { Length: > 0 } id
            && value.TryGetProperty("runId", out var runId) && runId.ValueKind == JsonValueKind.String && runId.GetString() is { Length: > 0 } run)
        {
            return new WorkflowExecution { WorkflowId = id, RunId = run };
        }

        throw NotAHistory(source, $"its \"workflowExecution\" member is not {{\"workflowId\": ..., \"runId\": ...}} with two strings: {Preview(value)}");
    }

    private static HistoryEvent ReadEvent(JsonElement item, string source)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("eventId", out var id)
            || id.ValueKind != JsonValueKind.Number
            || !item.TryGetProperty("eventType", out var type)
            || type.ValueKind != JsonValueKind.String)
        {
            throw NotAHistory(source, $"an event has no numeric eventId or no eventType: {Preview(item)}");
        }

        try
        {
            return item.Deserialize(SwfJsonResponses.For<HistoryEvent>())
                ?? throw NotAHistory(source, $"event {id} is null");
        }
        catch (JsonException ex)
        {
            throw NotAHistory(source, $"event {id} ({type.GetString()}) cannot be read: {ex.Message}", ex);
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object without \"events\"",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => value.ValueKind.ToString(),
    };

    private static string Preview(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 80 ? text : text[..79] + "…";
    }

    private static FormatException NotAHistory(string source, string why, Exception? inner = null) =>
        new($"{source} is not an SWF history: {why}. Expected the JSON that 'aws swf get-workflow-execution-history' prints ({{\"events\": [...]}}).", inner);

    /// <summary>What has been read so far of one text: its events and the execution its pages name.</summary>
    private sealed class Reading(string source)
    {
        public string Source { get; } = source;

        public List<HistoryEvent> Events { get; } = [];

        public WorkflowExecution? Execution { get; private set; }

        public void SetExecution(WorkflowExecution execution)
        {
            if (Execution is { } known && (known.WorkflowId != execution.WorkflowId || known.RunId != execution.RunId))
            {
                throw NotAHistory(
                    Source,
                    $"its pages name different executions (workflow id '{known.WorkflowId}' run id '{known.RunId}', and workflow id '{execution.WorkflowId}' run id '{execution.RunId}')");
            }

            Execution = execution;
        }
    }
}
