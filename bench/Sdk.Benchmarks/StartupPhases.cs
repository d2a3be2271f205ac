using System.Diagnostics;
using System.Globalization;
using Swf.LocalEngine;
using Swf.LocalServer;
using Swf.LocalServer.Store;

namespace Swf.Benchmarks;

/// <summary>
/// <c>--startup-phases</c>: where swf-local's start-up on a store of n completed workflows goes, phase by phase
/// (the profile behind the start-up numbers of docs/benchmarks.md): reading and replaying the whole journal into
/// an engine; a server start on it (whose clean shutdown writes the snapshot); reading the snapshot from the store
/// (SQLite blob, gunzip, JSON); loading it into an engine; and a server start from it.
/// </summary>
public static class StartupPhases
{
    /// <summary>Fills a store per count (as <see cref="StartupProfile"/> does), then times each phase once.</summary>
    /// <param name="args">Workflow counts (10,000 and 30,000 by default).</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        var counts = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [10_000, 30_000];
        Console.WriteLine("| Completed workflows | Journal: read + replay | Journal: server start | Snapshot: bytes | Snapshot: read | Snapshot: load | Snapshot: server start |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var count in counts)
        {
            var directory = Directory.CreateTempSubdirectory("swf-local-phases-").FullName;
            try
            {
                var database = Path.Combine(directory, "swf.db");
                await StartupProfile.FillAsync(database, count);

                TimeSpan replay;
                using (var journal = SqliteJournal.Open(database))
                {
                    var watch = Stopwatch.StartNew();
                    using (LocalSwfEngine.Restore(new LocalSwfEngineOptions(), journal.ReadAll()))
                    {
                        replay = watch.Elapsed;
                    }
                }

                var journalStart = await TimeServerStartAsync(database);
                StartupProfile.CheckCompacted(database);

                TimeSpan read, load;
                long bytes;
                using (var journal = SqliteJournal.Open(database))
                {
                    var watch = Stopwatch.StartNew();
                    var snapshot = journal.WithDurableConnection(JournalSnapshots.Read) ?? throw new InvalidOperationException("No snapshot was written at shutdown.");
                    read = watch.Elapsed;
                    watch.Restart();
                    using (LocalSwfEngine.Restore(new LocalSwfEngineOptions(), snapshot, []))
                    {
                        load = watch.Elapsed;
                    }

                    bytes = journal.WithDurableConnection(connection =>
                    {
                        using var command = connection.CreateCommand();
                        command.CommandText = "SELECT length(data) FROM snapshot";
                        return (long)command.ExecuteScalar()!;
                    });
                }

                var snapshotStart = await TimeServerStartAsync(database);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {count:N0} | {replay.TotalSeconds:0.000} s | {journalStart.TotalSeconds:0.000} s | {bytes / 1048576.0:0.0} MB | {read.TotalSeconds:0.000} s | {load.TotalSeconds:0.000} s | {snapshotStart.TotalSeconds:0.000} s |"));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        return 0;
    }

    private static async Task<TimeSpan> TimeServerStartAsync(string database)
    {
        var watch = Stopwatch.StartNew();
        var server = await SwfLocalServer.StartAsync(new SwfLocalServerOptions { Port = 0, DatabasePath = database, SnapshotEveryEntries = 0, EnableConsole = false });
        var elapsed = watch.Elapsed;
        await server.DisposeAsync();
        return elapsed;
    }
}
