using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Swf.Model;
using Swf.Serialization;

namespace Swf.Cli.Histories;

/// <summary>
/// Writes a history as <c>aws swf get-workflow-execution-history</c> prints it after paging through it:
/// one <c>{"events": [...]}</c> object, indented by four spaces, with timestamps as epoch seconds (as
/// AWS CLI v1 prints them and SWF sends them) or as ISO-8601 strings (as AWS CLI v2 prints them).
/// </summary>
internal static class HistoryJson
{
    public static byte[] Write(IReadOnlyList<HistoryEvent> events, bool isoTimestamps)
    {
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
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Formats a time as AWS CLI v2 does: <c>2026-01-01T00:00:00.123000+00:00</c>.</summary>
    public static string IsoTimestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
}
