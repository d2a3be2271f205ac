using System.Text.Json.Serialization;

namespace SwfWorker.Greetings;

/// <summary>
/// The payload types' source-generated JSON metadata (no reflection, so Native AOT works). List every input,
/// result and signal type here; the analyzers say when one is missing.
/// </summary>
[JsonSerializable(typeof(string))]
public sealed partial class GreetingJsonContext : JsonSerializerContext
{
}
