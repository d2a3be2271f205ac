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
internal sealed class PayloadEnvelope
{
    /// <summary>What every envelope starts with.</summary>
    public const string Prefix = "{\"swf-payload\":";

    public const int Version = 1;

    public IReadOnlyList<(string Name, string? KeyId)> Codecs { get; init; } = [];

    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public byte[]? Data { get; init; }

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

                writer.WriteBase64String("data", Data);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
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

            return new PayloadEnvelope { Codecs = codecs, Headers = headers, Data = root.GetProperty("data").GetBytesFromBase64() };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new PayloadCodecException($"The payload starts like an SDK envelope ({Prefix}) but is not a valid one: {ex.Message}", ex);
        }
    }
}
