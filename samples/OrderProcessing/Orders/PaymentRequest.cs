namespace OrderProcessing.Orders;

/// <summary>What to charge.</summary>
/// <param name="OrderId">The order (also the gateway's idempotency key).</param>
/// <param name="Amount">The amount.</param>
/// <param name="Method">The customer's payment method.</param>
public sealed record PaymentRequest(string OrderId, decimal Amount, PaymentMethod Method);
