using OrderProcessing.Orders;
using OrderProcessing.Payments;
using Swf.Model;

namespace OrderProcessing.Tests;

public sealed class OrderWorkflowTests
{
    [Fact]
    public async Task RunAsync_Approved_ShipsNotifiesAndRecords()
    {
        await using var scenario = await OrderScenario.StartAsync();
        var handle = await scenario.Client.StartAsync(OrderScenario.NewOrder("1"), Order.WorkflowId("1"));
        await scenario.Environment.RunUntilIdleAsync();
        await handle.SignalApproveAsync(new Approval("maria"));
        await scenario.Environment.RunUntilClosedAsync();

        Assert.Equal(new OrderResult("1", OrderStatus.Delivered, "delivered, paid by Card", "ch_1", "TRK-1"), await handle.GetResultAsync());
        var history = await scenario.HistoryAsync(handle);
        Assert.Equal(
            ["OrderActivities.VerifyOrder", "OrderActivities.ChargePayment", "WarehouseActivities.ShipOrder", "OrderActivities.NotifyDelivery", "OrderActivities.RecordOrder"],
            history.Select(e => e.ActivityTaskScheduledEventAttributes?.ActivityType.Name).OfType<string>());
        var warehouse = history.Single(e => e.ActivityTaskScheduledEventAttributes?.ActivityType.Name == "WarehouseActivities.ShipOrder");
        Assert.Equal("warehouse", warehouse.ActivityTaskScheduledEventAttributes!.TaskList.Name);
    }

    [Fact]
    public async Task RunAsync_Approved_WritesOneDatabaseRow()
    {
        await using var scenario = await OrderScenario.StartAsync();
        var handle = await scenario.Client.StartAsync(OrderScenario.NewOrder("7", PaymentMethod.Wallet, total: 42.50m), Order.WorkflowId("7"));
        await handle.SignalApproveAsync(new Approval("maria"));
        await scenario.Environment.RunUntilClosedAsync();

        var row = Assert.Single(await scenario.Database.ListOrdersAsync());
        Assert.Equal(("7", "Ada", "SKU-LAPTOP", 42.50m, "Wallet", "Delivered", "ch_7", "TRK-7"), (row.OrderId, row.Customer, row.Item, row.Total, row.Payment, row.Status, row.ChargeId, row.TrackingNumber));
        var charge = Assert.Single(await scenario.Database.ListChargesAsync());
        Assert.Equal(("ch_7", 42.50m, false), (charge.ChargeId, charge.Amount, charge.Refunded));
    }

    [Fact]
    public async Task RunAsync_RejectedBySignal_ChargesNothingAndRecordsRejection()
    {
        await using var scenario = await OrderScenario.StartAsync();
        var handle = await scenario.Client.StartAsync(OrderScenario.NewOrder("2"), Order.WorkflowId("2"));
        await scenario.Environment.RunUntilIdleAsync();
        await handle.SignalRejectAsync(new Approval("maria", "fraud"));
        await scenario.Environment.RunUntilClosedAsync();

        Assert.Equal(new OrderResult("2", OrderStatus.Rejected, "rejected by maria: fraud"), await handle.GetResultAsync());
        Assert.Empty(await scenario.Database.ListChargesAsync());
        Assert.Equal("Rejected", Assert.Single(await scenario.Database.ListOrdersAsync()).Status);
    }

