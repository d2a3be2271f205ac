using System.Net.Http.Headers;
using System.Text.Json;

namespace Swf.LocalServer.WebConsole;

/// <summary>
/// Asks the user's payload decode endpoint (<c>--codec-endpoint</c>, Swf.Sdk.AspNetCore's <c>MapSwfPayloadDecoder</c>)
/// for the decoded form of the encoded payloads of a console page. swf-local's server calls it, not the browser, so
/// the endpoint needs no CORS for the console and its keys never leave it; swf-local only sees the decoded payloads.
/// </summary>
/// <remarks>
/// Failures never fail the page: an endpoint that cannot be reached, times out or answers an error gives an
/// <see cref="Answer"/> with <see cref="Answer.Error"/>, and each payload it could not decode carries its own error.
/// </remarks>
internal sealed class CodecEndpointClient : IDisposable
{
    /// <summary>Payloads per request: under the endpoint's default limit (1,000), so a long history takes a few calls.</summary>
    public const int BatchSize = 500;

    private readonly HttpClient _http;

    public CodecEndpointClient(Uri endpoint, HttpMessageHandler? handler = null)
    {
        Endpoint = endpoint;
        // The page refreshes every 1.5 s; an endpoint that hangs must not hold it for longer than a few seconds.
        _http = new HttpClient(handler ?? new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>Gets the endpoint's URL.</summary>
    public Uri Endpoint { get; }

    /// <summary>Decodes payloads: what the endpoint answered for each, by the stored text; or why it could not be asked.</summary>
    public async Task<Answer> DecodeAsync(IReadOnlyCollection<string> payloads, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, Item>(StringComparer.Ordinal);
        foreach (var batch in payloads.Chunk(BatchSize))
        {
            try
            {
                await DecodeBatchAsync(batch, results, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new Answer(results, $"The codec endpoint {Endpoint} did not answer within {_http.Timeout.TotalSeconds:0} s.");
            }
            catch (HttpRequestException ex)
            {
                return new Answer(results, $"The codec endpoint {Endpoint} could not be reached: {ex.Message}");
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
            {
                return new Answer(results, $"The codec endpoint {Endpoint} answered something that is not a decode answer: {ex.Message}");
            }
        }

        return new Answer(results, null);
    }

    public void Dispose() => _http.Dispose();

    private async Task DecodeBatchAsync(string[] batch, Dictionary<string, Item> results, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("payloads");
            foreach (var payload in batch)
            {
                writer.WriteStringValue(payload);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using var content = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await _http.PostAsync(Endpoint, content, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var reason = TryReadError(text) is { } error ? $": {error}" : string.Empty;
            throw new HttpRequestException($"it answered {(int)response.StatusCode} {response.ReasonPhrase}{reason}");
        }

        using var document = JsonDocument.Parse(text);
        var items = document.RootElement.GetProperty("payloads");
        if (items.GetArrayLength() != batch.Length)
        {
            throw new FormatException($"it answered {items.GetArrayLength()} payloads for {batch.Length}.");
        }

        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var stored = batch[i++];
            var error = item.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var decoded = item.TryGetProperty("decoded", out var d) && d.ValueKind == JsonValueKind.True;
            var payload = item.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            results[stored] = error is not null || !decoded
                ? new Item(null, error ?? "The codec endpoint did not decode this payload.")
                : new Item(payload, null);
        }
    }

    private static string? TryReadError(byte[] text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The decoded payloads by their stored text, and the error that stopped the endpoint being asked (or null).</summary>
    internal sealed record Answer(IReadOnlyDictionary<string, Item> Payloads, string? Error);

    /// <summary>One payload's answer: its decoded text, or the error the endpoint gave for it.</summary>
    internal sealed record Item(string? Payload, string? Error);
}
