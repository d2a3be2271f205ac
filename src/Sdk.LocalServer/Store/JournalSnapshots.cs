using Microsoft.Data.Sqlite;
using Swf.LocalEngine;
using Swf.LocalEngine.Journal;

namespace Swf.LocalServer.Store;

/// <summary>
/// The snapshot table of swf-local's store: at most one engine snapshot (<see cref="EngineSnapshot"/>),
/// with the journal position it covers. Writing one and deleting the journal rows it covers happen in
/// one transaction, so that a crash at any point leaves either the old snapshot and every row after it,
/// or the new snapshot and every row after it: never a row applied twice or a step lost.
/// </summary>
internal static class JournalSnapshots
{
    /// <summary>Creates the table when missing.</summary>
    /// <param name="connection">The store's connection.</param>
    public static void Ensure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS snapshot (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                journal_position INTEGER NOT NULL,
                covered_row INTEGER NOT NULL,
                taken_ticks INTEGER NOT NULL,
                data BLOB NOT NULL)
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>Reads the snapshot, or null when the store has none.</summary>
    /// <param name="connection">The store's connection.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="InvalidDataException">The snapshot is damaged, or disagrees with the position it was stored with.</exception>
    public static EngineSnapshot? Read(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT journal_position, data FROM snapshot WHERE id = 1";
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var position = reader.GetInt64(0);
        using var data = reader.GetStream(1);
        var snapshot = EngineSnapshot.ReadFrom(data);
        return snapshot.JournalPosition == position
            ? snapshot
            : throw new InvalidDataException($"The store's snapshot covers journal position {snapshot.JournalPosition}, but was stored as covering {position}.");
    }

    /// <summary>Gets the id of the last journal row, or 0 when the journal is empty.</summary>
    /// <param name="connection">The store's connection.</param>
    /// <returns>The row id.</returns>
    public static long LastRowId(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(id), 0) FROM journal";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Gets the number of journal rows.</summary>
    /// <param name="connection">The store's connection.</param>
    /// <returns>The count.</returns>
    public static long RowCount(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM journal";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Gets the id of the <paramref name="count"/>-th journal row after row <paramref name="afterRow"/>.</summary>
    /// <param name="connection">The store's connection.</param>
    /// <param name="afterRow">The row to count from (not counted).</param>
    /// <param name="count">How many rows on (at least 1).</param>
    /// <returns>The row id.</returns>
    /// <exception cref="InvalidOperationException">There are fewer rows than that: the snapshot would cover steps the store does not hold.</exception>
    public static long RowAfter(SqliteConnection connection, long afterRow, long count)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM journal WHERE id > $after ORDER BY id LIMIT 1 OFFSET $skip";
        command.Parameters.AddWithValue("$after", afterRow);
        command.Parameters.AddWithValue("$skip", count - 1);
        return command.ExecuteScalar() is long id
            ? id
            : throw new InvalidOperationException($"swf-local bug: a snapshot covers {count} journal rows after row {afterRow}, which the store does not hold.");
    }

    /// <summary>
    /// In one transaction: stores <paramref name="data"/> as the snapshot (replacing any other), deletes
    /// the journal rows up to <paramref name="coveredRow"/>, and marks the store as one with a snapshot.
    /// </summary>
    /// <param name="connection">The store's connection.</param>
    /// <param name="snapshot">The snapshot (its position and time).</param>
    /// <param name="data">The snapshot's bytes (<see cref="EngineSnapshot.WriteTo"/>).</param>
    /// <param name="coveredRow">The last journal row the snapshot covers.</param>
    public static void Write(SqliteConnection connection, EngineSnapshot snapshot, byte[] data, long coveredRow)
    {
        using var transaction = connection.BeginTransaction();
        using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO snapshot (id, journal_position, covered_row, taken_ticks, data) VALUES (1, $position, $row, $taken, $data)
                ON CONFLICT(id) DO UPDATE SET journal_position = excluded.journal_position, covered_row = excluded.covered_row,
                    taken_ticks = excluded.taken_ticks, data = excluded.data;
                DELETE FROM journal WHERE id <= $row;
                UPDATE meta SET value = '2' WHERE key = 'format';
                """;
            upsert.Parameters.AddWithValue("$position", snapshot.JournalPosition);
            upsert.Parameters.AddWithValue("$row", coveredRow);
            upsert.Parameters.AddWithValue("$taken", snapshot.TakenAt.UtcTicks);
            upsert.Parameters.AddWithValue("$data", data);
            upsert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
