namespace Swf.Interceptors;

/// <summary>A query, as <see cref="ClientOutboundInterceptor.QueryWorkflowAsync"/> sees it (queries send no payload, so no headers).</summary>
public sealed class QueryWorkflowInput
{
    /// <summary>Initializes the input.</summary>
    /// <param name="workflowId">The execution's workflow id.</param>
    /// <param name="runId">The run id, or null for the latest run.</param>
    /// <param name="followRuns">Whether a run that continued as new is followed to the newest run.</param>
    /// <param name="cancellationToken">The token that cancels the call.</param>
    public QueryWorkflowInput(string workflowId, string? runId, bool followRuns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflowId);
        WorkflowId = workflowId;
        RunId = runId;
        FollowRuns = followRuns;
        CancellationToken = cancellationToken;
    }

    /// <summary>Gets the execution's workflow id.</summary>
    public string WorkflowId { get; }

    /// <summary>Gets the run id, or null for the latest run.</summary>
    public string? RunId { get; }

    /// <summary>Gets whether a run that continued as new is followed to the newest run.</summary>
    public bool FollowRuns { get; }

    /// <summary>Gets the token that cancels the call.</summary>
    public CancellationToken CancellationToken { get; }
}
