using Microsoft.Data.Sqlite;

namespace Swf.LocalServer.Tests;

/// <summary>Writes journal rows into a store by hand, as a damaged store or an older swf-local would hold them.</summary>
internal static class StoreRows
{
    /// <summary>Appends a row after the last one, at the last row's instant (the snapshot's when a snapshot left no rows); returns its id.</summary>
    public static long Append(string database, string operation, string? request, long taskSequence = 0, string generated = "")
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO journal (at_ticks, operation, request, task_sequence, generated)
            VALUES (COALESCE((SELECT max(at_ticks) FROM journal), (SELECT taken_ticks FROM snapshot WHERE id = 1)), $op, $request, $task, $generated);
            SELECT last_insert_rowid();
            """;
        insert.Parameters.AddWithValue("$op", operation);
        insert.Parameters.AddWithValue("$request", (object?)request ?? DBNull.Value);
        insert.Parameters.AddWithValue("$task", taskSequence);
        insert.Parameters.AddWithValue("$generated", generated);
        return (long)insert.ExecuteScalar()!;
    }

    /// <summary>Reads the instant of a row, as swf-local names it in messages (ISO 8601, round trip).</summary>
    public static string InstantOf(string database, long id)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT at_ticks FROM journal WHERE id = $id";
        select.Parameters.AddWithValue("$id", id);
        return new DateTimeOffset((long)select.ExecuteScalar()!, TimeSpan.Zero).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
    }
}
