namespace OrderProcessing.Orders;

/// <summary>A successful charge.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="ChargeId">The gateway's id of the charge.</param>
/// <param name="Amount">The amount charged.</param>
/// <param name="Method">How it was paid.</param>
public sealed record Receipt(string OrderId, string ChargeId, decimal Amount, PaymentMethod Method);
