namespace UserApp.Tests.Travel;

/// <summary>Something booked for a trip, to be released if the trip does not go ahead.</summary>
public sealed record Reservation(string Kind, string Confirmation);
