namespace UserApp.Tests.Travel;

/// <summary>The bank's receipt for a charge.</summary>
public sealed record Receipt(string TripId, decimal Amount, string ChargeId);
