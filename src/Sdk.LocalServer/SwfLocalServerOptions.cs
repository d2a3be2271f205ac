using Swf.LocalServer.Clock;
using Swf.LocalServer.Throttling;

namespace Swf.LocalServer;

/// <summary>Settings of a <see cref="SwfLocalServer"/>.</summary>
public sealed class SwfLocalServerOptions
{
    /// <summary>
    /// Gets or sets how many journal entries of <see cref="DatabasePath"/> may follow its snapshot
    /// before a new snapshot is written and the entries it covers are deleted (as soon as that many follow
    /// it, entries replayed at start-up included, and at a clean shutdown); 0 writes one at every clean shutdown
    /// only. The default is 10,000; swf-local's <c>--snapshot-every N</c>.
    /// </summary>
    /// <remarks>
    /// A snapshot leaves out closed runs past their domain's retention, so they leave the store too, and
    /// start-up loads the snapshot and replays only the entries after it. Snapshot and deletion are one
    /// transaction: a crash at any point loses no acknowledged request.
    /// </remarks>
    public int SnapshotEveryEntries { get; set; } = 10_000;

    /// <summary>Gets or sets the loopback port to listen on; 0 picks a free one (see <see cref="SwfLocalServer.Endpoint"/>).</summary>
    public int Port { get; set; }

    /// <summary>
    /// Gets or sets the SQLite file that keeps the server's state across restarts, created when
    /// missing; null keeps everything in memory.
    /// </summary>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// Gets or sets when the journal of <see cref="DatabasePath"/> forces its writes to the disk: <see cref="JournalSync.Full"/>
    /// (the default) before each answer, <see cref="JournalSync.Normal"/> at SQLite's checkpoints only. Either way a request
    /// is in the journal before it is answered, so killing the process loses nothing.
    /// </summary>
    public JournalSync JournalSync { get; set; } = JournalSync.Full;

    /// <summary>
    /// Gets or sets a value indicating whether journal entries of <see cref="DatabasePath"/> that do
    /// not replay are skipped at start-up (each is reported in <see cref="SwfLocalServer.SkippedJournalEntries"/>
    /// and logged) instead of stopping the start with a message that names the first of them.
    /// </summary>
    /// <remarks>
    /// A skipped entry changes nothing and stays in the file, so every later start skips it again,
    /// the same way; the state is that of the journal without it. Entries after it that depended on it
    /// (a poll that started the task it scheduled, say) may not replay either, and are skipped too.
    /// </remarks>
    public bool SkipBadJournalEntries { get; set; }

    /// <summary>
    /// Gets or sets the clock the engine runs on (timestamps, timeouts, timers, long polls, retention)
    /// with <see cref="LocalClockMode.System"/>; with the other modes, the base clock that signatures are
    /// checked against, long polls wait on and a skipping clock runs at the pace of.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets the engine's clock (<c>--clock</c>): <see cref="LocalClockMode.System"/> (the
    /// default) runs on <see cref="TimeProvider"/>; <see cref="LocalClockMode.Manual"/> and
    /// <see cref="LocalClockMode.Skip"/> run on a clock that <c>POST /_swf-local/clock/advance</c> and
    /// <c>/skip</c> move, which a store (<see cref="DatabasePath"/>) keeps across restarts.
    /// </summary>
    /// <remarks>
    /// Timers, every timeout and retention follow the engine's clock; long polls and request
    /// signatures follow <see cref="TimeProvider"/>, since clients time them on their own clocks.
    /// A manual clock starts at the time it had when the store last recorded it (or at
    /// <see cref="TimeProvider"/>'s time for a new store); a skipping clock keeps how far it is ahead of
    /// <see cref="TimeProvider"/>.
    /// </remarks>
    public LocalClockMode Clock { get; set; } = LocalClockMode.System;

    /// <summary>Gets or sets a value indicating whether requests must carry a valid SigV4 signature made with <see cref="AccessKey"/> and <see cref="SecretKey"/>.</summary>
    public bool RequireAuth { get; set; }

    /// <summary>Gets or sets the only access key accepted when <see cref="RequireAuth"/> is set.</summary>
    public string? AccessKey { get; set; }

    /// <summary>Gets or sets the secret key signatures are checked with when <see cref="RequireAuth"/> is set.</summary>
    public string? SecretKey { get; set; }

