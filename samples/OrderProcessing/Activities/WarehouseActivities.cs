using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderProcessing.Orders;
using OrderProcessing.Warehouse;
using Swf.Activities;

namespace OrderProcessing.Activities;

/// <summary>The <c>warehouse</c> task list's activities; created from DI for each task.</summary>
public sealed class WarehouseActivities(IOptions<WarehouseOptions> options, ILogger<WarehouseActivities> logger) : IWarehouseActivities
{
    private static readonly string[] Steps = ["picking", "packing", "handing to the carrier"];

    /// <inheritdoc/>
    public async Task<Shipment> ShipOrderAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (options.Value.OutOfStock.Contains(order.Item, StringComparer.OrdinalIgnoreCase))
        {
            throw new OutOfStockException($"{order.Item} is out of stock");
        }

        var context = ActivityContext.Current;
        foreach (var step in Steps)
        {
            logger.LogInformation("Warehouse: order {OrderId}: {Step}", order.Id, step);
            await Task.Delay(options.Value.StepDuration, cancellationToken);

            // Progress for SWF: proves this worker is alive (within the 5-second heartbeat timeout) and
            // learns whether the workflow wants the task cancelled.
            if (context is not null)
            {
                await context.HeartbeatAsync(step, cancellationToken);
            }
        }

        var shipment = new Shipment(order.Id, "TRK-" + order.Id);
        logger.LogInformation("Warehouse: order {OrderId} shipped ({TrackingNumber})", order.Id, shipment.TrackingNumber);
        return shipment;
    }
}
