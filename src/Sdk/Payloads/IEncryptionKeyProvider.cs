namespace Swf.Payloads;

/// <summary>
/// Gives <see cref="AesGcmPayloadCodec"/> its keys: the current one for writing, and any one by id for reading.
/// Rotate keys by making a new key current while keeping the old ones readable: histories written with them
/// still decode, because each payload names its key id.
/// </summary>
public interface IEncryptionKeyProvider
{
    /// <summary>Gets the id of the key new payloads are encrypted with.</summary>
    string CurrentKeyId { get; }

    /// <summary>Finds a key by id.</summary>
    /// <param name="keyId">The key id, as written into a payload.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key (16, 24 or 32 bytes), or null when the provider has no key of that id.</returns>
    ValueTask<byte[]?> GetKeyAsync(string keyId, CancellationToken cancellationToken = default);
}
