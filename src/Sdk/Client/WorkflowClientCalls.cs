using Swf.Interceptors;

namespace Swf.Client;

/// <summary>The inward end of a client's interceptor chain: the client's own calls to SWF.</summary>
internal sealed class WorkflowClientCalls(WorkflowClient client) : ClientOutboundInterceptor
{
    public override Task<WorkflowHandle> StartWorkflowAsync(StartWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return client.StartCoreAsync(input);
    }

    public override Task SignalWorkflowAsync(SignalWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return client.GetHandle(input.WorkflowId, input.RunId).SignalCoreAsync(input);
    }

    public override Task<WorkflowQueryResults> QueryWorkflowAsync(QueryWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return client.GetHandle(input.WorkflowId, input.RunId).GetQueryResultsCoreAsync(input.FollowRuns, input.CancellationToken);
    }

    /// <summary>The header map as the payload pipeline takes it.</summary>
    public static IReadOnlyDictionary<string, string> ReadOnly(IDictionary<string, string> headers) =>
        headers as IReadOnlyDictionary<string, string> ?? new Dictionary<string, string>(headers, StringComparer.Ordinal);
}
