using Microsoft.Extensions.DependencyInjection;
using OrderProcessing.Hosting;
using OrderProcessing.Orders;
using OrderProcessing.Workflows;
using Swf.Client;

namespace OrderProcessing.Commands;

/// <summary>
/// <c>approve ORDER_ID [--by NAME] [--comment TEXT]</c>, <c>reject ORDER_ID [--by NAME] [--comment TEXT]</c>
/// and <c>pay ORDER_ID METHOD</c>: send the order's workflow a signal.
/// </summary>
public static class SignalCommand
{
    /// <summary>Sends the signal.</summary>
    /// <param name="commandLine">The command line.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var orderId = commandLine.Operand(0, "ORDER_ID");
        var answer = new Approval(commandLine.Configuration["by"] ?? Environment.UserName, commandLine.Configuration["comment"]);
        await using var services = SampleHost.BuildClientServices(commandLine);
        var handle = new OrderWorkflowClient(services.GetRequiredService<WorkflowClient>()).GetHandle(Order.WorkflowId(orderId));
        switch (commandLine.Command)
        {
            case "approve":
                await handle.SignalApproveAsync(answer);
                break;
            case "reject":
                await handle.SignalRejectAsync(answer);
                break;
            default:
                await handle.SignalChoosePaymentAsync(Enum.Parse<PaymentMethod>(commandLine.Operand(1, "METHOD"), ignoreCase: true));
                break;
        }

        Console.WriteLine($"{commandLine.Command}: signalled {handle.WorkflowId}");
        return 0;
    }
}
