namespace Swf.Payloads;

/// <summary>
/// One step of the payload codec chain: turns a payload's bytes into other bytes (compressed, encrypted) and
/// back. Codecs run after the payload converter, in the order they are configured when writing and in reverse
/// when reading; the encoded payload names each codec that ran (and its key id), so a reader knows what to undo.
/// </summary>
/// <remarks>
/// Codecs run at the SDK's I/O boundaries (after a decision task's history is read, before its decisions are
/// sent, around activity tasks and client calls), never on the workflow's deterministic scheduler, so they may
/// do I/O (a key service, say). They must be safe to call concurrently.
/// </remarks>
public interface IPayloadCodec
{
    /// <summary>Gets the codec's name, written into each payload it encodes (such as <c>deflate</c>); a reader finds the codec by it.</summary>
    string Name { get; }

    /// <summary>Encodes a payload's bytes.</summary>
    /// <param name="data">The bytes so far: the converter's UTF-8 text, or the previous codec's output.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The encoded bytes and the key id used, or null to leave the payload as it is (too small to compress, say).</returns>
    ValueTask<PayloadCodecResult?> EncodeAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>Decodes what <see cref="EncodeAsync"/> wrote.</summary>
    /// <param name="data">The encoded bytes.</param>
    /// <param name="keyId">The key id <see cref="EncodeAsync"/> returned, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The decoded bytes.</returns>
    /// <exception cref="Exceptions.PayloadCodecException">The bytes cannot be decoded (a missing key, corrupt data).</exception>
    ValueTask<ReadOnlyMemory<byte>> DecodeAsync(ReadOnlyMemory<byte> data, string? keyId, CancellationToken cancellationToken = default);
}
