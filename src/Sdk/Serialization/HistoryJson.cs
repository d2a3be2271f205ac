using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
    /// <summary>SWF's limit on the events of one execution.</summary>
    private const int MaxEvents = 25_000;

    private static readonly JsonTypeInfo<HistoryEvent> EventInfo = SwfJsonResponses.For<HistoryEvent>();

    private static readonly JsonTypeInfo<List<HistoryEvent>> EventsInfo = SwfJsonResponses.For<List<HistoryEvent>>();

    // A page of the CLI's output is a decision task's shape with only "events" (and, as swf history get writes it,
    // "workflowExecution") set; the lenient metadata reads it without the task's other members.
    private static readonly JsonTypeInfo<DecisionTask> PageInfo = SwfJsonResponses.For<DecisionTask>();

    private enum ObjectKind
    {
        Other,
        Page,
        Event,
    }

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

        var history = new Reading(source, utf8.Length);
        if (!TryReadSinglePage(utf8, history))
        {
            ReadValues(utf8, history);
        }

        var events = history.Events;
        if (events.Count == 0)
        {
            throw NotAHistory(source, "it holds no events");
        }

        // Pages usually come in order: checking first keeps a long history's read linear.
        if (!IsSorted(events))
        {
            events.Sort(static (a, b) => a.EventId.CompareTo(b.EventId));
        }

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

    /// <summary>
    /// The usual form, one <c>{"events": [...]}</c> object, read in a single serializer call over the whole text (as a
    /// decider reads a <c>PollForDecisionTask</c> page, whose shape it shares). Reading it through the general path
    /// below costs a second pass: a serializer call on a reader first skips the value to find where it ends. Any other
    /// form, a syntax error, or an event without its id or type makes this give up (at most one page read for
    /// nothing), and the general path then reads the text and names what is wrong.
    /// </summary>
    private static bool TryReadSinglePage(ReadOnlySpan<byte> utf8, Reading history)
    {
        if (utf8.TrimStart(" \t\r\n"u8) is not [(byte)'{', ..])
        {
            return false;
        }

        DecisionTask? page;
        try
        {
            page = JsonSerializer.Deserialize(utf8, PageInfo);
        }
        catch (JsonException)
        {
            return false;
        }

        if (page?.Events is not { } events
            || !events.TrueForAll(static e => e is not null && e.EventId != 0 && e.EventType is not null)
            || page.WorkflowExecution is { WorkflowId: not { Length: > 0 } } or { RunId: not { Length: > 0 } })
        {
            return false;
        }

        history.Events = events;
        if (page.WorkflowExecution is { } execution)
        {
            history.SetExecution(execution);
        }

        return true;
    }

    /// <summary>Reads every JSON value of the text, in any of the forms the type's summary lists.</summary>
    private static void ReadValues(ReadOnlySpan<byte> utf8, Reading history)
    {
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
                values++;
                var value = reader;
                try
                {
                    ReadValue(ref reader, utf8, history, values);
                }
                catch (FormatException) when (InvalidJson(value) is { } invalid)
                {
                    // The value is read as it streams, so a wrong event can be met before a syntax error further on;
                    // the syntax error is what the text has wrong, so it is the one reported.
                    throw invalid;
                }
            }
        }
        catch (JsonException ex)
        {
            throw NotAHistory(history.Source, $"it is not valid JSON ({ex.Message})", ex);
        }
    }

    // The reader streams: each event is deserialized straight from the text as the reader reaches it, so
    // nothing but the events themselves is allocated (no JsonDocument of the whole page, which copied the
    // text and built an index of every token, both on the large object heap for a long history).
    private static void ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, Reading history, int index)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                switch (Classify(reader))
                {
                    case ObjectKind.Page:
                        ReadPage(ref reader, utf8, history);
                        break;
                    case ObjectKind.Event:
                        history.Events.Add(ReadEvent(ref reader, utf8, history.Source));
                        break;
                    default:
                        reader.Skip();
                        throw NotAHistory(history.Source, $"its JSON value {index} is an object without \"events\", not a {{\"events\": [...]}} page");
                }

                break;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var kind = reader.TokenType == JsonTokenType.StartObject ? Classify(reader) : ObjectKind.Other;
                    if (kind == ObjectKind.Other)
                    {
                        reader.Skip();
                        throw NotAHistory(history.Source, $"its JSON value {index} is an array of something other than history pages or events");
                    }

                    if (kind == ObjectKind.Page)
                    {
                        ReadPage(ref reader, utf8, history);
                    }
                    else
                    {
                        history.Events.Add(ReadEvent(ref reader, utf8, history.Source));
                    }
                }

                break;
            default:
                throw NotAHistory(history.Source, $"its JSON value {index} is {Describe(reader.TokenType)}, not a {{\"events\": [...]}} page");
        }
    }

    /// <summary>
    /// Tells a page (an object with <c>"events"</c>) from a bare event (one with <c>"eventId"</c> and no
    /// <c>"events"</c>), looking ahead on a copy of the reader. The scan stops at <c>"events"</c>, which a page
    /// usually has first, so it costs next to nothing.
    /// </summary>
    private static ObjectKind Classify(Utf8JsonReader ahead)
    {
        var hasEventId = false;
        while (ahead.Read() && ahead.TokenType == JsonTokenType.PropertyName)
        {
            if (ahead.ValueTextEquals("events"u8))
            {
                return ObjectKind.Page;
            }

            hasEventId |= ahead.ValueTextEquals("eventId"u8);
            ahead.Read();
            ahead.Skip();
        }

        return hasEventId ? ObjectKind.Event : ObjectKind.Other;
    }

    private static void ReadPage(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, Reading history)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("events"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw NotAHistory(history.Source, "its \"events\" member is not an array");
                }

                ReadEvents(ref reader, utf8, history);
            }
            else if (reader.ValueTextEquals("workflowExecution"u8))
            {
                reader.Read();
                history.SetExecution(ReadExecution(ref reader, utf8, history.Source));
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>
    /// Reads a page's <c>"events"</c> array (the reader at its start, left on its end). The whole array is read in
    /// one serializer call: the serializer's state, whose stack of frames is allocated again on every call that
    /// nests objects, then costs once a page instead of once an event (it was half the bytes of a read). Only when
    /// that read fails, or an event lacks its id or type, is the array read again event by event, for the message
    /// that names the event.
    /// </summary>
    private static void ReadEvents(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, Reading history)
    {
        var start = reader;
        List<HistoryEvent>? page;
        try
        {
            page = JsonSerializer.Deserialize(ref reader, EventsInfo);
        }
        catch (JsonException)
        {
            page = null;
        }

        if (page is not null && page.TrueForAll(static e => e is not null && e.EventId != 0 && e.EventType is not null))
        {
            history.Events.AddRange(page);
            return;
        }

        reader = start;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            history.Events.Add(ReadEvent(ref reader, utf8, history.Source));
        }
    }

    private static WorkflowExecution ReadExecution(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, string source)
    {
        var start = (int)reader.TokenStartIndex;
        string? id = null;
        string? run = null;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("workflowId"u8);
                var isRun = !isId && reader.ValueTextEquals("runId"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && isId)
                {
                    id = reader.GetString();
                }
                else if (reader.TokenType == JsonTokenType.String && isRun)
                {
                    run = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        else
        {
            reader.Skip();
        }

        if (id is { Length: > 0 } && run is { Length: > 0 })
        {
            return new WorkflowExecution { WorkflowId = id, RunId = run };
        }

        throw NotAHistory(source, $"its \"workflowExecution\" member is not {{\"workflowId\": ..., \"runId\": ...}} with two strings: {Preview(utf8[start..(int)reader.BytesConsumed])}");
    }

    /// <summary>
    /// Reads the event at the reader (left on its last token). The checks that an event has a numeric
    /// <c>eventId</c> and a string <c>eventType</c> only run again, on a copy of the reader, when the
    /// deserialized event lacks one of them or could not be read: the usual event pays nothing for them.
    /// </summary>
    private static HistoryEvent ReadEvent(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, string source)
    {
        var start = reader;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            throw NotAHistory(source, $"an event has no numeric eventId or no eventType: {Preview(Raw(start, reader, utf8))}");
        }

        HistoryEvent? read;
        try
        {
            read = JsonSerializer.Deserialize(ref reader, EventInfo);
        }
        catch (JsonException ex)
        {
            // Invalid JSON inside the event is reported as such (the skip throws); otherwise the event is
            // valid JSON that is not an event, or an event with a member of the wrong kind.
            var end = start;
            end.Skip();
            var (shape, idText, typeText) = Shape(start);
            throw shape
                ? NotAHistory(source, $"event {idText} ({typeText}) cannot be read: {ex.Message}", ex)
                : NotAHistory(source, $"an event has no numeric eventId or no eventType: {Preview(Raw(start, end, utf8))}");
        }

        if (read is null || ((read.EventId == 0 || read.EventType is null) && !Shape(start).Ok))
        {
            throw NotAHistory(source, $"an event has no numeric eventId or no eventType: {Preview(Raw(start, reader, utf8))}");
        }

        return read;
    }

    /// <summary>Whether the object at the reader has a numeric <c>eventId</c> and a string <c>eventType</c>, and their text.</summary>
    private static (bool Ok, string? Id, string? Type) Shape(Utf8JsonReader ahead)
    {
        string? id = null;
        string? type = null;
        while (ahead.Read() && ahead.TokenType == JsonTokenType.PropertyName)
        {
            var isId = ahead.ValueTextEquals("eventId"u8);
            var isType = !isId && ahead.ValueTextEquals("eventType"u8);
            ahead.Read();
            if (isId && ahead.TokenType == JsonTokenType.Number)
            {
                id = Encoding.UTF8.GetString(ahead.ValueSpan);
            }
            else if (isType && ahead.TokenType == JsonTokenType.String)
            {
                type = ahead.GetString();
            }
            else
            {
                ahead.Skip();
            }
        }

        return (id is not null && type is not null, id, type);
    }

    /// <summary>The text of the value that starts at <paramref name="start"/> and ends at <paramref name="end"/>'s last token.</summary>
    private static ReadOnlySpan<byte> Raw(Utf8JsonReader start, Utf8JsonReader end, ReadOnlySpan<byte> utf8) =>
        utf8[(int)start.TokenStartIndex..(int)end.BytesConsumed];

    /// <summary>The syntax error in the value at the reader, if it has one.</summary>
    private static JsonException? InvalidJson(Utf8JsonReader value)
    {
        try
        {
            value.Skip();
            return null;
        }
        catch (JsonException ex)
        {
            return ex;
        }
    }

    private static bool IsSorted(List<HistoryEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].EventId < events[i - 1].EventId)
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string Preview(ReadOnlySpan<byte> raw)
    {
        var text = Encoding.UTF8.GetString(raw);
        return text.Length <= 80 ? text : text[..79] + "…";
    }

    private static FormatException NotAHistory(string source, string why, Exception? inner = null) =>
        new($"{source} is not an SWF history: {why}. Expected the JSON that 'aws swf get-workflow-execution-history' prints ({{\"events\": [...]}}).", inner);

    /// <summary>What has been read so far of one text: its events and the execution its pages name.</summary>
    private sealed class Reading(string source, int length)
    {
        public string Source { get; } = source;

        private List<HistoryEvent>? _events;

        // Sized once from the text's length (an event takes well over 128 bytes of JSON, and SWF keeps at most
        // 25,000), so that a long history's list is not regrown and copied a dozen times; made only when needed.
        public List<HistoryEvent> Events
        {
            get => _events ??= new(Math.Min(length / 128, MaxEvents));
            set => _events = value;
        }

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
