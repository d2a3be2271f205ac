using Swf.Client;

namespace Swf.Interceptors;

/// <summary>A <see cref="WorkflowClient"/>'s calls. Override to intercept; each default passes the call to <see cref="Next"/>.</summary>
public abstract class ClientOutboundInterceptor
{
    private readonly ClientOutboundInterceptor? _next;

    /// <summary>Initializes the interceptor.</summary>
    /// <param name="next">The next interceptor inward (toward SWF).</param>
    protected ClientOutboundInterceptor(ClientOutboundInterceptor next)
    {
        ArgumentNullException.ThrowIfNull(next);
        _next = next;
    }

    /// <summary>Initializes the client's own end of the chain, which has no next.</summary>
    private protected ClientOutboundInterceptor()
    {
    }

    /// <summary>Gets the next interceptor toward SWF.</summary>
    protected ClientOutboundInterceptor Next => _next!;

    /// <summary>Starts an execution (<c>StartWorkflowExecution</c>).</summary>
    /// <param name="input">The workflow type, id, input, options and headers.</param>
    /// <returns>A handle to the new run.</returns>
    public virtual Task<WorkflowHandle> StartWorkflowAsync(StartWorkflowInput input) => Next.StartWorkflowAsync(input);

    /// <summary>Signals an execution (<c>SignalWorkflowExecution</c>).</summary>
    /// <param name="input">The execution, the signal, its input and headers.</param>
    /// <returns>A task that completes when SWF recorded the signal.</returns>
    public virtual Task SignalWorkflowAsync(SignalWorkflowInput input) => Next.SignalWorkflowAsync(input);

    /// <summary>Reads an execution's query values (from its latest execution context; see docs/queries.md).</summary>
    /// <param name="input">The execution.</param>
    /// <returns>The values.</returns>
    public virtual Task<WorkflowQueryResults> QueryWorkflowAsync(QueryWorkflowInput input) => Next.QueryWorkflowAsync(input);
}
