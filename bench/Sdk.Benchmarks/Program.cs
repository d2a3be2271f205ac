using BenchmarkDotNet.Running;
using Swf.Benchmarks;

// --verify: correctness checks of the benchmark histories. --table: every benchmark, one table.
// --startup [n...]: swf-local's start-up on a store of n completed workflows, journal only and from a snapshot.
// --startup-phases [n...]: the same stores, start-up split into its phases (store, snapshot read, load, replay, server).
// Anything else goes to BenchmarkSwitcher (for example --filter '*Replay*').
return args switch
{
    ["--verify"] => await Verify.RunAsync(),
    ["--profile-parse", .. var sizes] => ParseProfile.Run(sizes),
    ["--e2e", .. var probe] => await E2eProbe.RunAsync(probe),
    ["--startup", .. var counts] => await StartupProfile.RunAsync(counts),
    ["--startup-phases", .. var counts] => await StartupPhases.RunAsync(counts),
    ["--table", .. var rest] => ResultTable.Run(rest),
    _ => Switch(args),
};

static int Switch(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(ReplayBenchmarks).Assembly).Run(args, BenchJobs.Config(BenchJobs.Micro));
    return 0;
}
