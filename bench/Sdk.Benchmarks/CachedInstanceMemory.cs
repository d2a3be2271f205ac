using Swf.Model;
using Swf.Worker;

namespace Swf.Benchmarks;

/// <summary>Memory held per cached workflow instance: many runs parked in one worker's cache, measured by the GC.</summary>
public static class CachedInstanceMemory
{
    /// <summary>Measures the bytes held per cached run after it completed <paramref name="activities"/> activities and waits on the next.</summary>
    /// <param name="activities">Activities completed before the run is parked.</param>
    /// <param name="runs">How many runs to park.</param>
    /// <returns>Bytes per instance.</returns>
    public static long BytesPerInstance(int activities, int runs) => Measure(activities, runs).PerInstance;

    /// <summary>Measures a worker holding <paramref name="runs"/> open runs: the bytes per run, and all it holds (worker included).</summary>
    /// <param name="activities">Activities completed before each run is parked.</param>
    /// <param name="runs">How many runs to park.</param>
    /// <param name="whileHeld">Called while the worker still holds the runs (to take a heap snapshot), if given.</param>
    /// <returns>Bytes per instance, and the bytes the worker holds in all.</returns>
    public static (long PerInstance, long Worker) Measure(int activities, int runs, Action? whileHeld = null)
    {
        var client = ScriptedSwfClient.Create();
        var history = SwfHistories.BuildOpen(activities, activities + 10);
        var tasks = new DecisionTask[runs];
        for (var i = 0; i < runs; i++)
        {
            // The events are shared (the worker does not keep them); each task names its own run.
            tasks[i] = new DecisionTask
            {
                TaskToken = "token",
                WorkflowExecution = new WorkflowExecution { WorkflowId = "wf-" + i, RunId = "run-" + i },
                WorkflowType = SequentialWorkflow.Type,
                StartedEventId = history.LastStartedEventId,
                PreviousStartedEventId = 0,
                Events = history.Events,
            };
        }

        // The tasks are the test's input, built before the worker: its total counts only what it holds.
        var empty = Settle();
        var worker = new WorkflowWorker(client.Client, new WorkflowWorkerOptions { Domain = "bench", TaskList = "decisions", CacheSize = runs + 1 }, [SequentialWorkflow.Definition]);

        // Warm up code paths so JIT and static data are not counted in the per-instance figure.
        client.Next = tasks[0];
        worker.PollOnceAsync("decisions").GetAwaiter().GetResult();
        var before = Settle();
        for (var i = 1; i < runs; i++)
        {
            client.Next = tasks[i];
            worker.PollOnceAsync("decisions").GetAwaiter().GetResult();
        }

        client.Next = null;
        var after = Settle();
        if (worker.CachedInstances != runs)
        {
            throw new InvalidOperationException($"Expected {runs} cached runs, found {worker.CachedInstances}.");
        }

        whileHeld?.Invoke();
        GC.KeepAlive(worker);
        GC.KeepAlive(tasks);
        return ((after - before) / (runs - 1), after - empty);
    }

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
