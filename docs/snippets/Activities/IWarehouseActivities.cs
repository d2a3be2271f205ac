using Swf.Activities;

namespace Docs.Snippets.Activities;

#region naming
// NamePrefix replaces the default prefix ("Warehouse", the interface name without its "I"):
// PackAsync is "Shop.Warehouse.Pack", and [Activity("...")] names one type outright.
[Activities(NamePrefix = "Shop.Warehouse", Version = "2", TaskList = "warehouse",
    ScheduleToStartTimeout = "01:00:00", StartToCloseTimeout = "00:10:00", ScheduleToCloseTimeout = "02:00:00")]
public interface IWarehouseActivities
{
    Task<string> PackAsync(string orderId);

    // A long activity: it must heartbeat at least every 30 seconds, or SWF times it out (HEARTBEAT).
    [Activity(HeartbeatTimeout = "00:00:30", StartToCloseTimeout = "04:00:00")]
    Task<int> ShipAsync(string orderId, CancellationToken cancellationToken);

    [Activity("shop-approve-refund", StartToCloseTimeout = "7.00:00:00", ScheduleToCloseTimeout = "7.01:00:00")]
    Task<bool> ApproveRefundAsync(string orderId);
}
#endregion
