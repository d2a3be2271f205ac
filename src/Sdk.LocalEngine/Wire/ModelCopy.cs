using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Swf.Model;
using Swf.Serialization;

namespace Swf.LocalEngine.Wire;

/// <summary>
/// Deep copies of model objects, so that nothing a caller receives aliases the engine's state.
/// A JSON round trip through the generated context copies every member, including ones added
/// to the model later, and matches what a caller over HTTP would see.
/// </summary>
internal static class ModelCopy
{
    public static T Copy<T>(T value, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), typeInfo)!;

    public static HistoryEvent Copy(HistoryEvent value) => Copy(value, SwfJsonContext.Default.HistoryEvent);

    public static List<HistoryEvent> Copy(IEnumerable<HistoryEvent> events) => [.. events.Select(Copy)];
}
