using BenchmarkDotNet.Attributes;
using Swf.Model;
using Swf.Worker;

namespace Swf.Benchmarks;

/// <summary>
/// A decision task on a cache hit. Each iteration starts from a worker that holds the run replayed to
/// the size under test; each invocation then answers the next task (six new events), so the history
/// grows by 6 x <see cref="InvocationsPerIteration"/> events within an iteration.
/// </summary>
public class DecisionTaskHitBenchmarks : DecisionTaskBenchmarks
{
    /// <summary>Invocations per iteration (set on the job).</summary>
    public const int InvocationsPerIteration = 256;

    private readonly ScriptedSwfClient _client = ScriptedSwfClient.Create();
    private readonly List<DecisionTask> _tasks = [];
    private WorkflowWorker _worker = null!;
    private int _next;

    /// <summary>Replays the run into a fresh worker's cache and prepares the next tasks.</summary>
    [IterationSetup]
    public void Setup()
    {
        var history = SwfHistories.BuildOpen(Activities, Activities + InvocationsPerIteration + 64);
        _worker = Worker(_client, cacheSize: 10);
        _client.Next = Task(history.Events, history.LastStartedEventId, 0);
        if (!_worker.PollOnceAsync("decisions").GetAwaiter().GetResult() || _worker.CachedInstances != 1)
        {
            throw new InvalidOperationException("The first task did not leave the run cached.");
        }

        _tasks.Clear();
        _next = 0;
        for (var i = 0; i < InvocationsPerIteration + 16; i++)
        {
            var previous = history.LastStartedEventId;
            var first = history.NextRound();
            _tasks.Add(Task(history.Events[first..], history.LastStartedEventId, previous));
        }
    }

    /// <summary>Polls the sticky list, applies the new events and answers.</summary>
    /// <returns>Whether a task was handled.</returns>
    [Benchmark]
    public Task<bool> Hit()
    {
        _client.Next = _tasks[_next++];
        return _worker.PollOnceAsync(_worker.StickyTaskList);
    }

    /// <summary>Checks every task was a hit.</summary>
    [IterationCleanup]
    public void Check()
    {
        if (_worker.Counters.CacheMisses != 1)
        {
            throw new InvalidOperationException($"Expected only hits after the first task, saw {_worker.Counters.CacheMisses} misses.");
        }
    }
}
