using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using Swf.Model;
using Swf.Serialization;
using Swf.Worker;

namespace Swf.Benchmarks;

/// <summary>
/// <c>--profile-parse</c>: where the time and the bytes of reading a history go, per size, without a profiler:
/// each way of reading runs for about a second, and the harness reports time per event, bytes allocated per
/// event (<see cref="GC.GetAllocatedBytesForCurrentThread"/>) and the collections of each generation it caused
/// (<see cref="GC.CollectionCount(int)"/>). It is how docs/benchmarks.md's "What the profile showed" was found,
/// and it is kept so the numbers can be checked again after a change.
/// </summary>
public static class ParseProfile
{
    private static readonly WorkflowExecution Execution = new() { WorkflowId = "wf-1", RunId = "run-1" };

    /// <summary>Runs the profile and prints one line per size and way of reading.</summary>
    /// <param name="args">Optional sizes (activity counts); the benchmark sizes by default.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : SwfHistories.ActivityCounts;
        Console.WriteLine($"GC: server={GCSettings.IsServerGC} latency={GCSettings.LatencyMode}; {Environment.ProcessorCount} cores");
        Console.WriteLine("| Way of reading | Events | ns/event | B/event | gen0 | gen1 | gen2 | per op |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var n in sizes)
        {
            var events = SwfHistories.Build(n);
            var json = SwfHistories.ToJson(events);
            var pages = SwfHistories.ToPages(events, SwfHistories.PageSize);
            Measure("JsonSerializer.Deserialize<History>, one document", events.Count, () => SwfHistories.Parse(json).Count);
            Measure("HistoryJson.Parse, one document", events.Count, () => HistoryJson.Parse(json).Count);
            Measure("JsonDocument.Parse alone, one document", events.Count, () =>
            {
                using var document = JsonDocument.Parse(json);
                return document.RootElement.GetProperty("events").GetArrayLength();
            });
            Measure("pages of 1,000 as PollForDecisionTask responses", events.Count, () => SwfHistories.ParsePages(pages).Count);
            Measure("HistoryJson.Parse + replay", events.Count, () =>
            {
                var parsed = HistoryJson.Parse(json);
                WorkflowReplayer.Replay(SequentialWorkflow.Definition, parsed, Execution);
                return parsed.Count;
            });
        }

        return 0;
    }

    private static void Measure(string name, int events, Func<int> read)
    {
        // Warm up for half a second (JIT tiers, pools), then run for about a second.
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < 3 || warmup.Elapsed < TimeSpan.FromSeconds(0.5); i++)
        {
            read();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var reps = 0;
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        do
        {
            if (read() != events)
            {
                throw new InvalidOperationException($"{name} read the wrong number of events.");
            }

            reps++;
        }
        while (watch.Elapsed < TimeSpan.FromSeconds(1) || reps < 3);

        watch.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var total = (double)reps * events;
        var perOp = watch.Elapsed.TotalMilliseconds / reps;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {events:N0} | {watch.Elapsed.TotalNanoseconds / total:0} | {bytes / total:0} | {(GC.CollectionCount(0) - gen0) / (double)reps:0.00} | {(GC.CollectionCount(1) - gen1) / (double)reps:0.00} | {(GC.CollectionCount(2) - gen2) / (double)reps:0.00} | {perOp:0.00} ms |"));
    }
}
