using Moq;
using Swf.Client;
using Swf.Testing;

namespace Docs.Snippets.Activities;

public sealed class WarehouseActivitiesTests
{
    #region activity-test
    [Fact]
    public async Task ShipAsync_ThreePallets_HeartbeatsAfterEach()
    {
        using var env = new ActivityTestEnvironment();
        var desk = new RefundDesk(Mock.Of<ISwfClient>());
        var activities = new WarehouseActivities(desk);

        var shipped = await env.RunAsync(
            () => activities.ShipAsync("order-1", env.Context.CancellationToken));

        Assert.Equal(3, shipped);
        Assert.Equal(["1", "2", "3"], env.Heartbeats);
    }
    #endregion
}
