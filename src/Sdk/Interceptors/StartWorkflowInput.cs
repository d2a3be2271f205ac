using Swf.Client;
using Swf.Model;

namespace Swf.Interceptors;

/// <summary>A start, as <see cref="ClientOutboundInterceptor.StartWorkflowAsync"/> sees it.</summary>
public sealed class StartWorkflowInput
{
    /// <summary>Initializes the input.</summary>
    /// <param name="workflowType">The workflow type.</param>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="options">How to start it.</param>
    /// <param name="cancellationToken">The token that cancels the call.</param>
    public StartWorkflowInput(WorkflowType workflowType, string workflowId, WorkflowStartOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflowType);
        ArgumentNullException.ThrowIfNull(workflowId);
        ArgumentNullException.ThrowIfNull(options);
        WorkflowType = workflowType;
        WorkflowId = workflowId;
        Options = options;
        CancellationToken = cancellationToken;
    }

    /// <summary>Gets the workflow type.</summary>
    public WorkflowType WorkflowType { get; }

    /// <summary>Gets the workflow id.</summary>
    public string WorkflowId { get; }

    /// <summary>Gets how to start it.</summary>
    public WorkflowStartOptions Options { get; }

    /// <summary>Gets the token that cancels the call.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Gets or sets the encoded input, or null.</summary>
    public string? Input { get; set; }

    /// <summary>Gets the call's header map, carried inside the payload's envelope; interceptors may read and change it.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
