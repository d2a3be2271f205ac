using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Swf.Exceptions;
using Swf.Payloads;

namespace Swf.AspNetCore;

/// <summary>
/// The decode endpoint's handlers. Request: <c>{"payloads":["...", null, ...]}</c>, the payloads as SWF stores them.
/// Answer: <c>{"payloads":[{"payload":"...","decoded":true}, ...]}</c>, one item per payload in the same order;
/// an item that could not be decoded keeps the stored payload and adds <c>error</c> (and <c>codec</c>, <c>keyId</c>
/// when the failure names them), so one bad payload never fails the others.
/// </summary>
internal sealed class PayloadDecoderEndpoint
{
    private readonly PayloadPipeline? _pipeline;
    private readonly HashSet<string> _allowedOrigins;
    private readonly int _maxPayloads;

    public PayloadDecoderEndpoint(PayloadPipeline? pipeline, SwfPayloadDecoderOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPayloads, 1, "options.MaxPayloads");
        _pipeline = pipeline;
        _allowedOrigins = new HashSet<string>(options.AllowedOrigins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);
        _maxPayloads = options.MaxPayloads;
    }

    public async Task DecodeAsync(HttpContext context)
    {
        if (!CheckOrigin(context))
        {
            await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "This origin may not call the payload decoder; add it to SwfPayloadDecoderOptions.AllowedOrigins.").ConfigureAwait(false);
            return;
        }

        // Requiring JSON also means that a browser on another origin cannot send a "simple" request that skips the preflight.
        if (!context.Request.HasJsonContentType())
        {
            await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, "Send the payloads as application/json: {\"payloads\":[\"...\"]}.").ConfigureAwait(false);
            return;
        }

        List<string?> payloads;
        try
        {
            payloads = await ReadPayloadsAsync(context.Request.Body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"The body is not valid JSON: {ex.Message}").ConfigureAwait(false);
            return;
        }
        catch (FormatException ex)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, ex.Message).ConfigureAwait(false);
            return;
        }

        if (payloads.Count > _maxPayloads)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"The request carries {payloads.Count} payloads; this endpoint decodes at most {_maxPayloads} at a time.").ConfigureAwait(false);
            return;
        }

        var pipeline = _pipeline ?? context.RequestServices.GetService(typeof(PayloadPipeline)) as PayloadPipeline ?? PayloadPipeline.Empty;
        // A page often holds the same payload many times (an input passed to several activities): decode it once.
        var results = new Dictionary<string, DecodeResult>(StringComparer.Ordinal);
        foreach (var payload in payloads)
        {
            if (payload is not null && PayloadPipeline.IsEncoded(payload) && !results.ContainsKey(payload))
            {
                results[payload] = await DecodeOneAsync(pipeline, payload, context.RequestAborted).ConfigureAwait(false);
            }
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteStartArray("payloads");
        foreach (var payload in payloads)
        {
            writer.WriteStartObject();
            if (payload is not null && results.TryGetValue(payload, out var result))
            {
                writer.WriteString("payload", result.Error is null ? result.Payload : payload);
                writer.WriteBoolean("decoded", result.Error is null);
                if (result.Error is not null)
                {
                    writer.WriteString("error", result.Error);
                    WriteIfSet(writer, "codec", result.Codec);
                    WriteIfSet(writer, "keyId", result.KeyId);
                }
            }
            else
            {
                writer.WriteString("payload", payload);
                writer.WriteBoolean("decoded", false);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    public Task PreflightAsync(HttpContext context)
    {
        if (!CheckOrigin(context) || !context.Request.Headers.ContainsKey(HeaderNames.Origin))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        context.Response.Headers.AccessControlAllowMethods = "POST";
        context.Response.Headers.AccessControlAllowHeaders = "Content-Type";
        context.Response.Headers.AccessControlMaxAge = "600";
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static async Task<DecodeResult> DecodeOneAsync(PayloadPipeline pipeline, string payload, CancellationToken cancellationToken)
    {
        try
        {
            return new DecodeResult(await pipeline.DecodeAsync(payload, cancellationToken).ConfigureAwait(false), null, null, null);
        }
        catch (PayloadCodecException ex)
        {
            return new DecodeResult(null, ex.Message, ex.Codec, ex.KeyId);
        }
#pragma warning disable CA1031 // A user's own codec or store may throw anything; that is this item's answer, not a 500 for the page.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return new DecodeResult(null, $"{ex.GetType().Name}: {ex.Message}", null, null);
        }
    }

    private static async Task<List<string?>> ReadPayloadsAsync(Stream body, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(body, default, cancellationToken).ConfigureAwait(false);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("payloads", out var array)
            || array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The body must be an object with a \"payloads\" array: {\"payloads\":[\"...\"]}.");
        }

        var payloads = new List<string?>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            payloads.Add(item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Null => null,
                _ => throw new FormatException($"Payload #{payloads.Count + 1} is a JSON {item.ValueKind}; payloads are strings (or null)."),
            });
        }

        return payloads;
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("error", message);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Lets a request without an <c>Origin</c> header through (not a browser's cross-origin call: swf-local's server,
    /// curl), and one from an allowed origin, to which it adds the CORS answer headers.
    /// </summary>
    private bool CheckOrigin(HttpContext context)
    {
        if (!context.Request.Headers.TryGetValue(HeaderNames.Origin, out var origins))
        {
            return true;
        }

        var origin = origins.ToString();
        if (!_allowedOrigins.Contains(origin.TrimEnd('/')))
        {
            return false;
        }

        context.Response.Headers.AccessControlAllowOrigin = origin;
        context.Response.Headers.Vary = HeaderNames.Origin;
        return true;
    }

    private sealed record DecodeResult(string? Payload, string? Error, string? Codec, string? KeyId);
}
