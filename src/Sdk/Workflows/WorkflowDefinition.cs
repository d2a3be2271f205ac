using Swf.Model;

namespace Swf.Workflows;

/// <summary>
/// Everything the runtime needs to run a workflow type: its SWF type and registration defaults, a
/// factory, and how to run it and deliver its signals with encoded payloads. The source generator
/// emits one per <c>[Workflow]</c> class; it can also be written by hand.
/// </summary>
public sealed class WorkflowDefinition
{
    /// <summary>Gets the workflow type (name and version).</summary>
    public required WorkflowType WorkflowType { get; init; }

    /// <summary>Gets the default task list registered with the type.</summary>
    public string? DefaultTaskList { get; init; }

    /// <summary>Gets the default execution start-to-close timeout registered with the type.</summary>
    public TimeSpan? DefaultExecutionStartToCloseTimeout { get; init; }

    /// <summary>Gets the default decision task start-to-close timeout registered with the type.</summary>
    public TimeSpan? DefaultTaskStartToCloseTimeout { get; init; }

    /// <summary>Gets the default child policy registered with the type.</summary>
    public ChildPolicy? DefaultChildPolicy { get; init; }

    /// <summary>Gets the default task priority registered with the type.</summary>
    public int? DefaultTaskPriority { get; init; }

    /// <summary>Gets the default IAM role of the type's Lambda tasks (<c>defaultLambdaRole</c>) registered with the type.</summary>
    public string? DefaultLambdaRole { get; init; }

    /// <summary>Gets the type's description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the factory of a new workflow object, called once per run.</summary>
    public required Func<object> CreateInstance { get; init; }

    /// <summary>Gets the run method: takes the object and the encoded input, returns the encoded result.</summary>
    public required Func<object, string?, Task<string?>> Run { get; init; }

    /// <summary>Gets the signal handlers by signal name: each takes the object and the encoded signal input.</summary>
    public IReadOnlyDictionary<string, Func<object, string?, Task>> Signals { get; init; } = new Dictionary<string, Func<object, string?, Task>>();

    /// <summary>
    /// Gets the queries by name: each takes the object and returns the query's encoded value (JSON). After every
    /// decision task the runtime runs them on the workflow scheduler and sends their values as the execution context
    /// (see docs/queries.md). A query must not change the workflow's state.
    /// </summary>
    public IReadOnlyDictionary<string, Func<object, string?>> Queries { get; init; } = new Dictionary<string, Func<object, string?>>();
}
