using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Swf.LocalEngine;
using Swf.LocalEngine.Journal;
using Swf.LocalServer.Protocol;

namespace Swf.LocalServer.Store;

/// <summary>
/// swf-local's durable store: the engine's journal (<see cref="IEngineJournal"/>) in one SQLite
/// table, one row per step the engine took, written (WAL; fsync'd too with the default synchronous=FULL) before the caller gets its
/// answer. On start the rows are replayed in order into a fresh engine (<see cref="LocalSwfEngine.Restore(LocalSwfEngineOptions, IEnumerable{JournalEntry}, Func{JournalReplayFailure, bool})"/>),
/// which rebuilds everything, so a crash loses nothing that was acknowledged. <see cref="JournalCompactor"/>
/// now and then replaces the rows up to a point with an engine snapshot (<see cref="JournalSnapshots"/>), in one transaction.
/// </summary>
/// <remarks>
/// Group commit: a step taken for an HTTP request (<see cref="DeferDurability"/> set) is only queued under the
/// engine's lock; the request is answered after <see cref="WhenDurableAsync"/>, which waits until every step
/// queued so far (its own, and any a read may have seen) is on disk. When no write is running the request writes
/// every queued step in one transaction on its own thread, outside the engine's lock. When one is running, the
/// journal's own writer thread is woken instead: it starts the next transaction the moment the running one ends,
/// with every step queued meanwhile, so one fsync covers many requests and the next write never waits for the
/// thread pool to run a waiting request. Any other step (a direct call on the engine, a clock tick, the console) is
/// written before <see cref="Append"/> returns, as before.
/// </remarks>
internal sealed class SqliteJournal : IEngineJournal, IDisposable
{
    private const string Tick = "Tick";
    private const int FormatVersion = 1;

    // Format 2: the store holds a snapshot (JournalSnapshots) and only the journal after it; written with the first snapshot.
    private const int SnapshotFormatVersion = 2;

    /// <summary>Set by the request handler around an engine call whose answer waits for <see cref="WhenDurableAsync"/>.</summary>
    private static readonly AsyncLocal<bool> DeferredFlow = new();

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;

    // Rows waiting for the writer, in the order the engine took the steps; guarded by _state.
    private readonly Lock _state = new();
    // Held while the connection is in use (a flush, or the clock record), since a connection serves one caller at a time.
    private readonly Lock _writing = new();
    private List<Row> _pending = [];
    private List<Row> _spare = [];
    private long _appended;
    private long _durable;
    private long _commits;
    private bool _stopping;
    private Exception? _failure;
    private TaskCompletionSource _flushed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The one wait on a number of appended entries (JournalCompactor's), and that number; guarded by _state.
    private TaskCompletionSource? _appendedWaiter;
    private long _appendedTarget;

    // Set by a request that waits for rows while a write runs; the writer thread wakes and writes them next.
    private readonly AutoResetEvent _wake = new(initialState: false);
    private readonly Thread _writer;

    // The row id of each entry ReadAll gave out, so that a message about an entry can name its row.
    private readonly ConditionalWeakTable<JournalEntry, object> _ids = [];

    private SqliteJournal(SqliteConnection connection)
    {
        _connection = connection;
        _insert = connection.CreateCommand();
        _insert.CommandText = "INSERT INTO journal (at_ticks, operation, request, task_sequence, generated) VALUES ($at, $op, $request, $task, $generated)";
        _insert.Parameters.Add("$at", SqliteType.Integer);
        _insert.Parameters.Add("$op", SqliteType.Text);
        _insert.Parameters.Add("$request", SqliteType.Text);
        _insert.Parameters.Add("$task", SqliteType.Integer);
        _insert.Parameters.Add("$generated", SqliteType.Text);
        _insert.Prepare();
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "swf-local journal writer" };
        _writer.Start();
    }

    /// <summary>
    /// Gets or sets a value indicating whether steps taken in this flow of execution are only queued by
    /// <see cref="Append"/>; the caller then awaits <see cref="WhenDurableAsync"/> before it answers.
    /// </summary>
    public static bool DeferDurability
    {
        get => DeferredFlow.Value;
        set => DeferredFlow.Value = value;
    }

