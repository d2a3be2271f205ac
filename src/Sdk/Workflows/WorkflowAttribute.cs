namespace Swf.Workflows;

/// <summary>
/// Marks a <c>partial</c> class as a workflow type. The Swf.Sdk source generator emits its
/// <see cref="WorkflowDefinition"/> (exposed as a static <c>SwfDefinition</c> property on the class),
/// a typed client and its registration. The properties are the type's SWF registration defaults.
/// </summary>
/// <remarks>
/// Durations are <see cref="TimeSpan"/> strings in the invariant "c" format (<c>"00:05:00"</c>,
/// <c>"30.00:00:00"</c>) of whole seconds, as SWF counts in seconds; the generator checks them.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class WorkflowAttribute : Attribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="name">The workflow type's name; null for the class name.</param>
    public WorkflowAttribute(string? name = null)
    {
        Name = name;
    }

    /// <summary>Gets the workflow type's name (at most 256 characters); null means the class name.</summary>
    public string? Name { get; }

    /// <summary>Gets or sets the workflow type's version (at most 64 characters); the default is <c>"1"</c>.</summary>
    public string Version { get; set; } = "1";

    /// <summary>Gets or sets the default decision task list.</summary>
    public string? TaskList { get; set; }

    /// <summary>Gets or sets the default execution start-to-close timeout, such as <c>"30.00:00:00"</c>.</summary>
    public string? ExecutionStartToCloseTimeout { get; set; }

    /// <summary>Gets or sets the default decision task start-to-close timeout, such as <c>"00:00:30"</c>.</summary>
    public string? TaskStartToCloseTimeout { get; set; }

    /// <summary>Gets or sets the default child policy: <c>"TERMINATE"</c>, <c>"REQUEST_CANCEL"</c> or <c>"ABANDON"</c>.</summary>
    public string? ChildPolicy { get; set; }

    /// <summary>Gets or sets the default task priority; only used when set.</summary>
    public int TaskPriority { get; set; }

    /// <summary>
    /// Gets or sets the ARN of the IAM role registered as the type's default <c>lambdaRole</c>: the role SWF assumes to
    /// invoke the Lambda tasks of runs started without one.
    /// </summary>
    public string? DefaultLambdaRole { get; set; }

    /// <summary>Gets or sets the type's description.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the type's registration defaults are set somewhere else, so the
    /// generator does not warn (SWF1023) that the attribute lacks ones SWF requires.
    /// </summary>
    /// <remarks>
    /// SWF refuses to start a workflow unless the start request or the registered type gives an execution
    /// start-to-close timeout, a task start-to-close timeout and a child policy. Set this when the type is
    /// registered by other means (another tool, an existing registration) or every start passes them. It does
    /// not change what is registered.
    /// </remarks>
    public bool DefaultsRegisteredElsewhere { get; set; }
}
