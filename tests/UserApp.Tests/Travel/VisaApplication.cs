namespace UserApp.Tests.Travel;

/// <summary>A visa application, handled by its own workflow.</summary>
public sealed record VisaApplication(string TripId, string Traveler, string Destination);
