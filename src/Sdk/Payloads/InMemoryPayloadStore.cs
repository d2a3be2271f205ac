using System.Collections.Concurrent;

namespace Swf.Payloads;

/// <summary>A payload store in memory, for tests and the embedded engine: everything is lost with the process.</summary>
public sealed class InMemoryPayloadStore : IPayloadStore
{
    private readonly ConcurrentDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public string Name => "memory";

    /// <summary>Gets the number of stored objects.</summary>
    public int Count => _objects.Count;

    /// <summary>Gets the keys of the stored objects.</summary>
    public IReadOnlyCollection<string> Keys => [.. _objects.Keys];

    /// <inheritdoc/>
    public Task<string> PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _objects.TryAdd(key, content.ToArray());
        return Task.FromResult(key);
    }

    /// <inheritdoc/>
    public Task<byte[]> GetAsync(string reference, CancellationToken cancellationToken = default) =>
        _objects.TryGetValue(reference, out var content)
            ? Task.FromResult(content)
            : Task.FromException<byte[]>(new KeyNotFoundException($"The in-memory payload store has no object '{reference}'."));
}
