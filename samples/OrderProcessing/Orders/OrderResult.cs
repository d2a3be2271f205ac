namespace OrderProcessing.Orders;

/// <summary>How an order ended: the workflow's result, and the row recorded in the database.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Detail">A readable explanation.</param>
/// <param name="ChargeId">The charge, when there was one.</param>
/// <param name="TrackingNumber">The parcel, when it shipped.</param>
public sealed record OrderResult(string OrderId, OrderStatus Status, string Detail, string? ChargeId = null, string? TrackingNumber = null);
