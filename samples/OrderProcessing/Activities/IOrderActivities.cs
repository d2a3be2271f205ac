using OrderProcessing.Orders;
using Swf.Activities;

namespace OrderProcessing.Activities;

/// <summary>
/// The quick steps of an order, run by workers of the <c>orders</c> task list. A worker that dies
/// mid-task loses it for at most the 10-second start-to-close timeout; the workflow then retries it.
/// </summary>
[Activities(TaskList = "orders", ScheduleToStartTimeout = "01:00:00", StartToCloseTimeout = "00:00:10", ScheduleToCloseTimeout = "02:00:00")]
public interface IOrderActivities
{
    /// <summary>Checks that the order makes sense (quantity, amount, customer).</summary>
    Task<Verification> VerifyOrderAsync(Order order);

    /// <summary>Charges the customer; idempotent per order, so a retried charge never charges twice.</summary>
    Task<Receipt> ChargePaymentAsync(PaymentRequest request);

    /// <summary>Gives a charge back (the compensation of a failed shipment).</summary>
    Task RefundPaymentAsync(Receipt receipt);

    /// <summary>Tells the customer the parcel is on its way.</summary>
    Task NotifyDeliveryAsync(Order order, Shipment shipment);

    /// <summary>Records how the order ended in the orders database; idempotent per order.</summary>
    Task RecordOrderAsync(Order order, OrderResult result);
}
