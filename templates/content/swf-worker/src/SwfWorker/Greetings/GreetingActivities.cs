namespace SwfWorker.Greetings;

/// <summary>The activities' implementation, taken from DI (one scope per task).</summary>
public sealed class GreetingActivities : IGreetingActivities
{
    /// <inheritdoc/>
    public Task<string> ComposeGreetingAsync(string name) => Task.FromResult($"Hello, {name}!");
}
