using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Swf.Benchmarks;

/// <summary>
/// The same test on Microsoft.DurableTask's in-process test host: the same three activities, without the day's
/// timer, because that host has no time skipping (its timers fire on the real clock, so a one-day timer would
/// take a day).
/// </summary>
public static class DurableTaskOrderTest
{
    // Its host logs every work item at Information to the console by default; a test suite would turn that off too.
    private static readonly DurableTaskTestHostOptions Options = new() { LoggerFactory = NullLoggerFactory.Instance };

    /// <summary>Runs the test once.</summary>
    /// <param name="order">The order id.</param>
    /// <returns>The orchestration's output.</returns>
    public static async Task<string> RunAsync(string order)
    {
        await using var host = await DurableTaskTestHost.StartAsync(tasks =>
        {
            tasks.AddOrchestratorFunc<string, string>("Order", async (context, input) =>
            {
                var reservation = await context.CallActivityAsync<string>("Reserve", input);
                var receipt = await context.CallActivityAsync<string>("Charge", reservation);
                return await context.CallActivityAsync<string>("Ship", receipt);
            });
            tasks.AddActivityFunc<string, string>("Reserve", (_, input) => "reserved " + input);
            tasks.AddActivityFunc<string, string>("Charge", (_, input) => "charged " + input);
            tasks.AddActivityFunc<string, string>("Ship", (_, input) => "shipped " + input);
        }, options: Options);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Order", order);
        var metadata = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        return metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed
            ? metadata.ReadOutputAs<string>()!
            : throw new InvalidOperationException($"The orchestration ended {metadata.RuntimeStatus}.");
    }
}
