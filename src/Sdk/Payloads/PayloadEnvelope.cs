using System.Buffers;
using System.Text;
using System.Text.Json;
using Swf.Exceptions;

namespace Swf.Payloads;

/// <summary>
/// The wire form of an encoded payload: a JSON object whose first member is <c>"swf-payload":1</c>, so a reader
/// tells it from a plain payload by its first characters, and payloads written before any codec was configured
/// still read as they are. It holds the codecs that ran (in order, with key ids), the header map and the encoded
/// bytes in base64; or, for the claim check, the store's name, the object's reference, its SHA-256 and its size.
/// </summary>
/// <remarks>
/// A payload that carries headers but that no codec changed keeps the converter's output readable in SWF's console:
/// it sits inline, as the JSON value itself (<c>"json"</c>) when it is one, otherwise as a JSON string (<c>"text"</c>);
/// a null payload with headers has neither. That inline form is also how a decoded payload with headers travels
/// inside this process (history events after <see cref="PayloadPipeline.DecodeEventsAsync"/>, decisions before
/// <see cref="PayloadPipeline.EncodeDecisionsAsync"/>): see <see cref="PayloadHeaders"/>.
/// </remarks>
internal sealed class PayloadEnvelope
{
    /// <summary>What every envelope starts with.</summary>
    public const string Prefix = "{\"swf-payload\":";

    public const int Version = 1;

    public IReadOnlyList<(string Name, string? KeyId)> Codecs { get; init; } = [];

    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public byte[]? Data { get; init; }

    /// <summary>Gets the payload itself when no codec ran (the inline form), or null.</summary>
    public string? Inline { get; init; }

    /// <summary>Gets whether this is the inline form: no codec, no reference, only headers and the payload (or null).</summary>
    public bool IsInline => !IsReference && Codecs.Count == 0 && Data is null;

    public string? Store { get; init; }

    public string? Reference { get; init; }

    public string? Sha256 { get; init; }

    public long Size { get; init; }

    public bool IsReference => Reference is not null;

    public static bool IsEnvelope(string? payload) => payload is not null && payload.StartsWith(Prefix, StringComparison.Ordinal);

    public string Write()
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (Data?.Length * 4 / 3 ?? 0));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("swf-payload", Version);
            if (IsReference)
            {
                writer.WriteString("store", Store);
                writer.WriteString("ref", Reference);
                writer.WriteString("sha256", Sha256);
                writer.WriteNumber("size", Size);
            }
            else
            {
                if (Codecs.Count > 0)
                {
                    writer.WriteStartArray("codecs");
                    foreach (var (name, keyId) in Codecs)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("name", name);
                        if (keyId is not null)
                        {
                            writer.WriteString("key", keyId);
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                if (Headers is { Count: > 0 })
                {
                    writer.WriteStartObject("headers");
                    foreach (var (key, value) in Headers.OrderBy(h => h.Key, StringComparer.Ordinal))
                    {
                        writer.WriteString(key, value);
                    }

                    writer.WriteEndObject();
                }

                if (Data is not null)
                {
                    writer.WriteBase64String("data", Data);
                }
                else if (Inline is not null)
                {
                    if (IsJsonValue(Inline))
                    {
                        writer.WritePropertyName("json");
                        writer.WriteRawValue(Inline, skipInputValidation: true);
                    }
                    else
                    {
                        writer.WriteString("text", Inline);
                    }
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads an inline envelope (headers, no codec) or returns null for any other payload.</summary>
    public static PayloadEnvelope? TryParseInline(string? payload)
    {
        if (!IsEnvelope(payload))
        {
            return null;
        }

        try
        {
            var envelope = Parse(payload!);
            return envelope.IsInline ? envelope : null;
        }
        catch (PayloadCodecException)
        {
            return null;
        }
    }

    /// <summary>
    /// Tells whether <paramref name="payload"/> can sit inline as raw JSON and read back unchanged: one valid JSON
    /// value with no whitespace around it (which the raw text of a parsed value would drop).
    /// </summary>
    private static bool IsJsonValue(string payload)
    {
        if (payload.Length == 0 || char.IsWhiteSpace(payload[0]) || char.IsWhiteSpace(payload[^1]))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static PayloadEnvelope Parse(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            var version = root.GetProperty("swf-payload").GetInt32();
            if (version != Version)
            {
                throw new PayloadCodecException($"The payload's envelope is version {version}; this SDK reads version {Version}. Upgrade the SDK to read it.");
            }

            if (root.TryGetProperty("ref", out var reference))
            {
                return new PayloadEnvelope
                {
                    Store = root.GetProperty("store").GetString(),
                    Reference = reference.GetString(),
                    Sha256 = root.TryGetProperty("sha256", out var hash) ? hash.GetString() : null,
                    Size = root.TryGetProperty("size", out var size) ? size.GetInt64() : 0,
                };
            }

            var codecs = new List<(string, string?)>();
            if (root.TryGetProperty("codecs", out var list))
            {
                foreach (var codec in list.EnumerateArray())
                {
                    codecs.Add((codec.GetProperty("name").GetString() ?? string.Empty, codec.TryGetProperty("key", out var key) ? key.GetString() : null));
                }
            }

            Dictionary<string, string>? headers = null;
            if (root.TryGetProperty("headers", out var map))
            {
                headers = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var header in map.EnumerateObject())
                {
                    headers[header.Name] = header.Value.GetString() ?? string.Empty;
                }
            }

            if (root.TryGetProperty("data", out var data))
            {
                return new PayloadEnvelope { Codecs = codecs, Headers = headers, Data = data.GetBytesFromBase64() };
            }

            if (codecs.Count > 0)
            {
                throw new PayloadCodecException($"The payload's envelope names codecs but holds no \"data\".");
            }

            // The inline form: the raw text of "json" is exactly what the writer put there (it only writes a value
            // that is already valid JSON without surrounding whitespace), so the payload reads back byte for byte.
            var inline = root.TryGetProperty("json", out var json) ? json.GetRawText()
                : root.TryGetProperty("text", out var text) ? text.GetString()
                : null;
            return new PayloadEnvelope { Headers = headers, Inline = inline };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new PayloadCodecException($"The payload starts like an SDK envelope ({Prefix}) but is not a valid one: {ex.Message}", ex);
        }
    }
}
