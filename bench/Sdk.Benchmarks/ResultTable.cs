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
    /// <param name="args">
    /// <c>--no-e2e</c> leaves out the end-to-end runs; <c>--quick</c> runs fewer sizes and iterations, without Temporal and moto;
    /// <c>--retained</c> runs only the retained-executions rows (checking a change to the engine's cost per execution).
    /// </param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args)
    {
        BenchJobs.Quick = args.Contains("--quick");
        if (args.Contains("--retained"))
        {
            return RunRetained();
        }

        var runs = new List<(Type Type, Job Job)>
        {
            (typeof(ReplayBenchmarks), BenchJobs.Micro),
            (typeof(DecisionTaskMissBenchmarks), BenchJobs.Micro),
            (typeof(DecisionTaskHitBenchmarks), BenchJobs.Hit),
            (typeof(WorkflowTestBenchmarks), BenchJobs.Micro),
        };
        if (!BenchJobs.Quick)
        {
            runs.Insert(1, (typeof(TemporalReplayBenchmarks), BenchJobs.Slow));
        }

        if (!args.Contains("--no-e2e"))
        {
            runs.Add((typeof(EngineEndToEndBenchmarks), BenchJobs.EndToEnd));
            runs.AddRange(EndToEndServers());
            runs.Add((typeof(EngineRetainedExecutionsBenchmarks), BenchJobs.EndToEnd));
            runs.Add((typeof(SwfLocalRetainedExecutionsBenchmarks), BenchJobs.EndToEnd));
        }

        var results = new List<Result>();
        var failed = new List<string>();
        foreach (var (type, job) in runs)
        {
            try
            {
                var summary = BenchmarkRunner.Run(type, BenchJobs.Config(BenchJobs.ForRun(job)));
                results.AddRange(Read(summary));
            }
            catch (InvalidOperationException ex)
            {
                // BenchmarkDotNet's in-process toolchain gives up on an invocation that takes too long (moto's batch of
                // 200 workflows took 82 s): the row is reported as not measured and the other rows still print.
                failed.Add($"{type.Name}: not measured ({ex.Message.Split('.')[0]}).");
            }
        }

        var memory = new Memory(
            CachedInstanceMemory.BytesPerInstance(activities: 0, runs: 2000),
            CachedInstanceMemory.BytesPerInstance(activities: 1000, runs: 2000),
            CachedInstanceMemory.Measure(activities: 0, runs: 10_000));
        Console.WriteLine();
        Console.WriteLine(Format(results, memory));
        foreach (var line in failed)
        {
            Console.WriteLine(line);
        }

        return results.Exists(r => double.IsNaN(r.MeanNs)) ? 1 : 0;
    }

    /// <summary><c>--retained</c>: only the two retained-executions benchmarks, their rows and their target.</summary>
    /// <returns>The exit code.</returns>
    private static int RunRetained()
    {
        var results = new List<Result>();
        foreach (var type in new[] { typeof(EngineRetainedExecutionsBenchmarks), typeof(SwfLocalRetainedExecutionsBenchmarks) })
        {
            results.AddRange(Read(BenchmarkRunner.Run(type, BenchJobs.Config(BenchJobs.ForRun(BenchJobs.EndToEnd)))));
        }

        var table = new StringBuilder();
        table.AppendLine("| Measure | Mean | Workflows/s | Allocated/op |");
        table.AppendLine("|---|---:|---:|---:|");
        foreach (var r in results.OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Activities))
        {
            table.AppendLine(Invariant, $"| {r.Type}, {r.Activities:N0} retained | {Time(r.MeanNs)} per workflow | {PerSecond(r)} | {Bytes(r.Allocated)} |");
        }

        foreach (var group in results.GroupBy(r => r.Type))
        {
            var retained = group.OrderBy(r => r.Activities).ToList();
            if (retained.Count > 1)
            {
                table.AppendLine(Invariant, $"{group.Key}: at {retained[^1].Activities:N0} / at {retained[0].Activities:N0} retained = {Ratio(retained[^1].MeanNs, retained[0].MeanNs)} (target <= 1.2x)");
            }
        }

        Console.WriteLine();
        Console.WriteLine(table.ToString());
        return results.Exists(r => double.IsNaN(r.MeanNs)) ? 1 : 0;
    }

    /// <summary>The loopback servers measured end to end.</summary>
    /// <returns>The benchmark classes and their job.</returns>
    private static IEnumerable<(Type Type, Job Job)> EndToEndServers()
    {
        yield return (typeof(SwfLocalEndToEndBenchmarks), BenchJobs.EndToEnd);
        yield return (typeof(SwfLocalJournalEndToEndBenchmarks), BenchJobs.EndToEnd);
        yield return (typeof(SwfLocalJournalNormalSyncEndToEndBenchmarks), BenchJobs.EndToEnd);
        if (!BenchJobs.Quick)
        {
            yield return (typeof(MotoEndToEndBenchmarks), BenchJobs.Moto);
        }
    }

    private static IEnumerable<Result> Read(Summary summary)
    {
        foreach (var report in summary.Reports)
        {
            var benchmark = report.BenchmarkCase;
            var activities = benchmark.Parameters.Items.FirstOrDefault(p => p.Name is "Activities" or "Retained")?.Value is int a ? a : -1;
            var mean = report.ResultStatistics?.Mean ?? double.NaN;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmark) ?? 0;
            yield return new Result(benchmark.Descriptor.Type.Name, benchmark.Descriptor.WorkloadMethod.Name, activities, mean, allocated);
        }
    }

    private static string Format(List<Result> results, Memory memory)
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

        foreach (var n in SwfHistories.RunSizes)
        {
            var parse = Find("Parse", n);
            var replay = Find("ParseAndReplay", n);
            var pages = Find("PagesAndReplay", n);
            var only = Find("ReplayOnly", n);
            var temporal = Find("TemporalReplay", n);
            Row("Parse floor: CLI JSON to model", parse, string.Empty);
            Row("Replay from CLI JSON (ours, HistoryJson)", replay, replay is null || parse is null ? string.Empty : $"{Ratio(replay.MeanNs, parse.MeanNs)} the parse floor; {PerEvent(replay, n)} allocated per event");
            Row("Replay from pages of 1,000 (PollForDecisionTask bodies)", pages, pages is null || parse is null ? string.Empty : $"{Ratio(pages.MeanNs, parse.MeanNs)} the parse floor; {PerEvent(pages, n)} allocated per event");
            Row("Replay of parsed events (ours)", only, string.Empty);
            if (!BenchJobs.Quick)
            {
                Row("Temporal WorkflowReplayer", temporal, temporal is null || replay is null ? string.Empty : $"ours is {Ratio(temporal.MeanNs, replay.MeanNs)} faster");
            }
        }

        foreach (var n in SwfHistories.RunSizes)
        {
            var miss = Find("Miss", n);
            var hit = Find("Hit", n);
            Row("Decision task, cache miss (history size)", miss, string.Empty);
            Row("Decision task, cache hit (history size)", hit, hit is null || miss is null ? string.Empty : $"miss / hit = {Ratio(miss.MeanNs, hit.MeanNs)}", perEvent: false);
        }

        var ours = results.Find(r => r.Method == nameof(WorkflowTestBenchmarks.Ours));
        var durable = results.Find(r => r.Method == nameof(WorkflowTestBenchmarks.DurableTask));
        table.AppendLine(Invariant, $"| One workflow test, ours (SwfTestEnvironment: 3 activities and a 1-day timer, skipped) | | {Time(ours?.MeanNs)} per test | | {Bytes(ours?.Allocated)} | start, run, result, dispose |");
        table.AppendLine(Invariant, $"| One workflow test, Microsoft.DurableTask.InProcessTestHost 0.2.3-preview.1 (3 activities, no timer) | | {Time(durable?.MeanNs)} per test | | {Bytes(durable?.Allocated)} | no time skipping: its timers fire on the real clock, so the day is left out; ours is {(ours is null || durable is null ? "n/a" : Ratio(durable.MeanNs, ours.MeanNs))} faster |");

        var engine = results.Find(r => r.Type == nameof(EngineEndToEndBenchmarks));
        var swfLocal = results.Find(r => r.Type == nameof(SwfLocalEndToEndBenchmarks));
        var journal = results.Find(r => r.Type == nameof(SwfLocalJournalEndToEndBenchmarks));
        var journalNormal = results.Find(r => r.Type == nameof(SwfLocalJournalNormalSyncEndToEndBenchmarks));
        var moto = results.Find(r => r.Type == nameof(MotoEndToEndBenchmarks));
        table.AppendLine(Invariant, $"| Workflows/s end to end (3 activities), in-process engine | | {Time(engine?.MeanNs)} per workflow | {PerSecond(engine)} workflows/s | {Bytes(engine?.Allocated)} | {EndToEndBenchmarks.WorkflowsPerBatch} started at once, {EndToEndBenchmarks.Pollers} pollers per list |");
        table.AppendLine(Invariant, $"| Workflows/s end to end, swf-local over loopback, in memory | | {Time(swfLocal?.MeanNs)} per workflow | {PerSecond(swfLocal)} workflows/s | {Bytes(swfLocal?.Allocated)} | wire client |");
        table.AppendLine(Invariant, $"| Workflows/s end to end, swf-local over loopback, durable journal | | {Time(journal?.MeanNs)} per workflow | {PerSecond(journal)} workflows/s | {Bytes(journal?.Allocated)} | wire client; SQLite journal |");
        table.AppendLine(Invariant, $"| Workflows/s end to end, swf-local over loopback, journal with --journal-sync normal | | {Time(journalNormal?.MeanNs)} per workflow | {PerSecond(journalNormal)} workflows/s | {Bytes(journalNormal?.Allocated)} | written before each answer, fsync at checkpoints (kill -9 safe, not power-cut safe) |");
        if (!BenchJobs.Quick)
        {
            table.AppendLine(Invariant, $"| Workflows/s end to end, moto_server over loopback | | {Time(moto?.MeanNs)} per workflow | {PerSecond(moto)} workflows/s | {Bytes(moto?.Allocated)} | same wire client; batches of {MotoEndToEndBenchmarks.WorkflowsPerBatch} (moto slows with every execution it holds) |");
        }

        foreach (var type in new[] { nameof(EngineRetainedExecutionsBenchmarks), nameof(SwfLocalRetainedExecutionsBenchmarks) })
        {
            foreach (var r in results.Where(r => r.Type == type).OrderBy(r => r.Activities))
            {
                var where = type == nameof(EngineRetainedExecutionsBenchmarks) ? "in-process engine" : "swf-local, in memory";
                table.AppendLine(Invariant, $"| Workflow + describe with {r.Activities:N0} closed executions retained, {where} | | {Time(r.MeanNs)} per workflow | {PerSecond(r)} workflows/s | {Bytes(r.Allocated)} | |");
            }
        }

        table.AppendLine(Invariant, $"| Memory held per cached instance (after the first task) | | | | {Bytes(memory.First)} | 2,000 runs parked in one worker |");
        table.AppendLine(Invariant, $"| Memory held per cached instance (after 1,000 activities) | 6,002 | | | {Bytes(memory.Late)} | does not grow with history |");
        table.AppendLine(Invariant, $"| Memory held by a worker with 10,000 open runs cached | | | | {Bytes(memory.TenThousand.Worker)} | {Bytes(memory.TenThousand.PerInstance)} per run |");

        table.AppendLine();
        table.AppendLine("| Target | Measured | Met |");
        table.AppendLine("|---|---:|---|");
        void Target(string name, double? measured, double goal, bool atMost = false)
        {
            var met = measured is { } m && !double.IsNaN(m) && (atMost ? m <= goal : m >= goal);
            table.AppendLine(Invariant, $"| {name} | {(measured is { } v && !double.IsNaN(v) ? v.ToString("0.00", Invariant) + "x" : "not measured")} | {(measured is null ? "n/a" : met ? "yes" : "NO")} |");
        }

        double? Over(Result? a, Result? b) => a is null || b is null ? null : a.MeanNs / b.MeanNs;
        double? PerEventNs(string method, int n) => Find(method, n) is { } r ? r.MeanNs / SwfHistories.EventCount(n) : null;
        double? BytesPerEvent(string method, int n) => Find(method, n) is { } r ? (double)r.Allocated / SwfHistories.EventCount(n) : null;
        double? Quotient(double? a, double? b) => a is null || b is null ? null : a / b;
        const int Small = 166;
        const int Large = 4165;
        if (!BenchJobs.Quick)
        {
            Target("Replay from JSON vs Temporal's replayer, events/s at 1,001 events >= 20x", Over(Find("TemporalReplay", Small), Find("ParseAndReplay", Small)), 20);
            Target("(information) the same at 24,995 events", Over(Find("TemporalReplay", Large), Find("ParseAndReplay", Large)), 0);
        }

        foreach (var (method, name) in new[] { ("ParseAndReplay", "Replay from CLI JSON"), ("PagesAndReplay", "Replay from pages of 1,000") })
        {
            Target($"{name}: linear, time per event at 24,995 / at 1,001 events <= 1.5x", Quotient(PerEventNs(method, Large), PerEventNs(method, Small)), 1.5, atMost: true);
            Target($"{name}: allocated per event at 24,995 / at 1,001 events <= 1.3x", Quotient(BytesPerEvent(method, Large), BytesPerEvent(method, Small)), 1.3, atMost: true);
            foreach (var n in SwfHistories.RunSizes)
            {
                Target($"{name} / parse floor at {SwfHistories.EventCount(n):N0} events <= 1.5x", Over(Find(method, n), Find("Parse", n)), 1.5, atMost: true);
            }
        }

        Target("Cache hit at 24,995 events / at 1,001 events <= 1.5x", Over(Find("Hit", Large), Find("Hit", Small)), 1.5, atMost: true);
        Target("One workflow test: DurableTask's test host / ours >= 20x", Over(durable, ours), 20);
        Target("swf-local with the durable journal: in-process engine / swf-local <= 5x", Over(journal, engine), 5, atMost: true);
        Target("swf-local with the durable journal, workflows/s >= 1,500 (measured / 1,500)", journal is null ? null : 1e9 / journal.MeanNs / 1500, 1);
        if (!BenchJobs.Quick)
        {
            Target("swf-local workflows/s / moto workflows/s >= 20x", Over(moto, swfLocal), 20);
        }

        foreach (var type in new[] { nameof(EngineRetainedExecutionsBenchmarks), nameof(SwfLocalRetainedExecutionsBenchmarks) })
        {
            var retained = results.Where(r => r.Type == type).OrderBy(r => r.Activities).ToList();
            if (retained.Count > 1)
            {
                Target($"{type}: time per workflow at {retained[^1].Activities:N0} / at {retained[0].Activities:N0} retained <= 1.2x", retained[^1].MeanNs / retained[0].MeanNs, 1.2, atMost: true);
            }
        }

        Target("Memory per cached run < 4 KB (measured / 4 KB)", memory.First / 4096.0, 1, atMost: true);
        Target("Worker with 10,000 open runs < 100 MB (measured / 100 MB)", memory.TenThousand.Worker / (100.0 * 1048576), 1, atMost: true);
        return table.ToString();
    }

    private static string PerEvent(Result r, int activities) => Bytes(r.Allocated / SwfHistories.EventCount(activities));

    private static string Ratio(double a, double b) => (a / b).ToString("0.00", Invariant) + "x";

    private static string PerSecond(Result? r) => r is null || double.IsNaN(r.MeanNs) ? string.Empty : (1e9 / r.MeanNs).ToString("N1", Invariant);

    private static string Time(double? ns) => ns switch
    {
        null => "not run",
        double.NaN => "not measured",
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

    private sealed record Memory(long First, long Late, (long PerInstance, long Worker) TenThousand);
}
