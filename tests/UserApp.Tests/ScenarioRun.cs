using Swf.Client;
using Swf.Model;

namespace UserApp.Tests;

/// <summary>What a scenario leaves: the app (to inspect), the handle of the execution it started, and the executions whose histories are checked in, by history name.</summary>
internal sealed record ScenarioRun(TravelApp App, WorkflowHandle Handle, Dictionary<string, WorkflowExecution> Histories) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => App.DisposeAsync();
}
