using System.Diagnostics;

namespace Swf.LocalServer.Protocol;

/// <summary>
/// Where swf-local's request path spends its time, summed over requests: off unless the environment variable
/// <c>SWF_LOCAL_TIMINGS</c> is <c>1</c> when the process starts (the benchmarks' <c>--e2e</c> probe turns it on),
/// so that the request path pays one branch for it otherwise.
/// </summary>
/// <remarks>
/// They give the breakdown of docs/benchmarks.md per stage (a profiler such as dotnet-trace gives it per method, but
/// not per request). Long polls are counted apart from the other requests: the time a
/// poll waits for a task is idle time, not cost.
/// </remarks>
internal static class RequestTimings
{
    /// <summary>Gets a value indicating whether the counters run.</summary>
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("SWF_LOCAL_TIMINGS") == "1";

    // Ticks summed per slot: the stages in order, then the engine's time in polls, then the handler's whole time.
    private const int PollEngine = 5;
    private const int Total = 6;
    private static readonly long[] Ticks = new long[7];
    private static long _requests;
    private static long _polls;
    private static long _journalWaits;
    private static long _commits;
    private static long _committedRows;
    private static long _commitTicks;

    /// <summary>The stages of a request.</summary>
    public enum Stage
    {
        /// <summary>Reading the body (and the SigV4 check, when on).</summary>
        Read,

        /// <summary>Deserializing the request.</summary>
        Parse,

        /// <summary>The engine call (for a poll, the wait for a task included).</summary>
        Engine,

        /// <summary>Waiting until the request's journal rows are on disk.</summary>
        Journal,

        /// <summary>Serializing and writing the answer.</summary>
        Write,
    }

    /// <summary>Adds the time since <paramref name="since"/> to a stage and returns the current timestamp.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="since">A timestamp from <see cref="Stopwatch.GetTimestamp"/>.</param>
    /// <param name="poll">Whether the request is a long poll.</param>
    /// <returns>The timestamp the stage ended at.</returns>
    public static long Add(Stage stage, long since, bool poll)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref Ticks[stage == Stage.Engine && poll ? PollEngine : (int)stage], now - since);
        if (stage == Stage.Journal)
        {
            Interlocked.Increment(ref _journalWaits);
        }

        return now;
    }

    /// <summary>Counts one journal transaction: how many rows it wrote and how long it took, fsync included.</summary>
    /// <param name="rows">The rows written.</param>
    /// <param name="started">The timestamp the transaction started at.</param>
    public static void AddCommit(int rows, long started)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _committedRows, rows);
        Interlocked.Add(ref _commitTicks, Stopwatch.GetTimestamp() - started);
    }

    /// <summary>Counts a finished request and its whole time in the handler.</summary>
    /// <param name="started">The timestamp the request started at.</param>
    /// <param name="poll">Whether the request is a long poll.</param>
    public static void Finish(long started, bool poll)
    {
        Interlocked.Increment(ref poll ? ref _polls : ref _requests);
        if (!poll)
        {
            Interlocked.Add(ref Ticks[Total], Stopwatch.GetTimestamp() - started);
        }
    }

    /// <summary>Returns the counters and sets them to zero.</summary>
    /// <returns>Requests (not polls), polls, journal waits, journal transactions, and the milliseconds summed per stage.</returns>
    public static Snapshot TakeSnapshot()
    {
        static double Ms(int slot) => Interlocked.Exchange(ref Ticks[slot], 0) * 1000.0 / Stopwatch.Frequency;
        return new Snapshot(
            Interlocked.Exchange(ref _requests, 0),
            Interlocked.Exchange(ref _polls, 0),
            Interlocked.Exchange(ref _journalWaits, 0),
            Interlocked.Exchange(ref _commits, 0),
            Interlocked.Exchange(ref _committedRows, 0),
            Interlocked.Exchange(ref _commitTicks, 0) * 1000.0 / Stopwatch.Frequency,
            Ms((int)Stage.Read),
            Ms((int)Stage.Parse),
            Ms((int)Stage.Engine),
            Ms(PollEngine),
            Ms((int)Stage.Journal),
            Ms((int)Stage.Write),
            Ms(Total));
    }

    /// <summary>The counters at one moment.</summary>
    /// <param name="Requests">Requests other than long polls.</param>
    /// <param name="Polls">Long polls.</param>
    /// <param name="JournalWaits">Requests, polls included, that waited for the journal.</param>
    /// <param name="Commits">Journal transactions (one fsync each).</param>
    /// <param name="CommittedRows">Rows those transactions wrote.</param>
    /// <param name="CommitMs">Time in those transactions, fsync included.</param>
    /// <param name="ReadMs">Reading bodies.</param>
    /// <param name="ParseMs">Deserializing.</param>
    /// <param name="EngineMs">Engine calls other than polls.</param>
    /// <param name="PollEngineMs">Polls in the engine, waiting included.</param>
    /// <param name="JournalMs">Waiting for the journal.</param>
    /// <param name="WriteMs">Serializing and writing answers.</param>
    /// <param name="TotalMs">Requests other than long polls, in the handler from start to end.</param>
    internal readonly record struct Snapshot(long Requests, long Polls, long JournalWaits, long Commits, long CommittedRows, double CommitMs, double ReadMs, double ParseMs, double EngineMs, double PollEngineMs, double JournalMs, double WriteMs, double TotalMs);
}
