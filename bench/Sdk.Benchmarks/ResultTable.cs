using System.Globalization;
using System.Text;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Swf.Benchmarks;

/// <summary><c>--table</c>: runs every benchmark with its job and prints one table with the targets' ratios.</summary>
public static class ResultTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Runs everything and prints the table.</summary>
    /// <param name="args"><c>--no-e2e</c> leaves out the end-to-end runs.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args)
    {
        var runs = new List<(Type Type, Job Job)>
        {
            (typeof(ReplayBenchmarks), BenchJobs.Micro),
            (typeof(TemporalReplayBenchmarks), BenchJobs.Slow),
            (typeof(DecisionTaskMissBenchmarks), BenchJobs.Micro),
            (typeof(DecisionTaskHitBenchmarks), BenchJobs.Hit),
        };
        if (!args.Contains("--no-e2e"))
        {
            runs.Add((typeof(EngineEndToEndBenchmarks), BenchJobs.EndToEnd));
            runs.AddRange(EndToEndServers());
        }

        var results = new List<Result>();
        foreach (var (type, job) in runs)
        {
            var summary = BenchmarkRunner.Run(type, BenchJobs.Config(job));
            results.AddRange(Read(summary));
        }

        var memoryFirst = CachedInstanceMemory.BytesPerInstance(activities: 0, runs: 2000);
        var memoryLate = CachedInstanceMemory.BytesPerInstance(activities: 1000, runs: 2000);
        Console.WriteLine();
        Console.WriteLine(Format(results, memoryFirst, memoryLate));
        return results.Exists(r => double.IsNaN(r.MeanNs)) ? 1 : 0;
    }

    /// <summary>The loopback servers measured end to end.</summary>
    /// <returns>The benchmark classes and their job.</returns>
    private static IEnumerable<(Type Type, Job Job)> EndToEndServers()
    {
        yield return (typeof(SwfLocalEndToEndBenchmarks), BenchJobs.EndToEnd);
        yield return (typeof(MotoEndToEndBenchmarks), BenchJobs.EndToEnd.WithIterationCount(3));
    }

    private static IEnumerable<Result> Read(Summary summary)
    {
        foreach (var report in summary.Reports)
        {
            var benchmark = report.BenchmarkCase;
            var activities = benchmark.Parameters.Items.FirstOrDefault(p => p.Name == "Activities")?.Value is int a ? a : -1;
            var mean = report.ResultStatistics?.Mean ?? double.NaN;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmark) ?? 0;
            yield return new Result(benchmark.Descriptor.Type.Name, benchmark.Descriptor.WorkloadMethod.Name, activities, mean, allocated);
        }
    }

    private static string Format(List<Result> results, long memoryFirst, long memoryLate)
    {
        var table = new StringBuilder();
        table.AppendLine(Invariant, $"| Measure | Events | Mean | Events/s | Allocated/op | Notes |");
        table.AppendLine("|---|---:|---:|---:|---:|---|");
        void Row(string measure, Result? r, string notes, bool perEvent = true)
        {
            if (r is null)
            {
                table.AppendLine(Invariant, $"| {measure} | | not run | | | {notes} |");
                return;
            }

            var events = r.Activities >= 0 ? SwfHistories.EventCount(r.Activities) : 0;
            var perSecond = events > 0 && perEvent ? (events / (r.MeanNs / 1e9)).ToString("N0", Invariant) : string.Empty;
            table.AppendLine(Invariant, $"| {measure} | {(events > 0 ? events.ToString("N0", Invariant) : string.Empty)} | {Time(r.MeanNs)} | {perSecond} | {Bytes(r.Allocated)} | {notes} |");
        }

        Result? Find(string method, int activities = -1) => results.Find(r => r.Method == method && r.Activities == activities);

        foreach (var n in SwfHistories.ActivityCounts)
        {
            var parse = Find("Parse", n);
            var replay = Find("ParseAndReplay", n);
            var only = Find("ReplayOnly", n);
            var temporal = Find("TemporalReplay", n);
            Row("Parse floor: CLI JSON to model", parse, string.Empty);
            Row("Replay from CLI JSON (ours)", replay, replay is null || parse is null ? string.Empty : $"{Ratio(replay.MeanNs, parse.MeanNs)} the parse floor");
            Row("Replay of parsed events (ours)", only, string.Empty);
            Row("Temporal WorkflowReplayer", temporal, temporal is null || replay is null ? string.Empty : $"ours is {Ratio(temporal.MeanNs, replay.MeanNs)} faster");
        }

        foreach (var n in SwfHistories.ActivityCounts)
        {
            var miss = Find("Miss", n);
            var hit = Find("Hit", n);
            Row("Decision task, cache miss (history size)", miss, string.Empty);
            Row("Decision task, cache hit (history size)", hit, hit is null || miss is null ? string.Empty : $"miss / hit = {Ratio(miss.MeanNs, hit.MeanNs)}", perEvent: false);
        }

        var engine = results.Find(r => r.Type == nameof(EngineEndToEndBenchmarks));
        var swfLocal = results.Find(r => r.Type == "SwfLocalEndToEndBenchmarks");
        var moto = results.Find(r => r.Type == nameof(MotoEndToEndBenchmarks));
        table.AppendLine(Invariant, $"| Workflows/s end to end (3 activities), in-process engine | | {Time(engine?.MeanNs)} per workflow | {PerSecond(engine)} workflows/s | {Bytes(engine?.Allocated)} | {EndToEndBenchmarks.WorkflowsPerBatch} started at once |");
        table.AppendLine(Invariant, $"| Workflows/s end to end, swf-local over loopback | | {Time(swfLocal?.MeanNs)} per workflow | {PerSecond(swfLocal)} workflows/s | {Bytes(swfLocal?.Allocated)} | {(swfLocal is null ? "not built in (see docs/benchmarks.md)" : "wire client")} |");
        table.AppendLine(Invariant, $"| Workflows/s end to end, moto_server over loopback | | {Time(moto?.MeanNs)} per workflow | {PerSecond(moto)} workflows/s | {Bytes(moto?.Allocated)} | same wire client |");
        table.AppendLine(Invariant, $"| Memory held per cached instance (after the first task) | | | | {Bytes(memoryFirst)} | 2,000 runs parked in one worker |");
        table.AppendLine(Invariant, $"| Memory held per cached instance (after 1,000 activities) | 6,002 | | | {Bytes(memoryLate)} | does not grow with history |");

        table.AppendLine();
        table.AppendLine("| Target | Measured | Met |");
        table.AppendLine("|---|---:|---|");
        void Target(string name, double? measured, double goal, bool atMost = false)
        {
            var met = measured is { } m && !double.IsNaN(m) && (atMost ? m <= goal : m >= goal);
            table.AppendLine(Invariant, $"| {name} | {(measured is { } v && !double.IsNaN(v) ? v.ToString("0.00", Invariant) + "x" : "not measured")} | {(measured is null ? "n/a" : met ? "yes" : "NO")} |");
        }

        double? Over(Result? a, Result? b) => a is null || b is null ? null : a.MeanNs / b.MeanNs;
        var sizes = SwfHistories.ActivityCounts;
        Target("Replay from JSON vs Temporal's replayer, events/s at 1,001 events >= 20x", Over(Find("TemporalReplay", sizes[1]), Find("ParseAndReplay", sizes[1])), 20);
        Target("Replay from JSON vs Temporal's replayer, events/s at 10,001 events >= 100x", Over(Find("TemporalReplay", sizes[2]), Find("ParseAndReplay", sizes[2])), 100);
        Target("(information) the same at 24,995 events", Over(Find("TemporalReplay", sizes[3]), Find("ParseAndReplay", sizes[3])), 0);
        var perEvent1k = Find("ParseAndReplay", sizes[1]) is { } r1 ? r1.MeanNs / SwfHistories.EventCount(sizes[1]) : (double?)null;
        var perEvent25k = Find("ParseAndReplay", sizes[3]) is { } r25 ? r25.MeanNs / SwfHistories.EventCount(sizes[3]) : (double?)null;
        Target("Linear: events/s at 1,001 events / at 24,995 events <= 1.5x", perEvent1k is null || perEvent25k is null ? null : perEvent25k / perEvent1k, 1.5, atMost: true);
        Target("Replay from JSON / parse floor at 24,995 events <= 3x", Over(Find("ParseAndReplay", sizes[3]), Find("Parse", sizes[3])), 3, atMost: true);
        Target("Cache hit at 24,995 events / at 101 events <= 1.5x", Over(Find("Hit", sizes[3]), Find("Hit", sizes[0])), 1.5, atMost: true);
        Target("(information) cache miss / cache hit at 24,995 events", Over(Find("Miss", sizes[3]), Find("Hit", sizes[3])), 0);
        Target("swf-local workflows/s / moto workflows/s >= 20x", Over(moto, swfLocal), 20);
        return table.ToString();
    }

    private static string Ratio(double a, double b) => (a / b).ToString("0.00", Invariant) + "x";

    private static string PerSecond(Result? r) => r is null ? string.Empty : (1e9 / r.MeanNs).ToString("N1", Invariant);

    private static string Time(double? ns) => ns switch
    {
        null => "not run",
        >= 1e9 => (ns.Value / 1e9).ToString("0.00", Invariant) + " s",
        >= 1e6 => (ns.Value / 1e6).ToString("0.00", Invariant) + " ms",
        >= 1e3 => (ns.Value / 1e3).ToString("0.00", Invariant) + " µs",
        _ => ns.Value.ToString("0", Invariant) + " ns",
    };

    private static string Bytes(long? bytes) => bytes switch
    {
        null => string.Empty,
        >= 1 << 20 => (bytes.Value / 1048576.0).ToString("0.0", Invariant) + " MB",
        >= 1 << 10 => (bytes.Value / 1024.0).ToString("0.0", Invariant) + " KB",
        _ => bytes.Value.ToString(Invariant) + " B",
    };

    private sealed record Result(string Type, string Method, int Activities, double MeanNs, long Allocated);
}
