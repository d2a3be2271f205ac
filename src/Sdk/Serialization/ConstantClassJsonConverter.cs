using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Swf.Model;

namespace Swf.Serialization;

/// <summary>
/// Reads and writes an SWF string enumeration as its wire string. Public because the model's
/// <c>[JsonConverter]</c> attributes name it, so a JSON context over the model in another assembly (the local
/// engine's snapshots) must reach it.
/// </summary>
/// <typeparam name="T">The enumeration.</typeparam>
public sealed class ConstantClassJsonConverter<T> : JsonConverter<T>
    where T : ConstantClass, IConstantClass<T>
{
    // Every history event carries an EventType: looking the known values up by the UTF-8 bytes (widened
    // on the stack) instead of materializing a string per value saves an allocation per event.
    private const int MaxStackLength = 128;
    private static readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> Known =
        T.KnownValues.ToDictionary(v => v.Value, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <inheritdoc/>
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");
        }

        if (!reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.Length <= MaxStackLength)
        {
            Span<char> chars = stackalloc char[MaxStackLength];
            if (Encoding.UTF8.TryGetChars(reader.ValueSpan, chars, out var length) && Known.TryGetValue(chars[..length], out var known))
            {
                return known;
            }
        }

        // Unknown (a newer SWF's value), escaped or unusually long: the slow path keeps it as it came.
        return T.FindValue(reader.GetString()!);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Value);
    }
}
