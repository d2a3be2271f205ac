using System.Collections.Concurrent;
using Swf.Activities;
using Swf.Converters;
using Swf.Workflows;

namespace Swf.Registration;

/// <summary>
/// Where code emitted by the Swf.Sdk source generator registers what it generated, from module
/// initializers: workflow definitions by workflow class, activity proxies and activity dispatchers by
/// <c>[Activities]</c> interface. Lookups are by <see cref="Type"/>, with no reflection, so they work
/// in trimmed and Native AOT apps. Hosting finds definitions here.
/// </summary>
public static class SwfRegistry
{
    private static readonly ConcurrentDictionary<Type, WorkflowDefinition> Workflows = new();
    private static readonly ConcurrentDictionary<Type, Delegate> Proxies = new();
    private static readonly ConcurrentDictionary<Type, Delegate> Dispatchers = new();

    /// <summary>Gets every registered workflow definition, ordered by workflow type name and version.</summary>
    public static IReadOnlyList<WorkflowDefinition> WorkflowDefinitions =>
        [.. Workflows.Values.OrderBy(d => d.WorkflowType.Name, StringComparer.Ordinal).ThenBy(d => d.WorkflowType.Version, StringComparer.Ordinal)];

    /// <summary>Registers the definition of a workflow class (generated code calls this).</summary>
    /// <typeparam name="TWorkflow">The workflow class.</typeparam>
    /// <param name="definition">Its definition.</param>
    public static void RegisterWorkflow<TWorkflow>(WorkflowDefinition definition)
        where TWorkflow : class
    {
        ArgumentNullException.ThrowIfNull(definition);
        Workflows[typeof(TWorkflow)] = definition;
    }

    /// <summary>Registers the factory of an activities interface's workflow-side proxy (generated code calls this).</summary>
    /// <typeparam name="TActivities">The <c>[Activities]</c> interface.</typeparam>
    /// <param name="factory">Creates a proxy that schedules the activities with the given options.</param>
    public static void RegisterActivityProxy<TActivities>(Func<ActivityOptions?, TActivities> factory)
        where TActivities : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        Proxies[typeof(TActivities)] = factory;
    }

    /// <summary>Registers the activity-side dispatcher of an activities interface (generated code calls this).</summary>
    /// <typeparam name="TActivities">The <c>[Activities]</c> interface.</typeparam>
    /// <param name="factory">Builds the activity definitions from a per-task implementation factory and a payload converter.</param>
    public static void RegisterActivities<TActivities>(Func<Func<TActivities>, IPayloadConverter, IReadOnlyList<ActivityDefinition>> factory)
        where TActivities : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        Dispatchers[typeof(TActivities)] = factory;
    }

    /// <summary>Returns the definition generated for a workflow class.</summary>
    /// <typeparam name="TWorkflow">The <c>[Workflow]</c> class.</typeparam>
    /// <returns>The definition.</returns>
    /// <exception cref="InvalidOperationException">Nothing was generated for the class.</exception>
    public static WorkflowDefinition GetWorkflowDefinition<TWorkflow>()
        where TWorkflow : class => GetWorkflowDefinition(typeof(TWorkflow));

    /// <summary>Returns the definition generated for a workflow class.</summary>
    /// <param name="workflowClass">The <c>[Workflow]</c> class.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="InvalidOperationException">Nothing was generated for the class.</exception>
    public static WorkflowDefinition GetWorkflowDefinition(Type workflowClass)
    {
        ArgumentNullException.ThrowIfNull(workflowClass);
        return Workflows.TryGetValue(workflowClass, out var definition)
            ? definition
            : throw NotGenerated(workflowClass, "[Workflow] class");
    }

    /// <summary>Creates the workflow-side proxy of an activities interface.</summary>
    /// <typeparam name="TActivities">The <c>[Activities]</c> interface.</typeparam>
    /// <param name="options">How its activities are scheduled, or null for the registered defaults.</param>
    /// <returns>The proxy.</returns>
    /// <exception cref="InvalidOperationException">Nothing was generated for the interface.</exception>
    public static TActivities CreateActivityProxy<TActivities>(ActivityOptions? options)
        where TActivities : class =>
        Proxies.TryGetValue(typeof(TActivities), out var factory)
            ? ((Func<ActivityOptions?, TActivities>)factory)(options)
            : throw NotGenerated(typeof(TActivities), "[Activities] interface");

    /// <summary>Builds the activity definitions of an activities interface over an implementation created per task.</summary>
    /// <typeparam name="TActivities">The <c>[Activities]</c> interface.</typeparam>
    /// <param name="implementation">Creates the implementation that runs a task (called once per task).</param>
    /// <param name="converter">Decodes inputs and encodes results; use the converter the workflows use.</param>
    /// <returns>One definition per activity method.</returns>
    /// <exception cref="InvalidOperationException">Nothing was generated for the interface.</exception>
    public static IReadOnlyList<ActivityDefinition> CreateActivityDefinitions<TActivities>(Func<TActivities> implementation, IPayloadConverter converter)
        where TActivities : class
    {
        ArgumentNullException.ThrowIfNull(implementation);
        ArgumentNullException.ThrowIfNull(converter);
        return Dispatchers.TryGetValue(typeof(TActivities), out var factory)
            ? ((Func<Func<TActivities>, IPayloadConverter, IReadOnlyList<ActivityDefinition>>)factory)(implementation, converter)
            : throw NotGenerated(typeof(TActivities), "[Activities] interface");
    }

    /// <summary>Builds the activity definitions of an activities interface over one implementation instance.</summary>
    /// <typeparam name="TActivities">The <c>[Activities]</c> interface.</typeparam>
    /// <param name="implementation">The implementation that runs every task.</param>
    /// <param name="converter">Decodes inputs and encodes results; use the converter the workflows use.</param>
    /// <returns>One definition per activity method.</returns>
    /// <exception cref="InvalidOperationException">Nothing was generated for the interface.</exception>
    public static IReadOnlyList<ActivityDefinition> CreateActivityDefinitions<TActivities>(TActivities implementation, IPayloadConverter converter)
        where TActivities : class
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return CreateActivityDefinitions(() => implementation, converter);
    }

    private static InvalidOperationException NotGenerated(Type type, string what) =>
        new($"No generated code is registered for {type.FullName}. Mark it as an {what} and reference the Swf.Sdk.Generators analyzer (it comes with the Swf.Sdk package).");
}
