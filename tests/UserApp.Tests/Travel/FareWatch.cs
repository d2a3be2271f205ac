namespace UserApp.Tests.Travel;

/// <summary>Watch a route's fare daily until it drops to the target; carried from run to run.</summary>
public sealed record FareWatch(string Route, decimal Target, int ChecksSoFar = 0);
