using Microsoft.Extensions.DependencyInjection;
using Swf.Activities;
using Swf.Converters;
using Swf.Workflows;

namespace Swf.Hosting;

/// <summary>
/// The workflow and activity definitions added with <see cref="ISwfBuilder"/>, resolved from the
/// container: activities run each task in a new DI scope. Workers and test environments build on it.
/// </summary>
public sealed class SwfWorkerDefinitions
{
    /// <summary>Initializes the definitions; the container creates them.</summary>
    /// <param name="services">The container.</param>
    public SwfWorkerDefinitions(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        PayloadConverter = services.GetRequiredService<IPayloadConverter>();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        Workflows = [.. services.GetServices<SwfWorkflowRegistration>().Select(r => r.Definition())];
        Activities = [.. services.GetServices<SwfActivitiesRegistration>().SelectMany(r => ActivityScope.PerTask(r.Definitions(services, PayloadConverter), scopes))];
    }

    /// <summary>Gets the workflow definitions.</summary>
    public IReadOnlyList<WorkflowDefinition> Workflows { get; }

    /// <summary>Gets the activity definitions, each running its tasks in a new scope.</summary>
    public IReadOnlyList<ActivityDefinition> Activities { get; }

    /// <summary>Gets the converter of payloads.</summary>
    public IPayloadConverter PayloadConverter { get; }
}
