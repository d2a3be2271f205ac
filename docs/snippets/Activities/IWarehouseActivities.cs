using Swf.Activities;

namespace Docs.Snippets.Activities;

#region naming
// NamePrefix replaces the default prefix ("Warehouse": the interface name
// without its "I"), so PackAsync is "Shop.Warehouse.Pack", version "2".
[Activities(
    NamePrefix = "Shop.Warehouse",
    Version = "2",
    TaskList = "warehouse",
    ScheduleToStartTimeout = "01:00:00",
    StartToCloseTimeout = "00:10:00",
    ScheduleToCloseTimeout = "02:00:00")]
public interface IWarehouseActivities
{
    Task<string> PackAsync(string orderId);

    // A long activity: without a heartbeat for 30 seconds, SWF times it out.
    [Activity(HeartbeatTimeout = "00:00:30", StartToCloseTimeout = "04:00:00")]
    Task<int> ShipAsync(string orderId, CancellationToken cancellationToken);

    // [Activity("name")] names a type outright.
    [Activity(
        "shop-approve-refund",
        StartToCloseTimeout = "7.00:00:00",
        ScheduleToCloseTimeout = "7.01:00:00")]
    Task<bool> ApproveRefundAsync(string orderId);
}
#endregion
