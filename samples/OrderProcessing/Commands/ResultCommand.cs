using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderProcessing.Hosting;
using OrderProcessing.Orders;
using OrderProcessing.Workflows;
using Swf.Client;
using Swf.Model;

namespace OrderProcessing.Commands;

/// <summary>
/// <c>result ORDER_ID</c> waits for the order to finish and prints its result as JSON;
/// <c>history ORDER_ID</c> prints its history as a timeline.
/// </summary>
public static class ResultCommand
{
    /// <summary>Prints the result or the history.</summary>
    /// <param name="commandLine">The command line.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var orderId = commandLine.Operand(0, "ORDER_ID");
        await using var services = SampleHost.BuildClientServices(commandLine);
        var handle = new OrderWorkflowClient(services.GetRequiredService<WorkflowClient>()).GetHandle(Order.WorkflowId(orderId));
        if (commandLine.Command == "result")
        {
            var result = await handle.GetResultAsync();
            Console.WriteLine(JsonSerializer.Serialize(result, OrderJsonContext.Default.OrderResult));
            return 0;
        }

        var events = new List<HistoryEvent>();
        await foreach (var e in handle.Handle.GetHistoryAsync())
        {
            events.Add(e);
        }

        HistoryTimeline.Write(events, Console.Out);
        return 0;
    }
}
