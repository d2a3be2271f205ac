using System.Security.Cryptography;
using System.Text;
using Swf.Exceptions;

namespace Swf.Payloads;

/// <summary>
/// Encrypts payloads with AES-GCM under the key provider's current key. Each payload carries its key id, a
/// fresh 12-byte nonce and the 16-byte tag; the key id is bound to the ciphertext as associated data, so a
/// payload cannot be passed off under another key. Reading needs the key the payload names.
/// </summary>
public sealed class AesGcmPayloadCodec : IPayloadCodec
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly IEncryptionKeyProvider _keys;

    /// <summary>Initializes the codec.</summary>
    /// <param name="keys">Where the keys come from.</param>
    public AesGcmPayloadCodec(IEncryptionKeyProvider keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
    }

    /// <inheritdoc/>
    public string Name => "aes-gcm";

    /// <inheritdoc/>
    public async ValueTask<PayloadCodecResult?> EncodeAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var keyId = _keys.CurrentKeyId;
        var key = await _keys.GetKeyAsync(keyId, cancellationToken).ConfigureAwait(false)
            ?? throw new PayloadCodecException($"The key provider has no key for its current key id '{keyId}'.");
        var output = new byte[NonceSize + data.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, data.Span, output.AsSpan(NonceSize, data.Length), output.AsSpan(NonceSize + data.Length), Encoding.UTF8.GetBytes(keyId));
        return new PayloadCodecResult(output, keyId);
    }

    /// <inheritdoc/>
    public async ValueTask<ReadOnlyMemory<byte>> DecodeAsync(ReadOnlyMemory<byte> data, string? keyId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(keyId))
        {
            throw new PayloadCodecException("The payload was encrypted with aes-gcm but names no key id.");
        }

        var key = await _keys.GetKeyAsync(keyId, cancellationToken).ConfigureAwait(false)
            ?? throw new PayloadCodecException($"The payload was encrypted with aes-gcm under key '{keyId}', which the key provider does not have: add that key to read histories written with it.", codec: Name, keyId: keyId);
        if (data.Length < NonceSize + TagSize)
        {
            throw new PayloadCodecException($"The aes-gcm payload (key '{keyId}') is too short to hold a nonce and a tag.", codec: Name, keyId: keyId);
        }

        var plain = new byte[data.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(data.Span[..NonceSize], data.Span[NonceSize..^TagSize], data.Span[^TagSize..], plain, Encoding.UTF8.GetBytes(keyId));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new PayloadCodecException($"The aes-gcm payload does not decrypt with key '{keyId}': the key is not the one it was written with, or the payload was altered.", ex, Name, keyId);
        }

        return plain;
    }
}
