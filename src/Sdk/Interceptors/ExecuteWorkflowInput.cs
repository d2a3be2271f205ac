namespace Swf.Interceptors;

/// <summary>The run of a workflow, as <see cref="WorkflowInboundInterceptor.ExecuteWorkflowAsync"/> sees it.</summary>
public sealed class ExecuteWorkflowInput
{
    /// <summary>Initializes the input.</summary>
    /// <param name="instance">The workflow object.</param>
    /// <param name="input">The encoded input, or null.</param>
    public ExecuteWorkflowInput(object instance, string? input)
    {
        ArgumentNullException.ThrowIfNull(instance);
        Instance = instance;
        Input = input;
    }

    /// <summary>Gets the workflow object.</summary>
    public object Instance { get; }

    /// <summary>Gets the encoded input, or null.</summary>
    public string? Input { get; }

    /// <summary>Gets the call's header map, carried inside the payload's envelope; interceptors may read and change it.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
