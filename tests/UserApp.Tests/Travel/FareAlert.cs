namespace UserApp.Tests.Travel;

/// <summary>The fare dropped to the target.</summary>
public sealed record FareAlert(string Route, decimal Fare, int Checks);
