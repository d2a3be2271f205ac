namespace Swf.Payloads;

/// <summary>
/// The claim check's storage: payloads longer than the pipeline's threshold are put here, and history keeps a
/// small reference to them. Objects are content-addressed (the SHA-256 of their bytes is part of the key), so a
/// payload written twice is stored once, and a stored object never changes.
/// </summary>
public interface IPayloadStore
{
    /// <summary>Gets the store's name, written into each reference (such as <c>s3</c>); a reader checks it has that store.</summary>
    string Name { get; }

    /// <summary>Stores a payload, unless an object of that key already exists.</summary>
    /// <param name="key">Where it goes: <see cref="PayloadStoreContext.ObjectKey"/> of the execution and the content hash.</param>
    /// <param name="content">The encoded payload's bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reference a reader passes to <see cref="GetAsync"/>: the object key, or the key with the store's own prefix.</returns>
    Task<string> PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Reads a stored payload.</summary>
    /// <param name="reference">What <see cref="PutAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The payload's bytes.</returns>
    /// <exception cref="KeyNotFoundException">The store has no such object (deleted by a lifecycle rule, say).</exception>
    Task<byte[]> GetAsync(string reference, CancellationToken cancellationToken = default);
}
