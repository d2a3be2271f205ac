using BenchmarkDotNet.Attributes;
using Swf.LocalEngine;

namespace Swf.Benchmarks;

/// <summary>
/// The engine's cost against the number of executions it retains: the end-to-end batch (three-activity workflows,
/// then a <c>DescribeWorkflowExecution</c> of each, as a client reading the outcome) with 1,000, 10,000 or 100,000
/// closed executions retained in the same domain.
/// </summary>
public abstract class RetainedExecutionsBenchmarks
{
    /// <summary>Gets or sets the number of closed executions retained before the batches run.</summary>
    [ParamsSource(nameof(Counts))]
    public int Retained { get; set; }

    /// <summary>Gets the counts (without 100,000 in a quick run).</summary>
    public static IEnumerable<int> Counts => BenchJobs.Quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];

    /// <summary>Gets or sets the running fleet.</summary>
    protected WorkflowFleet Fleet { get; set; } = null!;

    /// <summary>Starts a batch, waits until it completed, and describes each run.</summary>
    /// <returns>A task that completes with the batch.</returns>
    [Benchmark(OperationsPerInvoke = EndToEndBenchmarks.RetainedWorkflowsPerBatch)]
    public Task Workflows() => Fleet.RunBatchAndDescribeAsync(EndToEndBenchmarks.RetainedWorkflowsPerBatch);
}

/// <summary>The in-process engine.</summary>
public class EngineRetainedExecutionsBenchmarks : RetainedExecutionsBenchmarks
{
    private LocalSwfEngine _engine = null!;

    /// <summary>Starts the engine and the fleet and fills the domain.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = new LocalSwfEngine();
        Fleet = WorkflowFleet.StartAsync(_engine).GetAwaiter().GetResult();
        WorkflowFleet.RetainAsync(_engine, Retained).GetAwaiter().GetResult();
    }

    /// <summary>Stops them.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Fleet.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _engine.Dispose();
    }
}

/// <summary>swf-local on loopback (in memory: filling a journal with 100,000 runs is not what is measured), through the wire client.</summary>
public class SwfLocalRetainedExecutionsBenchmarks : RetainedExecutionsBenchmarks
{
    private Swf.LocalServer.SwfLocalServer _server = null!;
    private Client.SwfHttpClient _client = null!;

    /// <summary>Starts swf-local and the fleet and fills the domain through the server's engine.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _server = Swf.LocalServer.SwfLocalServer.StartAsync(new Swf.LocalServer.SwfLocalServerOptions { Port = 0 }).GetAwaiter().GetResult();
        _client = WorkflowFleet.WireClient(new Uri(_server.Endpoint.ToString()));
        Fleet = WorkflowFleet.StartAsync(_client).GetAwaiter().GetResult();
        WorkflowFleet.RetainAsync(_server.Engine, Retained).GetAwaiter().GetResult();
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
