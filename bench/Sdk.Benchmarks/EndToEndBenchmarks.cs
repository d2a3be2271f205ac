using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Swf.LocalEngine;

namespace Swf.Benchmarks;

/// <summary>
/// Workflows per second end to end: <see cref="WorkflowsPerBatch"/> workflows of three activities each
/// are started at once and driven to completion by one decider and one activity worker, each with
/// <see cref="Pollers"/> pollers per task list.
/// </summary>
/// <remarks>
/// The driver: with 20 workflows in flight and the workers' default of 2 pollers, a server over HTTP is
/// measured by its latency (a poller waits for each round trip) rather than by what it can serve, so every
/// row, the in-process engine's included, runs 200 workflows at once with 8 pollers per list.
/// </remarks>
public abstract class EndToEndBenchmarks : FleetBenchmarks
{
    /// <summary>Workflows started per benchmark invocation.</summary>
    public const int WorkflowsPerBatch = 200;

    /// <summary>Starts a batch and waits until it completed.</summary>
    /// <returns>A task that completes with the batch.</returns>
    [Benchmark(OperationsPerInvoke = WorkflowsPerBatch)]
    public Task Workflows() => Fleet.RunBatchAsync(WorkflowsPerBatch);
}

/// <summary>What every end-to-end row shares: the fleet of workers that drives the batches.</summary>
public abstract class FleetBenchmarks
{
    /// <summary>Pollers per task list, for the decider and for the activity worker.</summary>
    public const int Pollers = 8;

    /// <summary>Workflows per invocation of the retained-executions rows (as in earlier rounds: those rows measure cost per operation, not throughput).</summary>
    public const int RetainedWorkflowsPerBatch = 20;

    /// <summary>Gets or sets the running fleet.</summary>
    protected WorkflowFleet Fleet { get; set; } = null!;
}

/// <summary>The in-process engine (<c>LocalSwfEngine</c>), called directly.</summary>
public class EngineEndToEndBenchmarks : EndToEndBenchmarks
{
    private LocalSwfEngine _engine = null!;

    /// <summary>Starts the engine and the fleet.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = new LocalSwfEngine();
        Fleet = WorkflowFleet.StartAsync(_engine, Pollers).GetAwaiter().GetResult();
    }

    /// <summary>Stops them.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Fleet.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _engine.Dispose();
    }
}

/// <summary>
/// <c>moto_server</c> on loopback, through the SDK's wire client, by the same fleet in batches of
/// <see cref="WorkflowsPerBatch"/>: moto answers a poll by scanning every execution it holds, so a batch of 200 took it
/// 74 s and the next, on twice the executions, over the 5 minutes a batch is given.
/// </summary>
public class MotoEndToEndBenchmarks : FleetBenchmarks
{
    /// <summary>Workflows started per benchmark invocation.</summary>
    public const int WorkflowsPerBatch = 20;

    private Process? _moto;
    private Client.SwfHttpClient _client = null!;

    /// <summary>Starts a batch and waits until it completed.</summary>
    /// <returns>A task that completes with the batch.</returns>
    [Benchmark(OperationsPerInvoke = WorkflowsPerBatch)]
    public Task Workflows() => Fleet.RunBatchAsync(WorkflowsPerBatch);

    /// <summary>Starts moto_server and the fleet.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var port = FreePort();
        _moto = Process.Start(new ProcessStartInfo("moto_server")
        {
            ArgumentList = { "-p", port.ToString(CultureInfo.InvariantCulture) },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("moto_server did not start.");
        _moto.OutputDataReceived += (_, _) => { };
        _moto.ErrorDataReceived += (_, _) => { };
        _moto.BeginOutputReadLine();
        _moto.BeginErrorReadLine();
        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        WaitUntilListening(port);
        _client = WorkflowFleet.WireClient(endpoint);
        Fleet = WorkflowFleet.StartAsync(_client, Pollers).GetAwaiter().GetResult();
    }

    /// <summary>Stops the fleet and moto_server.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Fleet.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _moto?.Kill(entireProcessTree: true);
        _moto?.WaitForExit();
        _moto?.Dispose();
        _client.Dispose();
    }

    /// <summary>Picks a free loopback port.</summary>
    /// <returns>The port.</returns>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WaitUntilListening(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var socket = new TcpClient();
                socket.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }
}

/// <summary>swf-local on loopback, hosted in this process, through the SDK's wire client.</summary>
public class SwfLocalEndToEndBenchmarks : EndToEndBenchmarks
{
    private Swf.LocalServer.SwfLocalServer _server = null!;
    private Client.SwfHttpClient _client = null!;

    /// <summary>Starts swf-local and the fleet.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _server = Swf.LocalServer.SwfLocalServer.StartAsync(new Swf.LocalServer.SwfLocalServerOptions { Port = 0 }).GetAwaiter().GetResult();
        _client = WorkflowFleet.WireClient(new Uri(_server.Endpoint.ToString()));
        Fleet = WorkflowFleet.StartAsync(_client, Pollers).GetAwaiter().GetResult();
    }

    /// <summary>Stops the fleet and the server.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Fleet.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _client.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

/// <summary>swf-local on loopback with its durable journal on (SQLite in a temporary file), through the SDK's wire client.</summary>
public class SwfLocalJournalEndToEndBenchmarks : EndToEndBenchmarks
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "swf-bench-" + Guid.NewGuid().ToString("N"));
    private Swf.LocalServer.SwfLocalServer _server = null!;
    private Client.SwfHttpClient _client = null!;

    /// <summary>Starts swf-local with a journal and the fleet.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_directory);
        _server = Swf.LocalServer.SwfLocalServer.StartAsync(new Swf.LocalServer.SwfLocalServerOptions { Port = 0, DatabasePath = Path.Combine(_directory, "swf.db"), JournalSync = JournalSync }).GetAwaiter().GetResult();
        _client = WorkflowFleet.WireClient(new Uri(_server.Endpoint.ToString()));
        Fleet = WorkflowFleet.StartAsync(_client, Pollers).GetAwaiter().GetResult();
    }

    /// <summary>Gets when the journal's writes reach the disk: before each answer (the default), unless a subclass says otherwise.</summary>
    protected virtual Swf.LocalServer.JournalSync JournalSync => Swf.LocalServer.JournalSync.Full;

    /// <summary>Stops the fleet and the server and deletes the journal.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Fleet.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _client.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>The same with <c>--journal-sync normal</c>: every request written before it is answered, the fsync left to SQLite's checkpoints.</summary>
public class SwfLocalJournalNormalSyncEndToEndBenchmarks : SwfLocalJournalEndToEndBenchmarks
{
    /// <inheritdoc/>
    protected override Swf.LocalServer.JournalSync JournalSync => Swf.LocalServer.JournalSync.Normal;
}
