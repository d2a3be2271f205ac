using Swf.LocalEngine;

namespace Swf.LocalServer.Store;

/// <summary>
/// Bounds swf-local's store and its start-up: now and then (as soon as <see cref="SwfLocalServerOptions.SnapshotEveryEntries"/>
/// journal entries follow the store's snapshot, and at a clean shutdown; with 0, at every clean shutdown only)
/// it takes an engine snapshot, which leaves out closed runs past their retention, and
/// writes it into the store in the same transaction that deletes the journal rows it covers
/// (<see cref="JournalSnapshots.Write"/>). Start-up then loads the snapshot and replays only the rows after it.
/// </summary>
/// <remarks>
/// <para>
/// Which rows a snapshot covers: the engine numbers the entries it hands to its journal
/// (<see cref="LocalSwfEngine.JournalPosition"/>, counted from the journal's start, a restored snapshot's
/// entries included), and the store writes them in that order with increasing row ids. So once the
/// engine is restored at position C with every row up to B in the store behind it, the entry at
/// position C + k is the k-th row after B. A snapshot at position P covers every row up to B (the rows
/// replayed at start-up, already in the engine's state) and the first P - C rows after B; they are on disk
/// before it is written (<see cref="SqliteJournal.WithDurableConnection{T}"/>), since an entry is appended
/// under the engine's lock before the snapshot can be taken. A snapshot is due by the entries since the
/// store's snapshot, replayed ones included: a store restarted with a long journal after its snapshot (a
/// crash, or a store never compacted) is compacted at the next check or clean shutdown, not only once as
/// many new entries have come in.
/// </para>
/// <para>
/// The snapshot is taken under the engine's lock (a copy of references, quick) and serialized
/// outside it, so requests go on meanwhile; their entries come after the snapshot's position and
/// stay in the journal. A store whose start-up skipped entries that did not replay is never
/// compacted: those rows stay in the file, as <see cref="SwfLocalServerOptions.SkipBadJournalEntries"/> promises.
/// </para>
/// </remarks>
internal sealed class JournalCompactor : IAsyncDisposable
{
    private readonly LocalSwfEngine _engine;
    private readonly SqliteJournal _journal;
    private readonly int _everyEntries;
    private readonly bool _enabled;
    private readonly Action<Exception> _onError;

    // The engine's journal position when the store was opened: the entry at position _openedPosition + k is the k-th the store was handed since.
    private readonly long _openedPosition;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    // The journal position of the snapshot in the store (0 for none): a snapshot is due once the engine is past it,
    // whether the entries since were appended by this process or replayed at start-up from a store that holds them.
    private long _snapshotPosition;

    // Where the engine's positions meet the store's rows: the entry at position _basePosition + k is the k-th row after _baseRow.
    private long _basePosition;
    private long _baseRow;
    private Task _loop = Task.CompletedTask;

    /// <summary>Initializes a compactor for an engine just restored from <paramref name="journal"/>.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="journal">Its store.</param>
    /// <param name="snapshotPosition">The journal position of the snapshot the engine was restored from (0 for none).</param>
    /// <param name="restoredPosition">The engine's journal position once the snapshot and the rows up to <paramref name="restoredRow"/> were replayed, before it appended anything.</param>
    /// <param name="restoredRow">The last row the store held before the restore (0 for none).</param>
    /// <param name="everyEntries">Entries between snapshots; 0 takes them only at shutdown.</param>
    /// <param name="enabled">False never compacts (start-up skipped entries).</param>
    /// <param name="onError">Told when a compaction fails (the store is left as it was).</param>
    public JournalCompactor(LocalSwfEngine engine, SqliteJournal journal, long snapshotPosition, long restoredPosition, long restoredRow, int everyEntries, bool enabled, Action<Exception> onError)
    {
        _engine = engine;
        _journal = journal;
        _snapshotPosition = snapshotPosition;
        _basePosition = restoredPosition;
        _baseRow = restoredRow;
        _openedPosition = restoredPosition;
        _everyEntries = everyEntries;
        _enabled = enabled;
        _onError = onError;
    }

    /// <summary>Starts the background loop, which takes a snapshot whenever one is due.</summary>
    public void Start()
    {
        if (_enabled && _everyEntries > 0)
        {
            _loop = Task.Run(() => RunAsync(_stop.Token));
        }
    }

    /// <summary>
    /// Takes a snapshot now, writes it and drops the journal rows it covers; nothing happens when the store's
    /// snapshot already covers every entry (rows replayed at start-up count as entries after it).
    /// </summary>
    /// <returns>Whether a snapshot was written.</returns>
    public bool Compact()
    {
        if (!_enabled)
        {
            return false;
        }

        lock (_gate)
        {
            var snapshot = _engine.CaptureSnapshot();
            if (snapshot.JournalPosition <= _snapshotPosition)
            {
                return false;
            }

            using var buffer = new MemoryStream();
            snapshot.WriteTo(buffer);
            var data = buffer.ToArray();

            // Nothing appended since the restore: the snapshot covers exactly the rows that were replayed.
            var (from, covered) = (_baseRow, snapshot.JournalPosition - _basePosition);
            var row = _journal.WithDurableConnection(connection =>
            {
                var last = covered == 0 ? from : JournalSnapshots.RowAfter(connection, from, covered);
                JournalSnapshots.Write(connection, snapshot, data, last);
                return last;
            });
            _basePosition = snapshot.JournalPosition;
            _baseRow = row;
            Volatile.Write(ref _snapshotPosition, snapshot.JournalPosition);
            return true;
        }
    }

    /// <summary>
    /// Stops the loop and takes a last snapshot when one is due (with <see cref="SwfLocalServerOptions.SnapshotEveryEntries"/>
    /// 0, always); call before the engine and the store close.
    /// </summary>
    /// <remarks>
    /// Not at every shutdown: a store with few entries restarts as quickly from its journal, and a restore from the
    /// journal keeps even the withdrawn timeouts that a snapshot leaves out (they never fire either way).
    /// </remarks>
    /// <returns>A task that completes when done.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }

        try
        {
            if (_everyEntries == 0 || _engine.JournalPosition - Volatile.Read(ref _snapshotPosition) >= _everyEntries)
            {
                Compact();
            }
        }
#pragma warning disable CA1031 // A failed last snapshot loses nothing: the journal still holds every step.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _onError(ex);
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        // After a failed snapshot (or an entry the store took but the engine did not count), the loop waits for more entries, not for none.
        long notBefore = 0;
        while (!stop.IsCancellationRequested)
        {
            // Woken by the store when the entry that makes a snapshot due is appended (it may be due already, after a
            // restart on a long journal): the engine's entries are numbered on from _openedPosition as the store gets them.
            var target = Math.Max(Volatile.Read(ref _snapshotPosition) + _everyEntries - _openedPosition, notBefore);
            await _journal.WhenAppended(target).WaitAsync(stop).ConfigureAwait(false);

            // An entry is queued under the engine's lock before the engine counts it, so it is counted once the lock is free.
            if (_engine.JournalPosition - Volatile.Read(ref _snapshotPosition) < _everyEntries)
            {
                notBefore = target + 1;
                continue;
            }

            try
            {
                Compact();
            }
#pragma warning disable CA1031 // A failed snapshot loses nothing (the transaction is rolled back); one after as many entries again tries again.
            catch (Exception ex) when (ex is not ObjectDisposedException)
#pragma warning restore CA1031
            {
                _onError(ex);
                notBefore = _engine.JournalPosition - _openedPosition + _everyEntries;
            }
        }
    }
}
