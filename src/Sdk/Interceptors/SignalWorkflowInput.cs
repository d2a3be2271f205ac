namespace Swf.Interceptors;

/// <summary>A signal, as <see cref="ClientOutboundInterceptor.SignalWorkflowAsync"/> sees it.</summary>
public sealed class SignalWorkflowInput
{
    /// <summary>Initializes the input.</summary>
    /// <param name="workflowId">The execution's workflow id.</param>
    /// <param name="runId">The run id, or null for the open run.</param>
    /// <param name="signalName">The signal's name.</param>
    /// <param name="cancellationToken">The token that cancels the call.</param>
    public SignalWorkflowInput(string workflowId, string? runId, string signalName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflowId);
        ArgumentNullException.ThrowIfNull(signalName);
        WorkflowId = workflowId;
        RunId = runId;
        SignalName = signalName;
        CancellationToken = cancellationToken;
    }

    /// <summary>Gets the execution's workflow id.</summary>
    public string WorkflowId { get; }

    /// <summary>Gets the run id, or null for the open run.</summary>
    public string? RunId { get; }

    /// <summary>Gets the signal's name.</summary>
    public string SignalName { get; }

    /// <summary>Gets the token that cancels the call.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Gets or sets the encoded signal input, or null.</summary>
    public string? Input { get; set; }

    /// <summary>Gets the call's header map, carried inside the payload's envelope; interceptors may read and change it.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
