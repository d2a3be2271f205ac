namespace Swf.LocalEngine.Journal;

/// <summary>
/// Where <see cref="EngineSnapshot.ReadFrom"/> puts the histories it reads (<see cref="SnapshotHistory"/>): slices of
/// large shared chunks instead of one array per run.
/// </summary>
/// <remarks>
/// The histories of the retained runs stay in memory for as long as the engine runs; as 100,000 small arrays the
/// collector marked and copied each of them from generation to generation while the snapshot loaded, which was
/// half the load's time. A chunk of 80 KB holds about 70 of them as one object. The chunks stay just under the
/// large object heap's threshold: 1 MB chunks there made the load slower at 100,000 runs (their allocations count
/// towards full collections). A chunk lives until every run in it has been read (and dropped its slice) or has left
/// the engine. Used by one read on one thread (the deserializer's), found through <see cref="Current"/>.
/// </remarks>
internal sealed class SnapshotArena
{
    // Under the large object heap's threshold (85,000 bytes).
    private const int ChunkSize = 80 * 1024;

    [ThreadStatic]
    private static SnapshotArena? t_current;

    private byte[] _chunk = [];
    private int _used;

    /// <summary>Gets the arena of the read going on on this thread, or null outside one.</summary>
    public static SnapshotArena? Current => t_current;

    /// <summary>Makes a new arena <see cref="Current"/> on this thread until the returned scope is disposed.</summary>
    /// <returns>The scope.</returns>
    public static Scope Enter()
    {
        var previous = t_current;
        t_current = new SnapshotArena();
        return new Scope(previous);
    }

    /// <summary>Gets room for up to <paramref name="length"/> bytes; <see cref="Commit"/> then keeps what was written.</summary>
    /// <param name="length">The most that will be written.</param>
    /// <returns>The room.</returns>
    public Span<byte> Reserve(int length)
    {
        if (_chunk.Length - _used < length)
        {
            _chunk = GC.AllocateUninitializedArray<byte>(Math.Max(ChunkSize, length));
            _used = 0;
        }

        return _chunk.AsSpan(_used, length);
    }

    /// <summary>Keeps the first <paramref name="length"/> bytes written into the last <see cref="Reserve"/>.</summary>
    /// <param name="length">How many were written.</param>
    /// <returns>Them.</returns>
    public ReadOnlyMemory<byte> Commit(int length)
    {
        var kept = new ReadOnlyMemory<byte>(_chunk, _used, length);
        _used += length;
        return kept;
    }

    /// <summary>Puts back the arena that was current before <see cref="Enter"/>.</summary>
    internal readonly struct Scope(SnapshotArena? previous) : IDisposable
    {
        public void Dispose() => t_current = previous;
    }
}