    /// <summary>Opens (creating when missing) the store at <paramref name="path"/>.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="sync">When a write is forced to the disk: before its requests are answered, or at checkpoints.</param>
    public static SqliteJournal Open(string path, JournalSync sync = JournalSync.Full)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL");
            // In WAL mode NORMAL still writes each transaction to the log (the OS holds it) before the commit returns;
            // only the fsync waits for a checkpoint.
            Execute(connection, sync == JournalSync.Normal ? "PRAGMA synchronous=NORMAL" : "PRAGMA synchronous=FULL");
            Execute(connection, """
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS journal (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at_ticks INTEGER NOT NULL,
                    operation TEXT NOT NULL,
                    request TEXT,
                    task_sequence INTEGER NOT NULL,
                    generated TEXT NOT NULL);
                INSERT OR IGNORE INTO meta (key, value) VALUES ('format', '1');
                """);
            using var format = connection.CreateCommand();
            format.CommandText = "SELECT value FROM meta WHERE key = 'format'";
            var version = Convert.ToString(format.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (version != FormatVersion.ToString(CultureInfo.InvariantCulture) && version != SnapshotFormatVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw new InvalidDataException($"{full} is a swf-local store of format {version}; this swf-local reads formats {FormatVersion} and {SnapshotFormatVersion}.");
            }

            return new SqliteJournal(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Gets how many transactions wrote rows so far (each one fsync); for the tests of group commit.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Gets the row id of an entry <see cref="ReadAll"/> gave out, or null for another entry.</summary>
    public long? IdOf(JournalEntry entry) => _ids.TryGetValue(entry, out var id) ? (long)id : null;

    /// <summary>Reads every entry, oldest first.</summary>
    /// <param name="skipUnreadable">
    /// Decides about a row that cannot be read (an unknown operation, a request that does not
    /// deserialize), given the error that names it: true skips it, false (or no callback) throws it.
    /// </param>
    /// <exception cref="InvalidDataException">A row cannot be read and was not skipped.</exception>
    public IEnumerable<JournalEntry> ReadAll(Func<InvalidDataException, bool>? skipUnreadable = null)
    {
        using var select = _connection.CreateCommand();
        select.CommandText = "SELECT id, at_ticks, operation, request, task_sequence, generated FROM journal ORDER BY id";
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var at = new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero);
            var name = reader.GetString(2);
            object? request = null;
            if (name != Tick)
            {
                try
                {
                    var operation = SwfOperations.Find(name) ?? throw new InvalidDataException("the operation is unknown to this swf-local.");
                    request = operation.ReadRequest(Encoding.UTF8.GetBytes(reader.IsDBNull(3) ? string.Empty : reader.GetString(3)));
                }
                catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException or NotSupportedException)
                {
                    var error = new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"journal entry {id} ({name} at {at:O}) cannot be read: {ex.Message}"), ex);
                    if (skipUnreadable?.Invoke(error) == true)
                    {
                        continue;
                    }

                    throw error;
                }
            }

            var generated = reader.GetString(5);
            var entry = new JournalEntry(at, request, reader.GetInt64(4), generated.Length == 0 ? [] : generated.Split('\n'));
            _ids.AddOrUpdate(entry, id);
            yield return entry;
        }
    }

    /// <summary>
    /// Records where a manual or skipping clock stands (its instant, and the base clock's then), so
    /// that a restart keeps the time; written and fsync'd before the clock moves there.
    /// </summary>
    /// <param name="instant">The clock's time.</param>
    /// <param name="baseNow">The base clock's time when <paramref name="instant"/> was recorded (a skipping clock runs on from there).</param>
    public void RecordClock(DateTimeOffset instant, DateTimeOffset baseNow)
    {
        lock (_writing)
        {
            try
            {
                using var command = _connection.CreateCommand();
                command.CommandText = "INSERT INTO meta (key, value) VALUES ('clock', $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
                command.Parameters.AddWithValue("$value", string.Create(CultureInfo.InvariantCulture, $"{instant.UtcTicks} {baseNow.UtcTicks}"));
                command.ExecuteNonQuery();
            }
            finally
            {
                // As in WithDurableConnection: requests that found the connection busy wait for this flush.
                FlushLocked();
            }
        }
    }

    /// <summary>Reads what <see cref="RecordClock"/> recorded last, or null when the clock was never moved through this store.</summary>
    /// <returns>The clock's instant and the base clock's time then.</returns>
    public (DateTimeOffset Instant, DateTimeOffset BaseNow)? ReadClock()
    {
        lock (_writing)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT value FROM meta WHERE key = 'clock'";
            if (command.ExecuteScalar() is not string value)
            {
                return null;
            }

            var parts = value.Split(' ');
            return parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var instant)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var baseNow)
                && instant <= DateTimeOffset.MaxValue.UtcTicks && baseNow <= DateTimeOffset.MaxValue.UtcTicks
                ? (new DateTimeOffset(instant, TimeSpan.Zero), new DateTimeOffset(baseNow, TimeSpan.Zero))
                : throw new InvalidDataException($"The store's clock record '{value}' is damaged.");
        }
    }

    /// <summary>Gets the instant of the journal's last entry, or null when it is empty.</summary>
    /// <returns>The instant.</returns>
    public DateTimeOffset? LastEntryAt()
    {
        lock (_writing)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT MAX(at_ticks) FROM journal";
            return command.ExecuteScalar() is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
    }

    /// <inheritdoc/>
    public void Append(JournalEntry entry)
    {
        // The row is made here, under the engine's lock, so that it is the step as it was taken.
        var operation = entry.Request is null ? null : SwfOperations.ForRequest(entry.Request)
            ?? throw new InvalidOperationException($"The engine journaled a request swf-local cannot store: {entry.Request.GetType().Name}.");
        var row = new Row(
            entry.At.UtcTicks,
            operation?.Name ?? Tick,
            operation is null ? null : Encoding.UTF8.GetString(operation.WriteRequest(entry.Request!)),
            entry.TaskSequence,
            string.Join('\n', entry.Generated));
        long sequence;
        TaskCompletionSource? reached = null;
        lock (_state)
        {
            ThrowIfFailed();
            _pending.Add(row);
            sequence = ++_appended;
            if (_appendedWaiter is not null && sequence >= _appendedTarget)
            {
                (reached, _appendedWaiter) = (_appendedWaiter, null);
            }
        }

        // Its continuation runs on the thread pool, not here under the engine's lock.
        reached?.TrySetResult();

        // A clock tick runs on a timer, which may have inherited a request's flow: it is never deferred.
        if (DeferDurability && operation is not null)
        {
            return;
        }

        // Not a request that waits: durable before the engine call returns, as the journal's contract asks.
        Flush();
        lock (_state)
        {
            ThrowIfFailed();
        }
    }

    /// <summary>
    /// Waits until every step appended so far is on disk: the caller's own steps, and any step whose effect
    /// its answer may show.
    /// </summary>
    /// <returns>A task that completes when they are durable.</returns>
    /// <exception cref="IOException">The journal could not be written; swf-local cannot acknowledge anything more.</exception>
    public async ValueTask WhenDurableAsync()
    {
        long target;
        lock (_state)
        {
            target = _appended;
        }

        while (true)
        {
            Task next;
            lock (_state)
            {
                ThrowIfFailed();
                if (_durable >= target)
                {
                    return;
                }

                next = _flushed.Task;
            }

            // No write running: this request writes everything queued (others' rows too) on its own thread, with no
            // hand-off, so a lone request waits for its fsync only. Otherwise the writer thread is woken: it takes the
            // connection the moment the running write ends and writes what queued meanwhile, whether or not the
            // thread pool has a thread free to run this request's continuation yet.
            if (_writing.TryEnter())
            {
                try
                {
                    FlushLocked();
                }
                finally
                {
                    _writing.Exit();
                }

                continue;
            }

            _wake.Set();
            await next.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits until this store was handed <paramref name="count"/> entries since it was opened (queued, not necessarily
    /// on disk yet), so that <see cref="JournalCompactor"/> takes a snapshot as soon as one is due; one wait at a time
    /// (a new one replaces the last).
    /// </summary>
    /// <param name="count">The number of entries.</param>
    /// <returns>A task that completes then.</returns>
    internal Task WhenAppended(long count)
    {
        lock (_state)
        {
            if (_appended >= count)
            {
                return Task.CompletedTask;
            }

            _appendedWaiter?.TrySetCanceled();
            _appendedWaiter = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _appendedTarget = count;
            return _appendedWaiter.Task;
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> on the store's connection once every step appended so far is on disk,
    /// with no write running meanwhile (<see cref="JournalCompactor"/> writes a snapshot and drops the rows it covers).
    /// </summary>
    /// <typeparam name="T">What the body returns.</typeparam>
    /// <param name="body">The work; it must leave no transaction open.</param>
    /// <returns>What the body returned.</returns>
    /// <exception cref="IOException">The journal could not be written.</exception>
    internal T WithDurableConnection<T>(Func<SqliteConnection, T> body)
    {
        lock (_writing)
        {
            try
            {
                FlushLocked();
                lock (_state)
                {
                    ThrowIfFailed();
                }

                return body(_connection);
            }
            finally
            {
                // A request that found the connection busy meanwhile waits for the next flush instead of writing its rows
                // itself (WhenDurableAsync): this is that flush, or it would wait until some other request came along.
                FlushLocked();
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_state)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
        }

        _wake.Set();
        _writer.Join();
        Flush();
        _wake.Dispose();
        _insert.Dispose();
        _connection.Dispose();
    }

    /// <summary>The writer thread: writes whatever is queued each time a waiting request wakes it (after the running write), until the journal is disposed.</summary>
    private void WriteLoop()
    {
        while (true)
        {
            _wake.WaitOne();
            lock (_state)
            {
                if (_stopping)
                {
                    return;
                }
            }

            Flush();
        }
    }

    /// <summary>Writes every queued row in one transaction (one fsync), then wakes the requests waiting for them.</summary>
    private void Flush()
    {
        lock (_writing)
        {
            FlushLocked();
        }
    }

    private void FlushLocked()
    {
        List<Row> rows;
        long last;
        lock (_state)
        {
            if (_pending.Count == 0 || _failure is not null)
            {
                return;
            }

            rows = _pending;
            _pending = _spare;
            _spare = rows;
            last = _appended;
        }

        TaskCompletionSource done;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using (var transaction = _connection.BeginTransaction())
            {
                _insert.Transaction = transaction;
                foreach (var row in rows)
                {
                    _insert.Parameters["$at"].Value = row.AtTicks;
                    _insert.Parameters["$op"].Value = row.Operation;
                    _insert.Parameters["$request"].Value = row.Request is null ? DBNull.Value : row.Request;
                    _insert.Parameters["$task"].Value = row.TaskSequence;
                    _insert.Parameters["$generated"].Value = row.Generated;
                    _insert.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            Interlocked.Increment(ref _commits);
            if (RequestTimings.Enabled)
            {
                RequestTimings.AddCommit(rows.Count, started);
            }

            _insert.Transaction = null;
            rows.Clear();
            lock (_state)
            {
                _durable = last;
                done = _flushed;
                _flushed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
#pragma warning disable CA1031 // A store that cannot write is fatal to every waiting and later request, which all get the cause.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _insert.Transaction = null;
            lock (_state)
            {
                _failure = ex;
                done = _flushed;
            }
        }

        done.TrySetResult();
    }

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw new IOException($"swf-local's journal could not be written ({_failure.Message}); nothing more can be acknowledged.", _failure);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>One journal row, made when the step is appended.</summary>
    private sealed record Row(long AtTicks, string Operation, string? Request, long TaskSequence, string Generated);
}
