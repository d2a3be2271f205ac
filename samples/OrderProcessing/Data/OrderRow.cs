namespace OrderProcessing.Data;

/// <summary>A row of the <c>orders</c> table: one per finished order.</summary>
public sealed record OrderRow(string OrderId, string Customer, string Item, decimal Total, string? Payment, string Status, string Detail, string? ChargeId, string? TrackingNumber, string RecordedAt);
