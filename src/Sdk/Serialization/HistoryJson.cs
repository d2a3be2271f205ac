using System.Text;
using System.Text.Json;
using Swf.Model;

namespace Swf.Serialization;

/// <summary>
/// Reads and writes histories in the JSON that <c>aws swf get-workflow-execution-history</c> prints:
/// <c>{"events": [...]}</c>, with timestamps as epoch seconds (AWS CLI v1) or ISO-8601 strings (v2).
/// Reading also accepts several pages: objects one after another, or a JSON array of them.
/// </summary>
public static class HistoryJson
{
    /// <summary>Reads every event of a history file's text, pages joined in order.</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The events.</returns>
    /// <exception cref="FormatException">The text is not a history (the message says what was found instead).</exception>
    public static List<HistoryEvent> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var events = new List<HistoryEvent>();
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
        var pages = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        ReadPage(ref reader, events);
                        pages++;
                    }
                }
                else
                {
                    ReadPage(ref reader, events);
                    pages++;
                }
            }
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a history: the JSON is not valid ({ex.Message}).", ex);
        }

        if (pages == 0)
        {
            throw new FormatException("Not a history: the file is empty.");
        }

        if (events.Count == 0)
        {
            throw new FormatException("Not a history: it has no events.");
        }

        return events;
    }

    /// <summary>Writes events as one page, the way AWS CLI v1 prints them (epoch-second timestamps).</summary>
    /// <param name="events">The events.</param>
    /// <param name="indented">Whether to indent the JSON.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(IEnumerable<HistoryEvent> events, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(events);
        var history = new History { Events = [.. events] };
        var options = new JsonSerializerOptions(SwfJsonContext.Default.Options) { WriteIndented = indented };
        return JsonSerializer.Serialize(history, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<History>)options.GetTypeInfo(typeof(History)));
    }

    private static void ReadPage(ref Utf8JsonReader reader, List<HistoryEvent> events)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException($"Not a history: expected an object with \"events\", found {reader.TokenType}.");
        }

        var page = JsonSerializer.Deserialize(ref reader, SwfJsonResponses.For<History>());
        if (page?.Events is null)
        {
            throw new FormatException("Not a history: an object has no \"events\" list.");
        }

        foreach (var e in page.Events)
        {
            if (e.EventType is null || e.EventId <= 0)
            {
                throw new FormatException("Not a history: an event has no eventId or eventType.");
            }
        }

        events.AddRange(page.Events);
    }
}
