using BenchmarkDotNet.Attributes;
using Swf.Model;
using Swf.Serialization;
using Swf.Worker;

namespace Swf.Benchmarks;

/// <summary>
/// Replay of a closed history of n sequential activities from the JSON the AWS CLI prints, against the
/// floor: only reading that JSON into the model.
/// </summary>
public class ReplayBenchmarks
{
    private static readonly WorkflowExecution Execution = new() { WorkflowId = "wf-1", RunId = "run-1" };
    private byte[] _json = [];
    private List<HistoryEvent> _events = [];
    private List<byte[]> _pages = [];

    /// <summary>Gets or sets the number of sequential activities (history of 6n + 5 events).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Activities { get; set; }

    /// <summary>Gets the sizes.</summary>
    public static IEnumerable<int> Sizes => SwfHistories.RunSizes;

    /// <summary>Builds the history JSON once per size.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _json = SwfHistories.ToJson(SwfHistories.Build(Activities));
        _events = SwfHistories.Parse(_json);
        _pages = SwfHistories.ToPages(_events, SwfHistories.PageSize);
    }

    /// <summary>The floor: deserializes the whole history.</summary>
    /// <returns>The number of events read.</returns>
    [Benchmark(Baseline = true)]
    public int Parse() => SwfHistories.Parse(_json).Count;

    /// <summary>Reads the history as <c>swf replay</c> and the replay helpers do (<see cref="HistoryJson"/>) and replays the workflow through it.</summary>
    /// <returns>The number of events replayed.</returns>
    [Benchmark]
    public int ParseAndReplay()
    {
        var events = HistoryJson.Parse(_json);
        WorkflowReplayer.Replay(SequentialWorkflow.Definition, events, Execution);
        return events.Count;
    }

    /// <summary>
    /// Reads the history as a decider does on a cache miss, page by page as SWF serves it (the bodies of
    /// <c>PollForDecisionTask</c> responses of 1,000 events, through the wire client's JSON), and replays it.
    /// </summary>
    /// <returns>The number of events replayed.</returns>
    [Benchmark]
    public int PagesAndReplay()
    {
        var events = SwfHistories.ParsePages(_pages);
        WorkflowReplayer.Replay(SequentialWorkflow.Definition, events, Execution);
        return events.Count;
    }

    /// <summary>Replays the workflow through an already-parsed history: the runtime's own cost.</summary>
    /// <returns>The number of events replayed.</returns>
    [Benchmark]
    public int ReplayOnly()
    {
        WorkflowReplayer.Replay(SequentialWorkflow.Definition, _events, Execution);
        return _events.Count;
    }
}
