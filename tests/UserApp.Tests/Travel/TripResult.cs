namespace UserApp.Tests.Travel;

/// <summary>How a trip ended, with its booking reference and, when paid, the charge.</summary>
public sealed record TripResult(string TripId, TripStatus Status, string Detail, string Reference, string? ChargeId = null);
