using System.Text.Json;
using System.Text.Json.Serialization;
using Swf.Model;

namespace Swf.Serialization;

/// <summary>Reads and writes an SWF string enumeration as its wire string.</summary>
/// <typeparam name="T">The enumeration.</typeparam>
public sealed class ConstantClassJsonConverter<T> : JsonConverter<T>
    where T : ConstantClass, IConstantClass<T>
{
    /// <inheritdoc/>
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");
        }

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
