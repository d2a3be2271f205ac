using System.Text.Json;
using Swf.Model;
using Swf.Serialization;

namespace Swf.Cli.Histories;

/// <summary>
/// Reads the JSON that <c>aws swf get-workflow-execution-history</c> prints, in every form it comes in:
/// one <c>{"events": [...]}</c> object; several such objects one after another (pages appended, as
/// <c>--no-paginate</c> output saved page by page); a JSON array of pages; or a bare array of events.
/// Timestamps may be epoch-second numbers (AWS CLI v1) or ISO-8601 strings (v2). Events come back in
/// event-id order, whatever order the pages were in.
/// </summary>
internal static class HistoryFile
{
    /// <summary>Reads a history file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The events, by event id.</returns>
    /// <exception cref="CliException">The file is missing, unreadable, or not a history.</exception>
    public static IReadOnlyList<HistoryEvent> Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{path} is a directory, not a history file.");
        }

        if (!File.Exists(path))
        {
            throw new CliException($"{path}: no such file.");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path} cannot be read: {ex.Message}", ex);
        }

        return Parse(bytes, path);
    }

    /// <summary>Reads a history from UTF-8 JSON.</summary>
    /// <param name="utf8">The JSON.</param>
    /// <param name="source">The file's name, for error messages.</param>
    /// <returns>The events, by event id.</returns>
    /// <exception cref="CliException">The JSON is not a history.</exception>
    public static IReadOnlyList<HistoryEvent> Parse(ReadOnlySpan<byte> utf8, string source)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw NotAHistory(source, "it is empty");
        }

        var events = new List<HistoryEvent>();
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
                ReadValue(document.RootElement, events, source, values);
            }
        }
        catch (JsonException ex)
        {
            throw NotAHistory(source, $"it is not valid JSON ({ex.Message})", ex);
        }

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

        return events;
    }

    private static void ReadValue(JsonElement value, List<HistoryEvent> events, string source, int index)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when value.TryGetProperty("events", out var page):
                ReadEvents(page, events, source);
                break;
            case JsonValueKind.Object when value.TryGetProperty("eventId", out _):
                events.Add(ReadEvent(value, source));
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object || !(item.TryGetProperty("events", out _) || item.TryGetProperty("eventId", out _)))
                    {
                        throw NotAHistory(source, $"its JSON value {index} is an array of something other than history pages or events");
                    }

                    ReadValue(item, events, source, index);
                }

                break;
            default:
                throw NotAHistory(source, $"its JSON value {index} is {Describe(value)}, not a {{\"events\": [...]}} page");
        }
    }

    private static void ReadEvents(JsonElement page, List<HistoryEvent> events, string source)
    {
        if (page.ValueKind != JsonValueKind.Array)
        {
            throw NotAHistory(source, "its \"events\" member is not an array");
        }

        foreach (var item in page.EnumerateArray())
        {
            events.Add(ReadEvent(item, source));
        }
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

    private static CliException NotAHistory(string source, string why, Exception? inner = null)
    {
        var message = $"{source} is not an SWF history: {why}. Expected the JSON that 'aws swf get-workflow-execution-history' prints ({{\"events\": [...]}}).";
        return inner is null ? new CliException(message) : new CliException(message, inner);
    }
}
