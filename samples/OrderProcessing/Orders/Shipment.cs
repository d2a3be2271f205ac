namespace OrderProcessing.Orders;

/// <summary>A parcel handed to the carrier.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="TrackingNumber">The carrier's tracking number.</param>
public sealed record Shipment(string OrderId, string TrackingNumber);
