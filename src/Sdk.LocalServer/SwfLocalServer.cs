using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Swf.LocalEngine;
using Swf.LocalServer.Auth;
using Swf.LocalServer.Clock;
using Swf.LocalServer.Protocol;
using Swf.LocalServer.Routing;
using Swf.LocalServer.Store;
using Swf.LocalServer.Throttling;
using Swf.LocalServer.WebConsole;

namespace Swf.LocalServer;

/// <summary>
/// swf-local: a <see cref="LocalSwfEngine"/> served over SWF's real HTTP protocol on a loopback
/// port, so that the AWS CLI, the AWS SDKs and <c>SwfHttpClient</c> can use it, optionally with
/// SigV4 checks and a durable SQLite store.
/// </summary>
/// <remarks>
/// The store is a write-ahead journal (bounded by snapshots, see below): the engine reports every state-changing
/// step (an accepted request, a poll that started a task, a clock tick that fired timers or
/// timeouts, with the instant it ran at and the random values it drew) under its lock, and the
/// store writes and fsyncs it before the caller is answered. On start the journal is replayed into
/// a new engine on a clock that reads each entry's time, which rebuilds every domain, type,
/// execution, history, task, token and timer exactly; then timers and timeouts that fell due while
/// the server was down fire, each as of its own due time. There is no save step to miss, so even
/// <c>kill -9</c> loses nothing that was acknowledged. Every
/// <see cref="SwfLocalServerOptions.SnapshotEveryEntries"/> entries (as soon as they follow the last snapshot, and at a clean shutdown) an engine
/// snapshot replaces the journal rows it covers, in one transaction; start-up loads it and replays only
/// the rows after it.
/// </remarks>
public sealed partial class SwfLocalServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SqliteJournal? _journal;
    private readonly ClockController _clock;
    private readonly JournalCompactor? _compactor;

    private SwfLocalServer(WebApplication app, LocalSwfEngine engine, SqliteJournal? journal, JournalCompactor? compactor, ClockController clock, Uri endpoint, Uri? consoleEndpoint, IReadOnlyList<string> skipped)
    {
        _app = app;
        _clock = clock;
        _compactor = compactor;
        Engine = engine;
        _journal = journal;
        Endpoint = endpoint;
        ConsoleEndpoint = consoleEndpoint;
        SkippedJournalEntries = skipped;
    }

    /// <summary>Gets the server's address, such as <c>http://127.0.0.1:5055/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>
    /// Gets the web console's address: <see cref="Endpoint"/>, or its own port when
    /// <see cref="SwfLocalServerOptions.ConsolePort"/> is set; null when the console is off.
    /// </summary>
    public Uri? ConsoleEndpoint { get; }

    /// <summary>Gets the engine the server serves; calls made on it directly are journaled too.</summary>
    public LocalSwfEngine Engine { get; }

    /// <summary>
    /// Gets what start-up skipped with <see cref="SwfLocalServerOptions.SkipBadJournalEntries"/>: one
    /// line per journal entry that did not replay, naming its row id, operation and instant and why.
    /// </summary>
    public IReadOnlyList<string> SkippedJournalEntries { get; }

    /// <summary>Starts a server: opens and replays the store when one is configured, then listens.</summary>
    /// <param name="options">The server's settings.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidDataException">
    /// The store is not a swf-local store, or an entry of its journal does not replay (and
    /// <see cref="SwfLocalServerOptions.SkipBadJournalEntries"/> is not set): the message names the
    /// entry by its row id, operation and instant.
    /// </exception>
    public static async Task<SwfLocalServer> StartAsync(SwfLocalServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = options.TimeProvider;
        var engineOptions = new LocalSwfEngineOptions { TimeProvider = clock, Region = options.Region, LongPollTimeout = options.LongPollTimeout, ShareHistoryEvents = true };
        LocalSwfEngine? engine = null;
        SqliteJournal? journal = null;
        WebApplication? app = null;
        ClockController? controller = null;
        JournalCompactor? compactor = null;
        var skipped = new List<string>();
        Action<Exception>? failedCompaction = null;
        try
        {
            if (options.DatabasePath is not null)
            {
                journal = SqliteJournal.Open(options.DatabasePath, options.JournalSync);
            }

            var steerable = options.Clock == LocalClockMode.System ? null : SteerableClockFor(options, journal);
            if (steerable is not null)
            {
                // A client times its long poll on its own clock, so a poll must end in real time even when the engine's clock stands still.
                engineOptions.TimeProvider = steerable;
                engineOptions.LongPollTimeProvider = clock;
            }

            if (journal is not null)
            {
                // The store is the engine's journal: replaying it rebuilds the engine, which then journals every later step to it.
                engineOptions.Journal = journal;
                (engine, var snapshotPosition, var restoredPosition, var restoredRow) = Restore(options, engineOptions, journal, skipped);
                compactor = new JournalCompactor(engine, journal, snapshotPosition, restoredPosition, restoredRow, options.SnapshotEveryEntries, enabled: skipped.Count == 0, onError: ex => failedCompaction?.Invoke(ex));
            }
            else
            {
                engine = new LocalSwfEngine(engineOptions);
            }

            controller = new ClockController(options.Clock, engine, steerable, journal, engineOptions.TimeProvider);

            // swf-local is configured by its options only, never by ASP.NET Core's ambient sources: an appsettings.json
            // in whatever directory it was started from, or a Kestrel__Endpoints__* variable, would open more listeners
            // (on any address) and change its logging. The content root is its own directory, not the current one.
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.Sources.Clear();
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Swf.LocalServer", options.LogRequests ? LogLevel.Information : LogLevel.Warning);
            ListenOptions? swfListener = null;
            ListenOptions? consoleListener = null;
            var separateConsole = options.ConsoleEnabled && options.ConsolePort is not null;
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, options.Port, listen => swfListener = listen);
                if (separateConsole)
                {
                    kestrel.Listen(IPAddress.Loopback, options.ConsolePort!.Value, listen => consoleListener = listen);
                }

                kestrel.Limits.MaxRequestBodySize = SwfRequestHandler.MaxBodyBytes;
            });
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, LocalPortMatcherPolicy>());
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ExactPathMatcherPolicy>());
            if (options.ConsoleEnabled && options.CodecEndpoint is { } codecEndpoint)
            {
                // Made by the container, so that it is disposed with the app.
                builder.Services.AddSingleton(_ => new CodecEndpointClient(codecEndpoint));
            }

            app = builder.Build();
            var verifier = options.RequireAuth ? new SigV4Verifier(options.AccessKey!, options.SecretKey!, clock) : null;
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Swf.LocalServer");
            foreach (var line in skipped)
            {
                LogSkipped(logger, line);
            }

            failedCompaction = ex => LogCompactionFailed(logger, ex);

            // Buckets refill by the engine's clock, so that moving a manual or skipping clock refills them too.
            var throttle = options.Throttle is null ? null : new RequestThrottle(options.Throttle, engineOptions.TimeProvider);
            var handler = new SwfRequestHandler(engine, verifier, logger, options.LogRequests, journal, throttle);
            var console = options.ConsoleEnabled ? new ConsoleEndpoints(engine, engineOptions.TimeProvider, app.Services.GetService<CodecEndpointClient>()) : null;
            app.Use(new HostFilter(options.AllowedHosts).InvokeAsync);
            LocalServerEndpoints.Map(app, handler, new ClockEndpoints(controller), console, separateConsole ? (() => BoundPort(swfListener!), () => BoundPort(consoleListener!)) : null);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            controller.Start();
            compactor?.Start();

            var port = BoundPort(swfListener!);
            var consolePort = consoleListener is null ? port : BoundPort(consoleListener);
            var endpoint = new Uri($"http://127.0.0.1:{port}/");
            var consoleEndpoint = console is null ? null : new Uri($"http://127.0.0.1:{consolePort}/");
            return new SwfLocalServer(app, engine, journal, compactor, controller, endpoint, consoleEndpoint, skipped);
        }
        catch
        {
            if (controller is not null)
            {
                await controller.DisposeAsync().ConfigureAwait(false);
            }

            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            engine?.Dispose();
            journal?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Takes a snapshot into the store now and drops the journal rows it covers (what the server does
    /// every <see cref="SwfLocalServerOptions.SnapshotEveryEntries"/> entries and at shutdown).
    /// </summary>
    /// <returns>Whether a snapshot was written: false without a store, when nothing was journaled since the last one, or after skipped entries.</returns>
    internal bool CompactJournal() => _compactor?.Compact() ?? false;

    /// <summary>Waits until the server stops (see <see cref="DisposeAsync"/>) or <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <returns>A task that completes when the server stops.</returns>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>
    /// Stops listening and closes the engine and the store. Nothing needs saving (the store is always
    /// current), but with a store a last snapshot is taken when one is due, so that the next start replays little.
    /// </summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        // The clock stops skipping first; ending the engine then wakes waiting long polls, so that the server stops at once.
        await _clock.DisposeAsync().ConfigureAwait(false);
        if (_compactor is not null)
        {
            await _compactor.DisposeAsync().ConfigureAwait(false);
        }

        Engine.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _journal?.Dispose();
    }

    /// <summary>
    /// Creates the clock of the manual and skipping modes, where the store left it: a manual clock at
    /// the instant it last recorded, a skipping clock as far ahead of the base clock as it was; never
    /// before the journal's last entry. A new store starts at the base clock's time.
    /// </summary>
    private static SteerableClock SteerableClockFor(SwfLocalServerOptions options, SqliteJournal? journal)
    {
        var baseNow = options.TimeProvider.GetUtcNow();
        var start = journal?.ReadClock() is var (instant, recordedBase)
            ? options.Clock == LocalClockMode.Manual ? instant : baseNow + (instant - recordedBase)
            : baseNow;
        if (journal?.LastEntryAt() is { } last && last > start)
        {
            start = last;
        }

        return new SteerableClock(options.TimeProvider, running: options.Clock == LocalClockMode.Skip, start);
    }

    /// <summary>Reads a listener's port: Kestrel writes the bound endpoint (with the port it picked for 0) back into it.</summary>
    private static int BoundPort(ListenOptions listener) => ((IPEndPoint)listener.EndPoint).Port;

    /// <summary>
    /// Replays the store into a new engine. An entry that cannot be read or does not replay stops the
    /// start with a message naming its row, operation and instant, and the way on; with
    /// <see cref="SwfLocalServerOptions.SkipBadJournalEntries"/> it is skipped and listed in <paramref name="skipped"/>.
    /// </summary>
    private static (LocalSwfEngine Engine, long SnapshotPosition, long Position, long LastRow) Restore(SwfLocalServerOptions options, LocalSwfEngineOptions engineOptions, SqliteJournal journal, List<string> skipped)
    {
        var store = Path.GetFullPath(options.DatabasePath!);
        string? failure = null;
        bool Decide(string described)
        {
            if (options.SkipBadJournalEntries)
            {
                skipped.Add(described);
                return true;
            }

            failure = described;
            return false;
        }

        var (snapshot, lastRow) = journal.WithDurableConnection(connection =>
        {
            JournalSnapshots.Ensure(connection);
            return (JournalSnapshots.Read(connection), JournalSnapshots.LastRowId(connection));
        });
        long replayed = 0;
        try
        {
            var entries = journal.ReadAll(unreadable => Decide(unreadable.Message)).Select(e =>
            {
                replayed++;
                return e;
            });
            var engine = LocalSwfEngine.Restore(engineOptions, snapshot, entries, bad =>
            {
                var id = journal.IdOf(bad.Entry)?.ToString(CultureInfo.InvariantCulture) ?? "?";
                return Decide($"journal entry {id} ({bad.Operation} at {bad.Entry.At:O}) does not replay: {bad.Error.Message}");
            });

            // The engine numbered the snapshot's entries and each replayed one; what it appends from here follows row lastRow.
            return (engine, snapshot?.JournalPosition ?? 0, (snapshot?.JournalPosition ?? 0) + replayed, lastRow);
        }
        catch (InvalidDataException ex) when (failure is not null)
        {
            throw new InvalidDataException(
                $"{store}: {failure.TrimEnd('.')}. Start swf-local with --skip-bad-journal-entries (SwfLocalServerOptions.SkipBadJournalEntries) to skip the entries that do not replay; they stay in the file, and the state is that of the journal without them.",
                ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Entry}")]
    private static partial void LogSkipped(ILogger logger, string entry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A journal snapshot failed; the journal still holds every step, and the next snapshot tries again")]
    private static partial void LogCompactionFailed(ILogger logger, Exception exception);
}
