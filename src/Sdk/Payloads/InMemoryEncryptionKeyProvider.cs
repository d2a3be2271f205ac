namespace Swf.Payloads;

/// <summary>Keys held in memory (loaded from a secret store at start-up, say): a current key id and every key by id.</summary>
public sealed class InMemoryEncryptionKeyProvider : IEncryptionKeyProvider
{
    private readonly Dictionary<string, byte[]> _keys;

    /// <summary>Initializes the provider.</summary>
    /// <param name="currentKeyId">The id of the key new payloads are encrypted with; it must be one of <paramref name="keys"/>.</param>
    /// <param name="keys">Every key, by id: the current one and the older ones still needed to read old histories.</param>
    /// <exception cref="ArgumentException">The current key is missing, or a key is not 16, 24 or 32 bytes long.</exception>
    public InMemoryEncryptionKeyProvider(string currentKeyId, IReadOnlyDictionary<string, byte[]> keys)
    {
        ArgumentException.ThrowIfNullOrEmpty(currentKeyId);
        ArgumentNullException.ThrowIfNull(keys);
        _keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, key) in keys)
        {
            if (key is not { Length: 16 or 24 or 32 })
            {
                throw new ArgumentException($"Key '{id}' must be 16, 24 or 32 bytes long (AES-128, AES-192 or AES-256).", nameof(keys));
            }

            _keys[id] = [.. key];
        }

        if (!_keys.ContainsKey(currentKeyId))
        {
            throw new ArgumentException($"The current key '{currentKeyId}' is not among the keys.", nameof(currentKeyId));
        }

        CurrentKeyId = currentKeyId;
    }

    /// <inheritdoc/>
    public string CurrentKeyId { get; }

    /// <inheritdoc/>
    public ValueTask<byte[]?> GetKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_keys.TryGetValue(keyId, out var key) ? key : null);
}
