using BenchmarkDotNet.Running;
using Swf.Benchmarks;

// --verify: correctness checks of the benchmark histories. --table: every benchmark, one table.
// --startup [n...]: swf-local's start-up on a store of n completed workflows, journal only and from a snapshot.
// --startup-phases [n...]: the same stores, start-up split into its phases (store, snapshot read, load, replay, server).
// --memory: the table's memory rows alone (bytes held per cached run, and by a worker with 10,000 cached); with --hold
// it waits for a line on stdin while the 10,000 runs are held, for dotnet-gcdump.
// Anything else goes to BenchmarkSwitcher (for example --filter '*Replay*').
return args switch
{
    ["--verify"] => await Verify.RunAsync(),
    ["--profile-parse", .. var sizes] => ParseProfile.Run(sizes),
    ["--e2e", .. var probe] => await E2eProbe.RunAsync(probe),
    ["--startup", .. var counts] => await StartupProfile.RunAsync(counts),
    ["--startup-phases", .. var counts] => await StartupPhases.RunAsync(counts),
    ["--table", .. var rest] => ResultTable.Run(rest),
    ["--memory"] => Memory(hold: false),
    ["--memory", "--hold"] => Memory(hold: true),
    _ => Switch(args),
};

static int Memory(bool hold)
{
    Console.WriteLine($"held per cached run after the first task: {CachedInstanceMemory.BytesPerInstance(activities: 0, runs: 2000)} bytes");
    Console.WriteLine($"held per cached run after 1,000 activities: {CachedInstanceMemory.BytesPerInstance(activities: 1000, runs: 2000)} bytes");
    var (perInstance, worker) = CachedInstanceMemory.Measure(activities: 0, runs: 10_000, hold ? () =>
    {
        Console.WriteLine($"holding 10,000 cached runs in process {Environment.ProcessId}; press Enter to go on");
        Console.ReadLine();
    }
    : null);
    Console.WriteLine($"worker with 10,000 cached runs: {worker} bytes ({perInstance} per run)");
    return 0;
}

static int Switch(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(ReplayBenchmarks).Assembly).Run(args, BenchJobs.Config(BenchJobs.Micro));
    return 0;
}