    /// <summary>
    /// Gets the host names, besides 127.0.0.1, localhost and [::1], that requests may be addressed to
    /// (their Host header, with any port); empty by default.
    /// </summary>
    /// <remarks>
    /// swf-local refuses a request for any other name with a 403, on every endpoint: a web page on a
    /// domain that resolves to 127.0.0.1 (DNS rebinding) would otherwise be the same origin as
    /// swf-local to the browser. Add a name here only if you reach swf-local by it on purpose (an
    /// /etc/hosts alias, say): any page served under that name can then use swf-local.
    /// </remarks>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>Gets or sets the region of domain ARNs (signatures for any region are accepted).</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Gets or sets the longest a poll waits for a task before answering with none (SWF: 60 seconds).</summary>
    public TimeSpan LongPollTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets a value indicating whether the server logs each request (errors and startup are always logged).</summary>
    public bool LogRequests { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the web console is served; null (the default) serves
    /// it unless <see cref="RequireAuth"/> is set.
    /// </summary>
    /// <remarks>
    /// The console calls the engine through its own unsigned API, so when the server requires
    /// SigV4 it is off unless turned on explicitly: anyone who can reach the loopback port can then
    /// use it.
    /// </remarks>
    public bool? EnableConsole { get; set; }

    /// <summary>
    /// Gets or sets the loopback port the web console listens on; null (the default) serves it on
    /// <see cref="Port"/> beside SWF's protocol, 0 picks a free one (see <see cref="SwfLocalServer.ConsoleEndpoint"/>).
    /// </summary>
    public int? ConsolePort { get; set; }

    /// <summary>
    /// Gets or sets SWF's throttling (<c>--throttle</c>): null (the default) throttles nothing; settings make
    /// swf-local refuse calls over SWF's quotas with <c>ThrottlingException</c>, as SWF does, so that clients'
    /// retries can be tested. <c>new SwfThrottleOptions()</c> has SWF's published numbers.
    /// </summary>
    public SwfThrottleOptions? Throttle { get; set; }

    /// <summary>
    /// Gets or sets the payload decode endpoint (<c>--codec-endpoint</c>) that the web console's execution page asks
    /// for the decoded form of encoded payloads (Swf.Sdk's codecs and claim check); null (the default) shows payloads
    /// as stored. An <c>http</c> or <c>https</c> URL, called only by swf-local's server, never by the browser.
    /// </summary>
    /// <remarks>
    /// The endpoint is the user's own (Swf.Sdk.AspNetCore's <c>MapSwfPayloadDecoder</c>, next to the keys): keys never
    /// reach swf-local, which receives only the decoded payloads of the page it shows. Keep it on loopback. An endpoint
    /// that cannot be reached, or a payload it cannot decode, shows the stored payload with the error.
    /// </remarks>
    public Uri? CodecEndpoint { get; set; }

    /// <summary>Gets whether the console is served, once <see cref="EnableConsole"/>'s default is applied.</summary>
    internal bool ConsoleEnabled => EnableConsole ?? !RequireAuth;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range or missing.</exception>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Port must be between 0 and 65535; it is {Port}.", nameof(Port));
        }

        if (ConsolePort is < 0 or > 65535)
        {
            throw new ArgumentException($"ConsolePort must be between 0 and 65535; it is {ConsolePort}.", nameof(ConsolePort));
        }

        if (ConsolePort is { } consolePort && consolePort != 0 && consolePort == Port)
        {
            throw new ArgumentException($"ConsolePort must differ from Port ({Port}); leave it null to serve the console on Port.", nameof(ConsolePort));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (!Enum.IsDefined(Clock))
        {
            throw new ArgumentException($"Clock must be System, Manual or Skip; it is {Clock}.", nameof(Clock));
        }

        if (LongPollTimeout < TimeSpan.Zero)
        {
            throw new ArgumentException($"LongPollTimeout must not be negative; it is {LongPollTimeout}.", nameof(LongPollTimeout));
        }

        if (string.IsNullOrWhiteSpace(Region))
        {
            throw new ArgumentException("Region must not be empty.", nameof(Region));
        }

        foreach (var host in AllowedHosts)
        {
            if (Routing.HostFilter.Check(host) is { } problem)
            {
                throw new ArgumentException($"AllowedHosts: {problem}.", nameof(AllowedHosts));
            }
        }

        if (Throttle?.Check() is { } throttleProblem)
        {
            throw new ArgumentException($"Throttle: {throttleProblem}.", nameof(Throttle));
        }

        if (DatabasePath is not null && string.IsNullOrWhiteSpace(DatabasePath))
        {
            throw new ArgumentException("DatabasePath must not be empty; leave it null to keep state in memory.", nameof(DatabasePath));
        }

        if (CodecEndpoint is not null && CodecEndpointProblem(CodecEndpoint) is { } codecProblem)
        {
            throw new ArgumentException($"CodecEndpoint {codecProblem}.", nameof(CodecEndpoint));
        }

        if (SnapshotEveryEntries < 0)
        {
            throw new ArgumentException($"SnapshotEveryEntries must not be negative; it is {SnapshotEveryEntries}.", nameof(SnapshotEveryEntries));
        }

        if (RequireAuth && (string.IsNullOrEmpty(AccessKey) || string.IsNullOrEmpty(SecretKey)))
        {
            throw new ArgumentException("RequireAuth needs both AccessKey and SecretKey.", nameof(RequireAuth));
        }
    }

    /// <summary>Says what is wrong with a codec endpoint URL, or null when it is an absolute http(s) URL.</summary>
    internal static string? CodecEndpointProblem(Uri endpoint) =>
        !endpoint.IsAbsoluteUri ? $"must be an absolute http or https URL, such as http://127.0.0.1:5181/decode; it is '{endpoint}'"
        : endpoint.Scheme is not ("http" or "https") ? $"must be an http or https URL; '{endpoint}' is {endpoint.Scheme}"
        : null;
}
