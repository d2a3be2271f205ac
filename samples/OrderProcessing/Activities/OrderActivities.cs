using Microsoft.Extensions.Logging;
using OrderProcessing.Data;
using OrderProcessing.Orders;
using OrderProcessing.Payments;

namespace OrderProcessing.Activities;

/// <summary>The <c>orders</c> task list's activities; created from DI for each task.</summary>
public sealed class OrderActivities(PaymentGateway payments, OrderDatabase database, ILogger<OrderActivities> logger) : IOrderActivities
{
    /// <inheritdoc/>
    public Task<Verification> VerifyOrderAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var problem = order switch
        {
            { Quantity: <= 0 } => "the quantity must be positive",
            { Total: <= 0 } => "the total must be positive",
            { Customer.Length: 0 } => "the customer is missing",
            _ => null,
        };
        logger.LogInformation("Orders: verified order {OrderId} ({Quantity} x {Item} for {Customer}, {Total}): {Verdict}", order.Id, order.Quantity, order.Item, order.Customer, order.Total, problem ?? "ok");
        return Task.FromResult(new Verification(problem is null, problem));
    }

    /// <inheritdoc/>
    public async Task<Receipt> ChargePaymentAsync(PaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var receipt = await payments.ChargeAsync(request);
        logger.LogInformation("Payments: charged order {OrderId} {Amount} by {Method} ({ChargeId})", request.OrderId, receipt.Amount, receipt.Method, receipt.ChargeId);
        return receipt;
    }

    /// <inheritdoc/>
    public async Task RefundPaymentAsync(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        await payments.RefundAsync(receipt);
        logger.LogInformation("Payments: refunded {ChargeId} ({Amount}) of order {OrderId}", receipt.ChargeId, receipt.Amount, receipt.OrderId);
    }

    /// <inheritdoc/>
    public Task NotifyDeliveryAsync(Order order, Shipment shipment)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(shipment);
        logger.LogInformation("Notifications: told {Customer} that order {OrderId} is on its way (tracking {TrackingNumber})", order.Customer, order.Id, shipment.TrackingNumber);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task RecordOrderAsync(Order order, OrderResult result)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(result);
        var written = await database.RecordOrderAsync(order, result);
        logger.LogInformation("Database: order {OrderId} recorded as {Status}{Again}", order.Id, result.Status, written ? string.Empty : " (already there)");
    }
}
