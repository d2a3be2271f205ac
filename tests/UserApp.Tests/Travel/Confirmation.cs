namespace UserApp.Tests.Travel;

/// <summary>The traveler confirms the booked trip (a signal).</summary>
public sealed record Confirmation(string By);
