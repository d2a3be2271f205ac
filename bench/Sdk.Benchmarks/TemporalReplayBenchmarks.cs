using BenchmarkDotNet.Attributes;
using Temporalio.Common;
using Temporalio.Worker;

namespace Swf.Benchmarks;

/// <summary>Temporal's <see cref="WorkflowReplayer"/> replaying the same workflow through histories of the same sizes.</summary>
public class TemporalReplayBenchmarks
{
    private WorkflowHistory _history = null!;
    private WorkflowReplayer _replayer = null!;

    /// <summary>Gets or sets the number of sequential activities (history of 6n + 5 events).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Activities { get; set; }

    /// <summary>Gets the sizes.</summary>
    public static IEnumerable<int> Sizes => SwfHistories.ActivityCounts;

    /// <summary>Builds the history once per size.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _history = TemporalHistories.Build(Activities);
        _replayer = new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow<TemporalSequentialWorkflow>());
    }

    /// <summary>Replays the history; a replay failure throws.</summary>
    /// <returns>The number of events replayed.</returns>
    [Benchmark]
    public async Task<int> TemporalReplay()
    {
        await _replayer.ReplayWorkflowAsync(_history);
        return _history.Events.Count;
    }
}
