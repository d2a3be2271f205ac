using OrderProcessing.Orders;
using Swf.Activities;

namespace OrderProcessing.Activities;

/// <summary>
/// The warehouse's steps, run by workers of the <c>warehouse</c> task list (on the warehouse's own
/// machines, if you like). Shipping takes long, so it heartbeats: when a worker dies, SWF notices within
/// the heartbeat timeout instead of the whole start-to-close timeout.
/// </summary>
[Activities(TaskList = "warehouse", ScheduleToStartTimeout = "1.00:00:00", StartToCloseTimeout = "01:00:00", ScheduleToCloseTimeout = "2.00:00:00")]
public interface IWarehouseActivities
{
    /// <summary>Picks, packs and hands the order to the carrier.</summary>
    [Activity(HeartbeatTimeout = "00:00:05")]
    Task<Shipment> ShipOrderAsync(Order order, CancellationToken cancellationToken);
}
