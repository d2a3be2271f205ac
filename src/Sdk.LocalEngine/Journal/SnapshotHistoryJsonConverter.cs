using System.Buffers;
using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Swf.Serialization;

namespace Swf.LocalEngine.Journal;

/// <summary>
/// Writes a snapshot's history as the UTF-8 JSON array of its events in SWF's wire shape, through the model's own
/// JSON context (epoch-second timestamps to the millisecond, which is all the engine records; open enumerations as
/// their wire strings), so that a snapshot holds exactly what a journal replay would rebuild; the array goes into the
/// document as one base64 string. Reads it back unparsed (<see cref="SnapshotHistory.OfJson"/>).
/// </summary>
/// <remarks>
/// Base64, not the array itself: reading a document then finds a history's end and decodes it without looking at
/// a single event (a vectorized scan and decode), where even skipping an array tokenizes every value in it, and
/// that was most of a snapshot's bytes. Format 1 snapshots held the array itself; it is still read.
/// </remarks>
internal sealed class SnapshotHistoryJsonConverter : JsonConverter<SnapshotHistory>
{
    /// <inheritdoc/>
    public override SnapshotHistory Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                // Checked as JSON when first parsed (SnapshotHistory.Parse); the snapshot's gzip checksum guards the bytes.
                return SnapshotHistory.OfJson(SnapshotArena.Current is { } arena && !reader.ValueIsEscaped && !reader.HasValueSequence
                    ? Decode(reader.ValueSpan, arena)
                    : reader.GetBytesFromBase64());
            case JsonTokenType.StartArray:
                // Format 1: the events themselves. This checks that they are JSON and finds the array's end.
                using (var array = JsonDocument.ParseValue(ref reader))
                {
                    return SnapshotHistory.OfJson(JsonMarshal.GetRawUtf8Value(array.RootElement).ToArray());
                }

            default:
                throw new JsonException("A snapshot's history must be the base64 of a JSON array of events.");
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, SnapshotHistory value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Json is { } json)
        {
            writer.WriteBase64StringValue(json.Span);
            return;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var events = new Utf8JsonWriter(buffer))
        {
            events.WriteStartArray();
            foreach (var historyEvent in value.Events!)
            {
                JsonSerializer.Serialize(events, historyEvent, SwfJsonContext.Default.HistoryEvent);
            }

            events.WriteEndArray();
        }

        writer.WriteBase64StringValue(buffer.WrittenSpan);
    }

    /// <summary>Decodes base64 (as the writer writes it: no escapes, no white space) into the arena.</summary>
    private static ReadOnlyMemory<byte> Decode(ReadOnlySpan<byte> base64, SnapshotArena arena)
    {
        var room = arena.Reserve(Base64.GetMaxDecodedFromUtf8Length(base64.Length));
        return Base64.DecodeFromUtf8(base64, room, out _, out var written) == OperationStatus.Done
            ? arena.Commit(written)
            : throw new JsonException("A snapshot's history is not base64.");
    }
}
