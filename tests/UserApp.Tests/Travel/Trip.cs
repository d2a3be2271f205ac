namespace UserApp.Tests.Travel;

/// <summary>A trip to book: a flight and a hotel, a car when asked, a visa when the destination needs one.</summary>
public sealed record Trip(string Id, string Traveler, string Destination, decimal Price, bool NeedsVisa = false, bool RentCar = false);
