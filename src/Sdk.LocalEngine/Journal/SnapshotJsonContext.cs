using System.Text.Json.Serialization;

namespace Swf.LocalEngine.Journal;

/// <summary>The snapshot document's JSON metadata, generated at build time (the engine is AOT-compatible).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SnapshotDocument))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
