using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Swf.Benchmarks;

/// <summary>
/// The jobs: short but stable, in process (no per-run project build, and Temporal's native core loads
/// once), so that a full run fits in about 20 minutes on two cores.
/// </summary>
public static class BenchJobs
{
    /// <summary>Gets or sets a value indicating whether this is a <c>--quick</c> run: two history sizes, fewer iterations, no Temporal, no moto, no 100,000 retained runs.</summary>
    public static bool Quick { get; set; }

    /// <summary>Microbenchmarks: a pilot picks the invocation count, then 12 iterations of about 400 ms (8 of 250 ms left single runs 1.2x apart on this shared machine).</summary>
    public static readonly Job Micro = Base("micro").WithWarmupCount(3).WithIterationCount(12).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(400));

    /// <summary>Temporal's replayer takes seconds per replay at the larger sizes: fewer iterations.</summary>
    public static readonly Job Slow = Base("slow").WithWarmupCount(1).WithIterationCount(3).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250));

    /// <summary>Cache hits: a fixed number of invocations per iteration, each iteration from a fresh cache.</summary>
    public static readonly Job Hit = Base("hit").WithWarmupCount(2).WithIterationCount(10).WithInvocationCount(DecisionTaskHitBenchmarks.InvocationsPerIteration).WithUnrollFactor(1);

    /// <summary>
    /// End to end: each invocation is a batch of workflows; no pilot. Twenty warm-up batches: over HTTP a process runs
    /// some 13,000 methods (Kestrel, HttpClient, JSON, the SDK), and the tiered JIT takes tens of seconds to compile
    /// their optimized code; with one warm-up batch the swf-local rows measured mostly unoptimized code (a profile of
    /// the --e2e probe showed the JIT's thread at 13-21% of the process's CPU 10-40 seconds in).
    /// </summary>
    public static readonly Job EndToEnd = Base("e2e").WithStrategy(RunStrategy.Monitoring).WithWarmupCount(20).WithIterationCount(5);

    /// <summary>
    /// moto: a batch (of 20 workflows, <see cref="MotoEndToEndBenchmarks.WorkflowsPerBatch"/>) takes it seconds, and each
    /// one leaves it slower (it scans every execution it holds), so two warm-ups and three iterations, with a longer limit
    /// than the in-process toolchain's default, which gave up on batches of 200.
    /// </summary>
    public static readonly Job Moto = EndToEnd.WithWarmupCount(2).WithIterationCount(3).WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(20), logOutput: true));

    /// <summary>Returns the config: memory diagnoser on, one job per benchmark class.</summary>
    /// <param name="job">The job.</param>
    /// <returns>The config.</returns>
    public static IConfig Config(Job job) => ManualConfig.CreateEmpty()
        .AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray())
        .AddLogger(DefaultConfig.Instance.GetLoggers().ToArray())
        .AddExporter(DefaultConfig.Instance.GetExporters().ToArray())
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddJob(job)
        .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.JoinSummary);

    /// <summary>Returns the job a run uses: in a quick run, one warmup (ten end to end) and three iterations.</summary>
    /// <param name="job">The full run's job.</param>
    /// <returns>The job.</returns>
    public static Job ForRun(Job job) =>
        !Quick ? job
        : job.Run.RunStrategy == RunStrategy.Monitoring ? job.WithWarmupCount(Math.Min(job.Run.WarmupCount, 10)).WithIterationCount(3) // end to end: still warmed (see EndToEnd)
        : job.WithWarmupCount(1).WithIterationCount(3);

    private static Job Base(string id) => Job.Default.WithId(id).WithLaunchCount(1).WithToolchain(InProcessEmitToolchain.Instance);
}
