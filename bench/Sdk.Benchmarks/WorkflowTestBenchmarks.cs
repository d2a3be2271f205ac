using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace Swf.Benchmarks;

/// <summary>
/// How long one workflow test takes, written as a user writes it: ours on <c>SwfTestEnvironment</c> (three
/// activities and a one-day timer, skipped), Microsoft.DurableTask's <c>DurableTaskTestHost</c> on the same
/// activities without the timer (it has no time skipping).
/// </summary>
public class WorkflowTestBenchmarks
{
    private int _test;

    /// <summary>Ours: start the environment, run the workflow, get the result, dispose.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Benchmark(Baseline = true)]
    public async Task Ours()
    {
        var order = (++_test).ToString(CultureInfo.InvariantCulture);
        Check(await OrderWorkflowTest.RunAsync(order), order);
    }

    /// <summary>Microsoft.DurableTask.InProcessTestHost: start the host, run the orchestration, get the output, dispose.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Benchmark]
    public async Task DurableTask()
    {
        var order = (++_test).ToString(CultureInfo.InvariantCulture);
        Check(await DurableTaskOrderTest.RunAsync(order), order);
    }

    private static void Check(string result, string order)
    {
        if (result != OrderWorkflowTest.Expected(order))
        {
            throw new InvalidOperationException($"Wrong result: {result}");
        }
    }
}
