namespace Swf.Interceptors;

/// <summary>A signal to another execution, as <see cref="WorkflowOutboundInterceptor.SignalExternalWorkflowAsync"/> sees it.</summary>
public sealed class SignalExternalWorkflowInput
{
    /// <summary>Initializes the input.</summary>
    /// <param name="workflowId">The execution's workflow id.</param>
    /// <param name="runId">The execution's run id, or null for its open run.</param>
    /// <param name="signalName">The signal's name.</param>
    public SignalExternalWorkflowInput(string workflowId, string? runId, string signalName)
    {
        ArgumentNullException.ThrowIfNull(workflowId);
        ArgumentNullException.ThrowIfNull(signalName);
        WorkflowId = workflowId;
        RunId = runId;
        SignalName = signalName;
    }

    /// <summary>Gets the execution's workflow id.</summary>
    public string WorkflowId { get; }

    /// <summary>Gets the execution's run id, or null for its open run.</summary>
    public string? RunId { get; }

    /// <summary>Gets the signal's name.</summary>
    public string SignalName { get; }

    /// <summary>Gets or sets the encoded signal input, or null.</summary>
    public string? Input { get; set; }

    /// <summary>Gets the call's header map, carried inside the payload's envelope; interceptors may read and change it.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