    [Fact]
    public async Task RunAsync_NobodyAnswers_RemindsAfterADayAndRejectsAfterTwo()
    {
        await using var scenario = await OrderScenario.StartAsync();
        var started = scenario.Environment.Clock.GetUtcNow();
        var handle = await scenario.Client.StartAsync(OrderScenario.NewOrder("3"), Order.WorkflowId("3"));

        // Two days of waiting, skipped by the fake clock.
        await scenario.Environment.RunUntilClosedAsync();

        Assert.Equal(new OrderResult("3", OrderStatus.Rejected, "no approval within 2.00:00:00"), await handle.GetResultAsync());
        var history = await scenario.HistoryAsync(handle);
        var timers = history.Where(e => e.TimerStartedEventAttributes is not null).Select(e => e.TimerStartedEventAttributes!.StartToFireTimeout);
        Assert.Equal(["86400", "86400"], timers);
        Assert.Equal(2, history.Count(e => e.EventType == EventType.TimerFired));
        Assert.InRange(history[^1].EventTimestamp - history[0].EventTimestamp, TimeSpan.FromDays(2), TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        Assert.True(scenario.Environment.Clock.GetUtcNow() - started >= TimeSpan.FromDays(2));
    }

    [Fact]
    public async Task RunAsync_ApprovedAfterReminder_Delivers()
    {
        await using var scenario = await OrderScenario.StartAsync();
        var handle = await scenario.Client.StartAsync(OrderScenario.NewOrder("4"), Order.WorkflowId("4"));
        await scenario.Environment.RunUntilIdleAsync();
        Assert.True(scenario.Environment.SkipToNextScheduledTime()); // the reminder
        await scenario.Environment.RunUntilIdleAsync();
        await handle.SignalApproveAsync(new Approval("maria"));
        await scenario.Environment.RunUntilClosedAsync();

        Assert.Equal(OrderStatus.Delivered, (await handle.GetResultAsync()).Status);
    }

    [Fact]
    public async Task RunAsync_NetBankingTimesOut_RetriesAndChargesOnce()
    {
        await using var scenario = await OrderScenario.StartAsync();
        var handle = await scenario.Client.StartAsync(OrderScenario.NewOrder("5", payment: null), Order.WorkflowId("5"));
        await handle.SignalApproveAsync(new Approval("maria"));
        await handle.SignalChoosePaymentAsync(PaymentMethod.NetBanking);
        await scenario.Environment.RunUntilClosedAsync();

        Assert.Equal(new OrderResult("5", OrderStatus.Delivered, "delivered, paid by NetBanking", "ch_5", "TRK-5"), await handle.GetResultAsync());
        var history = await scenario.HistoryAsync(handle);
        var failure = Assert.Single(history, e => e.ActivityTaskFailedEventAttributes is not null);
        Assert.Equal(typeof(TransientPaymentException).FullName, failure.ActivityTaskFailedEventAttributes!.Reason);
        Assert.Equal(2, history.Count(e => e.ActivityTaskScheduledEventAttributes?.ActivityType.Name == "OrderActivities.ChargePayment"));
        Assert.Equal(2, await scenario.Database.ChargeAttemptsAsync("5"));
        Assert.Single(await scenario.Database.ListChargesAsync());
    }

    [Fact]
    public async Task RunAsync_CardDeclined_FailsPaymentWithoutRetry()
    {
        await using var scenario = await OrderScenario.StartAsync();
        var handle = await scenario.Client.StartAsync(OrderScenario.NewOrder("6", total: 9_999m), Order.WorkflowId("6"));
        await handle.SignalApproveAsync(new Approval("maria"));
        await scenario.Environment.RunUntilClosedAsync();

        var result = await handle.GetResultAsync();
        Assert.Equal(OrderStatus.PaymentFailed, result.Status);
        Assert.Equal("payment failed: PaymentDeclinedException: the card's limit is 5000", result.Detail);
        Assert.Equal(1, await scenario.Database.ChargeAttemptsAsync("6"));
    }

    [Fact]
    public async Task RunAsync_OutOfStock_RefundsThePayment()
    {
        await using var scenario = await OrderScenario.StartAsync();
        var handle = await scenario.Client.StartAsync(OrderScenario.NewOrder("8", PaymentMethod.Wallet, item: "SKU-SOLD-OUT", total: 89.90m), Order.WorkflowId("8"));
        await handle.SignalApproveAsync(new Approval("maria"));
        await scenario.Environment.RunUntilClosedAsync();

        Assert.Equal(new OrderResult("8", OrderStatus.Refunded, "shipping failed: OutOfStockException: SKU-SOLD-OUT is out of stock", "ch_8"), await handle.GetResultAsync());
        var history = await scenario.HistoryAsync(handle);
        Assert.Single(history, e => e.ActivityTaskScheduledEventAttributes?.ActivityType.Name == "WarehouseActivities.ShipOrder");
        Assert.Contains(history, e => e.ActivityTaskScheduledEventAttributes?.ActivityType.Name == "OrderActivities.RefundPayment");
        Assert.DoesNotContain(history, e => e.ActivityTaskScheduledEventAttributes?.ActivityType.Name == "OrderActivities.NotifyDelivery");
        Assert.True(Assert.Single(await scenario.Database.ListChargesAsync()).Refunded);
        Assert.Equal("Refunded", Assert.Single(await scenario.Database.ListOrdersAsync()).Status);
    }

    [Fact]
    public async Task RunAsync_InvalidOrder_RejectedWithoutAsking()
    {
        await using var scenario = await OrderScenario.StartAsync();
        var handle = await scenario.Client.StartAsync(OrderScenario.NewOrder("9") with { Quantity = 0 }, Order.WorkflowId("9"));
        await scenario.Environment.RunUntilClosedAsync();

        Assert.Equal(new OrderResult("9", OrderStatus.Rejected, "verification failed: the quantity must be positive"), await handle.GetResultAsync());
    }
}
