using BenchmarkDotNet.Attributes;

namespace Swf.Benchmarks;

/// <summary>A decision task on a cache miss: the whole history is replayed.</summary>
public class DecisionTaskMissBenchmarks : DecisionTaskBenchmarks
{
    private readonly ScriptedSwfClient _client = ScriptedSwfClient.Create();
    private Swf.Worker.WorkflowWorker _worker = null!;

    /// <summary>Builds the open history once per size.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var history = SwfHistories.BuildOpen(Activities, Activities + 1);
        _client.Next = Task(history.Events, history.LastStartedEventId, 0);
        _worker = Worker(_client, cacheSize: 0);
    }

    /// <summary>Polls, replays and answers.</summary>
    /// <returns>Whether a task was handled.</returns>
    [Benchmark]
    public Task<bool> Miss() => _worker.PollOnceAsync("decisions");
}
