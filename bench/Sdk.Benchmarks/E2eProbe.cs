using System.Diagnostics;
using System.Globalization;
using Swf.Client;
using Swf.LocalEngine;
using Swf.LocalServer;

namespace Swf.Benchmarks;

/// <summary>
/// <c>--e2e</c>: the end-to-end batches outside BenchmarkDotNet, for A/B runs in the same minute on a shared machine,
/// with where the time goes: process CPU per workflow, the client's round trip per request, and swf-local's own
/// stages (its <c>SWF_LOCAL_TIMINGS</c> counters, which this turns on).
/// </summary>
/// <remarks>
/// Usage: <c>--e2e [engine] [memory] [journal] [normal] [--workflows N] [--pollers P] [--seconds S] [--rounds R] [--retain N]</c>; without
/// targets all three run, one after the other, R rounds (so that a change in the machine's load shows as a change
/// between rounds, not as a difference between targets).
/// </remarks>
public static class E2eProbe
{
    /// <summary>Runs the probe.</summary>
    /// <param name="args">The arguments after <c>--e2e</c>.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        var workflows = 20;
        var pollers = 2;
        var seconds = 5.0;
        var rounds = 1;
        var retain = 0;
        var targets = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--workflows": workflows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--pollers": pollers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--retain": retain = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: targets.Add(args[i]); break;
            }
        }

        if (targets.Count == 0)
        {
            targets.AddRange(["engine", "memory", "journal"]);
        }

        Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}; {workflows} workflows a batch, {pollers} pollers per list, {retain} closed runs retained");
        for (var round = 0; round < rounds; round++)
        {
            foreach (var target in targets)
            {
                await RunOneAsync(target, workflows, pollers, retain, TimeSpan.FromSeconds(seconds));
            }
        }

        return 0;
    }

    private static async Task RunOneAsync(string target, int workflows, int pollers, int retain, TimeSpan duration)
    {
        var directory = Path.Combine(Path.GetTempPath(), "swf-probe-" + Guid.NewGuid().ToString("N"));
        LocalSwfEngine? engine = null;
        SwfLocalServer? server = null;
        SwfHttpClient? client = null;
        var timing = new TimingHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        ISwfClient service;
        if (target == "engine")
        {
            engine = new LocalSwfEngine();
            service = engine;
        }
        else
        {
            Directory.CreateDirectory(directory);
            server = await SwfLocalServer.StartAsync(new SwfLocalServerOptions
            {
                Port = 0,
                DatabasePath = target is "journal" or "normal" ? Path.Combine(directory, "swf.db") : null,
                JournalSync = target == "normal" ? JournalSync.Normal : JournalSync.Full,
            });
            client = new SwfHttpClient(WorkflowFleet.WireClientOptions(new Uri(server.Endpoint.ToString())), new HttpClient(timing), ownsHttpClient: true);
            service = client;
        }

        var fleet = await WorkflowFleet.StartAsync(service, pollers);
        try
        {
            // Closed runs kept in the domain, made through the engine itself (filling it is not what is measured).
            await WorkflowFleet.RetainAsync(engine ?? server!.Engine, retain);
            await fleet.RunBatchAsync(workflows);
            await fleet.RunBatchAsync(workflows);
            timing.Reset();
            _ = Swf.LocalServer.Protocol.RequestTimings.TakeSnapshot();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var gcs = GC.CollectionCount(0);
            var gen2 = GC.CollectionCount(2);
            var clock = Stopwatch.StartNew();
            var done = 0;
            while (clock.Elapsed < duration)
            {
                await fleet.RunBatchAsync(workflows);
                done += workflows;
            }

            var wall = clock.Elapsed.TotalSeconds;
            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            var server2 = Swf.LocalServer.Protocol.RequestTimings.TakeSnapshot();
            var (calls, callMs, polls) = timing.Take();
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"{target,-8} {done / wall,8:0.0} wf/s  {1000 * wall / done,7:0.000} ms/wf  cpu {cpuMs / done,6:0.000} ms/wf  gen0 {GC.CollectionCount(0) - gcs,4} gen2 {GC.CollectionCount(2) - gen2,3}");
            if (server is not null)
            {
                line += string.Create(
                    CultureInfo.InvariantCulture,
                    $"  | {(calls + polls) / (double)done:0.0} req/wf ({polls / (double)done:0.0} polls); per non-poll request: client round trip {callMs / calls:0.000} ms, in handler {server2.TotalMs / server2.Requests:0.000} ms (read {server2.ReadMs / server2.Requests:0.000}, parse {server2.ParseMs / server2.Requests:0.000}, engine {server2.EngineMs / server2.Requests:0.000}, write {server2.WriteMs / Math.Max(1, server2.Requests + server2.Polls):0.000}); journal wait per journaled request {server2.JournalMs / Math.Max(1, server2.JournalWaits):0.000} ms; {server2.Commits / wall:0} commits/s of {server2.CommittedRows / (double)Math.Max(1, server2.Commits):0.0} rows, {server2.CommitMs / Math.Max(1, server2.Commits):0.000} ms each");
            }

            Console.WriteLine(line);
        }
        finally
        {
            await fleet.DisposeAsync();
            client?.Dispose();
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            engine?.Dispose();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>Times each request the wire client sends (long polls counted apart).</summary>
    private sealed class TimingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private long _calls;
        private long _polls;
        private long _ticks;

        public void Reset() => Take();

        public (long Calls, double Ms, long Polls) Take() =>
            (Interlocked.Exchange(ref _calls, 0), Interlocked.Exchange(ref _ticks, 0) * 1000.0 / Stopwatch.Frequency, Interlocked.Exchange(ref _polls, 0));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var poll = request.Headers.TryGetValues("X-Amz-Target", out var target) && target.First().Contains(".PollFor", StringComparison.Ordinal);
            var started = Stopwatch.GetTimestamp();
            var response = await base.SendAsync(request, cancellationToken);
            if (poll)
            {
                Interlocked.Increment(ref _polls);
            }
            else
            {
                Interlocked.Increment(ref _calls);
                Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
            }

            return response;
        }
    }
}
