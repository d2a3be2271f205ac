using Microsoft.Data.Sqlite;
using Swf.LocalEngine.Journal;
using Swf.LocalServer.Store;
using Swf.Model;

namespace Swf.LocalServer.Tests;

/// <summary>
/// The journal's group commit: requests answered only once their rows are on disk, many requests' rows in one
/// transaction, and a lone request written at once (no batch window to wait for).
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("swf-local-group-").FullName;

    private string Database => Path.Combine(_directory, "swf.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task WhenDurableAsync_ManyDeferredAppends_OneTransactionWritesThemAllBeforeAnyWaiterReturns()
    {
        using var journal = SqliteJournal.Open(Database);
        const int count = 50;
        await Task.Run(() =>
        {
            SqliteJournal.DeferDurability = true;
            for (var i = 0; i < count; i++)
            {
                journal.Append(Entry("d" + i));
            }
        });

        Assert.Equal(0, CountRows());
        var waiters = Enumerable.Range(0, count).Select(_ => Task.Run(async () =>
        {
            await journal.WhenDurableAsync();
            return CountRows();
        })).ToArray();
        var seen = await Task.WhenAll(waiters);

        // Every waiter saw every row committed (read through a second connection, as a restart would) when it returned.
        Assert.All(seen, rows => Assert.Equal(count, rows));
        Assert.Equal(1, journal.Commits);
    }

    [Fact]
    public async Task WithDurableConnection_RequestWaitingMeanwhile_ItsRowIsWrittenWhenTheBodyEnds()
    {
        // A snapshot holds the connection while a request's row is queued: that request waits for the next flush, which
        // must come when the snapshot is done, not whenever another request happens to arrive.
        using var journal = SqliteJournal.Open(Database);
        Task waiting = Task.CompletedTask;
        var commits = journal.WithDurableConnection(_ =>
        {
            // A thread of its own (a task could run inline here, on the thread that holds the connection); it ends once
            // WhenDurableAsync found the connection busy and began to wait (its first await).
            var request = new Thread(() =>
            {
                SqliteJournal.DeferDurability = true;
                journal.Append(Entry("meanwhile"));
                waiting = journal.WhenDurableAsync().AsTask();
            });
            request.Start();
            request.Join();
            Assert.False(waiting.IsCompleted);
            return journal.Commits;
        });

        Assert.Equal(commits + 1, journal.Commits);
        Assert.Equal(1, CountRows());
        await waiting;
    }

    [Fact]
    public async Task WhenDurableAsync_LoneDeferredAppend_WrittenBeforeItReturnsWithoutWaiting()
    {
        using var journal = SqliteJournal.Open(Database);
        var durable = await Task.Run(() =>
        {
            SqliteJournal.DeferDurability = true;
            journal.Append(Entry("lone"));
            return journal.WhenDurableAsync();
        });

        // The caller writes the row itself: the wait is already over when the call returns, no timer and no hand-off to the writer thread.
        Assert.True(durable.IsCompletedSuccessfully);
        await durable;
        Assert.Equal(1, CountRows());
        Assert.Equal(1, journal.Commits);
    }

    [Fact]
    public async Task WhenDurableAsync_AppendedWhileTheConnectionIsBusy_WrittenWhenItIsFreeWithNoOtherCaller()
    {
        using var journal = SqliteJournal.Open(Database);
        using var busy = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();

        // The compactor's way in: it holds the connection (as while it writes a snapshot) until released.
        var holder = Task.Run(() => journal.WithDurableConnection(_ =>
        {
            busy.Set();
            release.Wait();
            return 0;
        }));
        busy.Wait();
        var durable = await Task.Run(() =>
        {
            SqliteJournal.DeferDurability = true;
            journal.Append(Entry("during"));
            return journal.WhenDurableAsync();
        });
        Assert.False(durable.IsCompleted);

        // Nobody else calls in: the journal's writer thread must take the row the moment the connection is free.
        // (Before the writer thread this wait never ended; the bound turns such a hang into a failure.)
        release.Set();
        await holder;
        await durable.AsTask().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(1, CountRows());
    }

    [Theory]
    [InlineData(JournalSync.Full, 2L)]
    [InlineData(JournalSync.Normal, 1L)]
    public void Open_JournalSync_SetsSqlitesSynchronousLevel(JournalSync sync, long level)
    {
        using var journal = SqliteJournal.Open(Database, sync);

        // SQLite's own reading of its setting: 2 is FULL (fsync at every commit), 1 is NORMAL (at checkpoints, in WAL mode).
        var actual = journal.WithDurableConnection(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            return (long)command.ExecuteScalar()!;
        });

        Assert.Equal(level, actual);
    }

    [Fact]
    public async Task Append_NotDeferred_WrittenBeforeItReturns()
    {
        using var journal = SqliteJournal.Open(Database);
        await Task.Run(() =>
        {
            SqliteJournal.DeferDurability = false;
            journal.Append(Entry("direct"));
        });

        Assert.Equal(1, CountRows());
    }

    [Fact]
    public async Task Server_ConcurrentRequests_EachAnsweredOnlyAfterItsRowIsCommitted()
    {
        const int count = 40;
        await using var server = await Servers.StartAsync(o => o.DatabasePath = Database);
        using var swf = Servers.Client(server);
        var missing = new List<string>();
        var calls = Enumerable.Range(0, count).Select(async i =>
        {
            var name = "concurrent-" + i;
            await swf.RegisterDomainAsync(new RegisterDomainRequest { Name = name, WorkflowExecutionRetentionPeriodInDays = "1" });

            // Looked for the moment the answer arrived, through another connection: the row must already be committed.
            if (!HasDomainRow(name))
            {
                lock (missing)
                {
                    missing.Add(name);
                }
            }
        }).ToArray();
        await Task.WhenAll(calls);

        Assert.Empty(missing);
    }

    private static JournalEntry Entry(string domain) =>
        new(DateTimeOffset.UnixEpoch, new RegisterDomainRequest { Name = domain, WorkflowExecutionRetentionPeriodInDays = "1" }, 0, []);

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private long CountRows()
    {
        using var connection = OpenReader();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT count(*) FROM journal";
        return (long)select.ExecuteScalar()!;
    }

    private bool HasDomainRow(string name)
    {
        using var connection = OpenReader();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT count(*) FROM journal WHERE operation = 'RegisterDomain' AND request LIKE $pattern";
        select.Parameters.AddWithValue("$pattern", "%\"" + name + "\"%");
        return (long)select.ExecuteScalar()! == 1;
    }
}
