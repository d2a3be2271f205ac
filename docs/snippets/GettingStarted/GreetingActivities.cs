namespace Docs.Snippets.GettingStarted;

#region activities-impl
// An ordinary class: the worker resolves it from DI, one scope per task.
public sealed class GreetingActivities : IGreetingActivities
{
    public Task<string> ComposeGreetingAsync(string name) =>
        Task.FromResult($"Hello, {name}!");
}
#endregion
