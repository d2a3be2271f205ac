using Microsoft.Extensions.Hosting;

namespace OrderProcessing.Commands;

/// <summary>
/// <c>worker --endpoint URL | --region R [--profile P]</c>: runs the decider and both task lists'
/// activity workers until Ctrl+C. Start as many as you like, on as many machines: SWF hands each task
/// to one of them, and a task lost with a dead worker times out and is retried elsewhere.
/// </summary>
public static class WorkerCommand
{
    /// <summary>Runs the workers.</summary>
    /// <param name="commandLine">The command line.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        if (commandLine.UsesLocalEngine)
        {
            throw new UsageException("worker: give --endpoint URL (swf-local) or --region REGION [--profile P] (AWS); to run everything in one process, use the demo command.");
        }

        using var host = Hosting.SampleHost.BuildWorkerHost(commandLine);
        await host.StartAsync();
        Console.WriteLine($"OrderProcessing worker {Environment.ProcessId} running against {commandLine.Target}; Ctrl+C stops it.");
        await host.WaitForShutdownAsync();
        return 0;
    }
}
