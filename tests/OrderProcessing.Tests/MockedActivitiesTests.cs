using Microsoft.Extensions.DependencyInjection;
using Moq;
using OrderProcessing.Activities;
using OrderProcessing.Orders;
using OrderProcessing.Payments;

namespace OrderProcessing.Tests;

/// <summary>Activity implementations replaced by Moq mocks through DI, as a test of a user's own workflow would do.</summary>
public sealed class MockedActivitiesTests
{
    [Fact]
    public async Task RunAsync_WarehouseMockThrows_WorkflowRefundsThroughTheRealPaymentActivities()
    {
        var warehouse = new Mock<IWarehouseActivities>(MockBehavior.Strict);
        warehouse.Setup(w => w.ShipOrderAsync(It.IsAny<Order>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("the forklift is broken"));
        await using var scenario = await OrderScenario.StartAsync(services => services.AddSingleton(warehouse.Object));
        var handle = await scenario.Client.StartAsync(OrderScenario.NewOrder("9", PaymentMethod.Card, total: 120m), Order.WorkflowId("9"));

        await handle.SignalApproveAsync(new Approval("maria"));
        await scenario.Environment.RunUntilClosedAsync();

        var result = await handle.GetResultAsync();
        Assert.Equal(OrderStatus.Refunded, result!.Status);
        Assert.Contains("the forklift is broken", result.Detail, StringComparison.Ordinal);
        warehouse.Verify(w => w.ShipOrderAsync(It.Is<Order>(o => o.Id == "9"), It.IsAny<CancellationToken>()), Times.AtLeastOnce());
    }
}
