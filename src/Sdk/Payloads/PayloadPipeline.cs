using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Swf.Exceptions;
using Swf.Model;
using Swf.Serialization;

namespace Swf.Payloads;

/// <summary>
/// What happens to a payload between the converter and SWF's string field: the codecs in order, then the claim
/// check (over <see cref="StoreThreshold"/> characters the encoded payload goes to <see cref="Store"/> and history
/// keeps a reference). Reading runs the same steps backwards. The SDK applies it at its I/O boundaries: to every
/// payload field of a decision task's history before the workflow sees it and of its decisions after, to activity
/// tasks, to the client's calls, to replays and to the CLI.
/// </summary>
/// <remarks>
/// A payload that no codec changed, that carries no headers and fits under the threshold is written as it is, so
/// turning the pipeline on changes nothing for small payloads and old histories read unchanged. Every reader, even
/// one with no codecs, recognises an encoded payload and fails naming the codec, key id or store it lacks.
/// </remarks>
public sealed class PayloadPipeline
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();
    private readonly Dictionary<string, IPayloadCodec> _codecsByName;

    /// <summary>Initializes the pipeline.</summary>
    /// <param name="options">The codecs, the store and the threshold.</param>
    public PayloadPipeline(PayloadPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.StoreThreshold, 0, "options.StoreThreshold");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.StoreThreshold, PayloadTooLargeException.DataLimit, "options.StoreThreshold");
        Codecs = [.. options.Codecs];
        _codecsByName = new Dictionary<string, IPayloadCodec>(StringComparer.Ordinal);
        foreach (var codec in Codecs)
        {
            ArgumentNullException.ThrowIfNull(codec, "options.Codecs");
            if (!_codecsByName.TryAdd(codec.Name, codec))
            {
                throw new ArgumentException($"Two codecs are named '{codec.Name}'; a reader could not tell them apart.", nameof(options));
            }
        }

        Store = options.Store;
        StoreThreshold = options.StoreThreshold;
    }

    /// <summary>Gets a pipeline with no codecs and no store: payloads pass unchanged, and encoded ones fail clearly.</summary>
    public static PayloadPipeline Empty { get; } = new(new PayloadPipelineOptions());

    /// <summary>Gets the codecs, in writing order.</summary>
    public IReadOnlyList<IPayloadCodec> Codecs { get; }

    /// <summary>Gets the claim check's store, or null.</summary>
    public IPayloadStore? Store { get; }

    /// <summary>Gets the length above which payloads go to the store.</summary>
    public int StoreThreshold { get; }

    /// <summary>Gets whether the pipeline has neither codecs nor a store, so that writing changes nothing.</summary>
    public bool IsEmpty => Codecs.Count == 0 && Store is null;

    /// <summary>
    /// Gets the longest payload the SDK should let code write before the pipeline runs: SWF's limit when the pipeline
    /// is empty, otherwise unlimited (codecs may shrink it, the store takes any size), and the limit is checked on
    /// the encoded payload instead.
    /// </summary>
    public int RawPayloadLimit => IsEmpty ? PayloadTooLargeException.DataLimit : int.MaxValue;

    /// <summary>Tells an encoded payload (an SDK envelope) from a plain one.</summary>
    /// <param name="payload">The payload as SWF holds it.</param>
    /// <returns><c>true</c> for an envelope.</returns>
    public static bool IsEncoded(string? payload) => PayloadEnvelope.IsEnvelope(payload);

    /// <summary>Encodes one payload for SWF.</summary>
    /// <param name="payload">The converter's output, or null.</param>
    /// <param name="context">The execution it belongs to, which names its object in the store.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What SWF's field holds.</returns>
    /// <exception cref="PayloadTooLargeException">Even encoded, the payload is longer than SWF accepts (and there is no store).</exception>
    public ValueTask<string?> EncodeAsync(string? payload, PayloadStoreContext context, CancellationToken cancellationToken = default) =>
        EncodeAsync(payload, null, context, "payload", cancellationToken);

    /// <summary>Encodes one payload for SWF, with a header map.</summary>
    /// <param name="payload">The converter's output, or null.</param>
    /// <param name="headers">Headers carried inside the envelope (in clear, beside the encoded data), or null.</param>
    /// <param name="context">The execution it belongs to, which names its object in the store.</param>
    /// <param name="call">Names the call for a <see cref="PayloadTooLargeException"/>, such as <c>StartAsync(Order 1) input</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What SWF's field holds.</returns>
    /// <exception cref="PayloadTooLargeException">Even encoded, the payload is longer than SWF accepts (and there is no store).</exception>
    public async ValueTask<string?> EncodeAsync(string? payload, IReadOnlyDictionary<string, string>? headers, PayloadStoreContext context, string call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A payload the runtime already joined to its headers (the inline form) is split again, so the codecs run on
        // the payload alone and the headers stay beside the encoded data, readable without the keys.
        if (PayloadEnvelope.TryParseInline(payload) is { } joined)
        {
            payload = joined.Inline;
            headers = PayloadHeaders.Merge(joined.Headers, headers);
        }

        var hasHeaders = headers is { Count: > 0 };
        if (payload is null)
        {
            return hasHeaders ? new PayloadEnvelope { Headers = headers }.Write() : null;
        }

        if (IsEmpty && !hasHeaders && !IsEncoded(payload))
        {
            return payload;
        }

        ReadOnlyMemory<byte> data = Encoding.UTF8.GetBytes(payload);
        var applied = new List<(string, string?)>(Codecs.Count);
        foreach (var codec in Codecs)
        {
            if (await codec.EncodeAsync(data, cancellationToken).ConfigureAwait(false) is { } encoded)
            {
                data = encoded.Data;
                applied.Add((codec.Name, encoded.KeyId));
            }
        }

        string wire;
        if (applied.Count > 0)
        {
            wire = new PayloadEnvelope { Codecs = applied, Headers = headers, Data = data.ToArray() }.Write();
        }
        else if (hasHeaders)
        {
            // No codec changed it: the converter's output stays readable in SWF's console, beside the headers.
            wire = new PayloadEnvelope { Headers = headers, Inline = payload }.Write();
        }
        else
        {
            // A plain payload that happens to start like an envelope is wrapped anyway, so that it reads back as itself.
            wire = IsEncoded(payload) ? new PayloadEnvelope { Data = data.ToArray() }.Write() : payload;
        }

        if (Store is not null && wire.Length > StoreThreshold)
        {
            // The whole envelope, headers included, is what the store keeps: a reader gets them back with the payload.
            wire = await StoreAsync(wire, context, cancellationToken).ConfigureAwait(false);
        }

        PayloadTooLargeException.ThrowIfTooLarge(wire, call);
        return wire;
    }

    /// <summary>Decodes one payload from SWF.</summary>
    /// <param name="payload">What SWF's field holds, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The converter's input.</returns>
    /// <exception cref="PayloadCodecException">The payload needs a codec, key or store this pipeline lacks, or is corrupt.</exception>
    public async ValueTask<string?> DecodeAsync(string? payload, CancellationToken cancellationToken = default) =>
        (await DecodeWithHeadersAsync(payload, cancellationToken).ConfigureAwait(false)).Payload;

    /// <summary>Decodes one payload from SWF, with the header map it carries.</summary>
    /// <param name="payload">What SWF's field holds, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The converter's input and the headers (empty when the payload has none).</returns>
    /// <exception cref="PayloadCodecException">The payload needs a codec, key or store this pipeline lacks, or is corrupt.</exception>
    public async ValueTask<(string? Payload, IReadOnlyDictionary<string, string> Headers)> DecodeWithHeadersAsync(string? payload, CancellationToken cancellationToken = default)
    {
        if (!IsEncoded(payload))
        {
            return (payload, NoHeaders);
        }

        var envelope = PayloadEnvelope.Parse(payload!);
        if (envelope.IsReference)
        {
            var fetched = await FetchAsync(envelope, cancellationToken).ConfigureAwait(false);
            if (!IsEncoded(fetched))
            {
                return (fetched, NoHeaders);
            }

            envelope = PayloadEnvelope.Parse(fetched);
            if (envelope.IsReference)
            {
                throw new PayloadCodecException($"The stored payload '{envelope.Reference}' is itself a reference; the SDK never writes that.");
            }
        }

        if (envelope.IsInline)
        {
            return (envelope.Inline, envelope.Headers ?? NoHeaders);
        }

        ReadOnlyMemory<byte> data = envelope.Data ?? [];
        for (var i = envelope.Codecs.Count - 1; i >= 0; i--)
        {
            var (name, keyId) = envelope.Codecs[i];
            if (!_codecsByName.TryGetValue(name, out var codec))
            {
                var chain = string.Join(", ", envelope.Codecs.Select(c => c.KeyId is null ? c.Name : $"{c.Name} (key '{c.KeyId}')"));
                var key = keyId is null ? string.Empty : $" with key '{keyId}'";
                throw new PayloadCodecException(
                    $"The payload was encoded with codec '{name}'{key}, which this process does not have (the payload's codecs, in writing order: {chain}). Configure the same codecs (and keys) as the writer to read it.",
                    name,
                    keyId);
            }

            data = await codec.DecodeAsync(data, keyId, cancellationToken).ConfigureAwait(false);
        }

        return (Encoding.UTF8.GetString(data.Span), envelope.Headers ?? NoHeaders);
    }

    /// <summary>
    /// Decodes every payload field of history events in place (see the list in docs/payloads.md). Identical encoded
    /// payloads are decoded once. A payload that carries headers is left in the inline form (the decoded payload and
    /// its headers, <c>{"swf-payload":1,"headers":{...},"json":...}</c>), so that the workflow runtime sees them.
    /// </summary>
    /// <param name="events">The events, as read from SWF or a file.</param>
    /// <param name="cancellationToken">Cancels the reading of stored payloads.</param>
    /// <returns>A task that completes when every field is decoded.</returns>
    /// <exception cref="PayloadCodecException">A payload needs a codec, key or store this pipeline lacks, or is corrupt.</exception>
    public async Task DecodeEventsAsync(IEnumerable<HistoryEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events as IReadOnlyList<HistoryEvent> ?? [.. events];
        // Every decision task reads its events through here, almost always with nothing encoded: the set is made
        // only when an envelope turns up.
        HashSet<string>? encoded = null;
        Func<string?, string?> collect = value =>
        {
            if (IsEncoded(value))
            {
                (encoded ??= new(StringComparer.Ordinal)).Add(value!);
            }

            return value;
        };
        foreach (var historyEvent in list)
        {
            historyEvent.Accept(PayloadFields.Instance, collect);
        }

        if (encoded is null)
        {
            return;
        }

        var decoded = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var value in encoded)
        {
            var (plain, headers) = await DecodeWithHeadersAsync(value, cancellationToken).ConfigureAwait(false);
            decoded[value] = PayloadHeaders.Attach(plain, headers);
        }

        Func<string?, string?> replace = value => value is not null && decoded.TryGetValue(value, out var plain) ? plain : value;
        foreach (var historyEvent in list)
        {
            historyEvent.Accept(PayloadFields.Instance, replace);
        }
    }

    /// <summary>
    /// Encodes every payload field of decisions. The decisions are copied first: the workflow instance keeps the ones
    /// it made, to match against history later, and those must stay as the code wrote them.
    /// </summary>
    /// <param name="decisions">The decisions the workflow made.</param>
    /// <param name="context">The run they belong to.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The decisions to send: the same list when the pipeline is empty, otherwise encoded copies.</returns>
    /// <exception cref="PayloadTooLargeException">A payload is too long even encoded (and there is no store).</exception>
    public async Task<IReadOnlyList<Decision>> EncodeDecisionsAsync(IReadOnlyList<Decision> decisions, PayloadStoreContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        if (IsEmpty)
        {
            return decisions;
        }

        var copies = decisions.Select(d => JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(d, SwfJsonContext.Default.Decision), SwfJsonContext.Default.Decision)!).ToList();
        // Each payload remembers the first decision that carries it, to name it if it is too large.
        var plain = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < copies.Count; i++)
        {
            var call = $"{copies[i].DecisionType} decision (#{i + 1} of the task) payload";
            copies[i].Accept(PayloadFields.Instance, value =>
            {
                if (value is not null)
                {
                    plain.TryAdd(value, call);
                }

                return value;
            });
        }

        // Each distinct payload is encoded once: a payload sent twice (the same input to many activities, say) is
        // encrypted once and stored once.
        var encoded = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (value, call) in plain)
        {
            encoded[value] = await EncodeAsync(value, null, context, call, cancellationToken).ConfigureAwait(false);
        }

        Func<string?, string?> replace = value => value is not null && encoded.TryGetValue(value, out var wire) ? wire : value;
        foreach (var decision in copies)
        {
            decision.Accept(PayloadFields.Instance, replace);
        }

        return copies;
    }

    private async Task<string> StoreAsync(string wire, PayloadStoreContext context, CancellationToken cancellationToken)
    {
        var content = Encoding.UTF8.GetBytes(wire);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        string reference;
        try
        {
            reference = await Store!.PutAsync(context.ObjectKey(hash), content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new PayloadCodecException($"Storing a payload of {content.Length:N0} bytes in payload store '{Store!.Name}' failed: {ex.Message}", ex);
        }

        return new PayloadEnvelope { Store = Store.Name, Reference = reference, Sha256 = hash, Size = content.Length }.Write();
    }

    private async Task<string> FetchAsync(PayloadEnvelope reference, CancellationToken cancellationToken)
    {
        if (Store is null)
        {
            throw new PayloadCodecException(
                $"The payload is stored in payload store '{reference.Store}' as '{reference.Reference}', but this process has no payload store. Configure the same store as the writer to read it.");
        }

        if (!string.Equals(Store.Name, reference.Store, StringComparison.Ordinal))
        {
            throw new PayloadCodecException(
                $"The payload is stored in payload store '{reference.Store}' as '{reference.Reference}', but this process's store is '{Store.Name}'.");
        }

        byte[] content;
        try
        {
            content = await Store.GetAsync(reference.Reference!, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new PayloadCodecException($"Reading payload '{reference.Reference}' from payload store '{Store.Name}' failed: {ex.Message}", ex);
        }

        if (reference.Sha256 is { } expected && !string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new PayloadCodecException($"Payload '{reference.Reference}' in payload store '{Store.Name}' does not match the SHA-256 its reference records: the object was changed.");
        }

        return Encoding.UTF8.GetString(content);
    }
}
