namespace UserApp.Tests.Travel;

/// <summary>What to charge the traveler.</summary>
public sealed record Charge(string TripId, decimal Amount);
