using BenchmarkDotNet.Attributes;
using Swf.Model;
using Swf.Worker;

namespace Swf.Benchmarks;

/// <summary>
/// One decision task through <see cref="WorkflowWorker.PollOnceAsync"/> as the history grows, without
/// I/O (a scripted client hands over the events). A miss replays the whole history; a hit (sticky
/// execution, the instance cached) applies only the events since the previous decision task.
/// </summary>
public abstract class DecisionTaskBenchmarks
{
    /// <summary>The run every task belongs to.</summary>
    protected static readonly WorkflowExecution Execution = new() { WorkflowId = "wf-1", RunId = "run-1" };

    /// <summary>Gets or sets how many activities completed before the task (history of about 6n events).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Activities { get; set; }

    /// <summary>Gets the sizes.</summary>
    public static IEnumerable<int> Sizes => SwfHistories.RunSizes;

    /// <summary>Makes a decision task for the run.</summary>
    /// <param name="events">Its events.</param>
    /// <param name="startedEventId">The task's started event.</param>
    /// <param name="previousStartedEventId">The previous task's started event.</param>
    /// <returns>The task.</returns>
    protected static DecisionTask Task(List<HistoryEvent> events, long startedEventId, long previousStartedEventId) => new()
    {
        TaskToken = "token",
        WorkflowExecution = Execution,
        WorkflowType = SequentialWorkflow.Type,
        StartedEventId = startedEventId,
        PreviousStartedEventId = previousStartedEventId,
        Events = events,
    };

    /// <summary>Makes a worker over the scripted client.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cacheSize">The cache size; 0 replays every task.</param>
    /// <returns>The worker.</returns>
    protected static WorkflowWorker Worker(ScriptedSwfClient client, int cacheSize) =>
        new(client.Client, new WorkflowWorkerOptions { Domain = "bench", TaskList = "decisions", CacheSize = cacheSize, StickyExecution = cacheSize > 0 }, [SequentialWorkflow.Definition]);
}
