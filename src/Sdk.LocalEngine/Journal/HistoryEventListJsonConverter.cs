using System.Text.Json;
using System.Text.Json.Serialization;
using Swf.Model;
using Swf.Serialization;

namespace Swf.LocalEngine.Journal;

/// <summary>
/// Writes a snapshot's history events in SWF's wire shape, through the model's own JSON context
/// (epoch-second timestamps to the millisecond, which is all the engine records; open enumerations
/// as their wire strings), so that a snapshot holds exactly what a journal replay would rebuild.
/// </summary>
internal sealed class HistoryEventListJsonConverter : JsonConverter<List<HistoryEvent>>
{
    /// <inheritdoc/>
    public override List<HistoryEvent> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A snapshot's history must be an array of events.");
        }

        var events = new List<HistoryEvent>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            events.Add(JsonSerializer.Deserialize(ref reader, SwfJsonContext.Default.HistoryEvent) ?? throw new JsonException("A snapshot's history holds a null event."));
        }

        return events;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, List<HistoryEvent> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var historyEvent in value)
        {
            JsonSerializer.Serialize(writer, historyEvent, SwfJsonContext.Default.HistoryEvent);
        }

        writer.WriteEndArray();
    }
}
