using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderProcessing.Hosting;
using OrderProcessing.Orders;
using OrderProcessing.Workflows;
using Swf.Client;
using Swf.Hosting;

namespace OrderProcessing.Commands;

/// <summary>
/// <c>start ORDER_ID [--customer C] [--item SKU] [--quantity N] [--total AMOUNT] [--payment METHOD]
/// [--remind-after TIMESPAN] [--deadline TIMESPAN]</c>: places an order (registering the domain and types
/// first, which is idempotent) and prints its workflow and run ids.
/// </summary>
public static class StartCommand
{
    /// <summary>Places the order.</summary>
    /// <param name="commandLine">The command line.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var config = commandLine.Configuration;
        var order = new Order(
            commandLine.Operand(0, "ORDER_ID"),
            config["customer"] ?? "Ada",
            config["item"] ?? "SKU-LAPTOP",
            int.Parse(config["quantity"] ?? "1", CultureInfo.InvariantCulture),
            decimal.Parse(config["total"] ?? "100", CultureInfo.InvariantCulture),
            config["payment"] is { } payment ? Enum.Parse<PaymentMethod>(payment, ignoreCase: true) : null,
            config["remind-after"] is null && config["deadline"] is null
                ? null
                : new ApprovalPolicy(
                    TimeSpan.Parse(config["remind-after"] ?? "1.00:00:00", CultureInfo.InvariantCulture),
                    TimeSpan.Parse(config["deadline"] ?? "2.00:00:00", CultureInfo.InvariantCulture)));

        await using var services = SampleHost.BuildClientServices(commandLine);
        var definitions = services.GetRequiredService<SwfWorkerDefinitions>();
        var registrar = new SwfTypeRegistrar(services.GetRequiredService<ISwfClient>(), services.GetRequiredService<IOptions<SwfOptions>>().Value, services.GetRequiredService<ILoggerFactory>().CreateLogger("OrderProcessing.Start"));
        await registrar.RegisterAsync(definitions.Workflows, definitions.Activities, CancellationToken.None);

        var handle = await new OrderWorkflowClient(services.GetRequiredService<WorkflowClient>()).StartAsync(order, Order.WorkflowId(order.Id));
        Console.WriteLine($"started {handle.WorkflowId} run {handle.RunId}");
        return 0;
    }
}
