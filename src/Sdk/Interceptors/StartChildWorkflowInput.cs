using Swf.Model;
using Swf.Workflows;

namespace Swf.Interceptors;

/// <summary>A child workflow to start, as <see cref="WorkflowOutboundInterceptor.StartChildWorkflowAsync"/> sees it.</summary>
public sealed class StartChildWorkflowInput
{
    /// <summary>Initializes the input.</summary>
    /// <param name="workflowType">The child's type.</param>
    /// <param name="options">The child's options.</param>
    /// <param name="cancellationToken">The token that cancels the child.</param>
    public StartChildWorkflowInput(WorkflowType workflowType, ChildWorkflowOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflowType);
        ArgumentNullException.ThrowIfNull(options);
        WorkflowType = workflowType;
        Options = options;
        CancellationToken = cancellationToken;
    }

    /// <summary>Gets the child's type.</summary>
    public WorkflowType WorkflowType { get; }

    /// <summary>Gets the child's options.</summary>
    public ChildWorkflowOptions Options { get; }

    /// <summary>Gets the token that cancels the child.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Gets or sets the encoded input, or null.</summary>
    public string? Input { get; set; }

    /// <summary>
    /// Gets or sets the child's result, which the runtime's end of the chain sets on the input it receives, so that
    /// <c>ExecuteChildWorkflowAsync</c> awaits the result without awaiting the start first.
    /// </summary>
    internal Task<string?>? Result { get; set; }

    /// <summary>Gets the call's header map, carried inside the payload's envelope; interceptors may read and change it.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
