namespace Swf.Interceptors;

/// <summary>
/// What reaches a workflow run from outside: the run itself, signals and queries. Override the calls to intercept;
/// each default passes the call to <see cref="Next"/>.
/// </summary>
/// <remarks>
/// Workflow interceptors run on the workflow's deterministic scheduler, during replay too: they must follow the rules
/// of workflow code. No I/O, no clocks, no randomness, no threads or <c>Task.Delay</c>; use <c>Workflow.UtcNow</c>,
/// <c>Workflow.Random</c>, <c>Workflow.Logger</c> and <c>Workflow.IsReplaying</c>. The SDK's determinism analyzers
/// check classes deriving from this type as they check workflow classes.
/// </remarks>
public abstract class WorkflowInboundInterceptor
{
    private readonly WorkflowInboundInterceptor? _next;

    /// <summary>Initializes the interceptor.</summary>
    /// <param name="next">The next interceptor inward.</param>
    protected WorkflowInboundInterceptor(WorkflowInboundInterceptor next)
    {
        ArgumentNullException.ThrowIfNull(next);
        _next = next;
    }

    /// <summary>Initializes the runtime's own end of the chain, which has no next.</summary>
    private protected WorkflowInboundInterceptor()
    {
    }

    /// <summary>Gets the next interceptor inward.</summary>
    protected WorkflowInboundInterceptor Next => _next!;

    /// <summary>
    /// Receives the run's outbound interceptor chain before any workflow code runs; wrap it to intercept outbound
    /// calls, and pass the wrapper on: <c>base.Init(new MyOutbound(outbound))</c>.
    /// </summary>
    /// <param name="outbound">The outbound chain so far (ending at the runtime).</param>
    public virtual void Init(WorkflowOutboundInterceptor outbound) => Next.Init(outbound);

    /// <summary>Runs the workflow's run method.</summary>
    /// <param name="input">The run's input and headers (from the start, or from the continue-as-new that began this run).</param>
    /// <returns>The run's encoded result.</returns>
    public virtual Task<string?> ExecuteWorkflowAsync(ExecuteWorkflowInput input) => Next.ExecuteWorkflowAsync(input);

    /// <summary>Runs a signal handler.</summary>
    /// <param name="input">The signal's name, input and headers.</param>
    /// <returns>A task that completes when the handler did.</returns>
    public virtual Task HandleSignalAsync(HandleSignalInput input) => Next.HandleSignalAsync(input);

    /// <summary>Evaluates a query (after each decision task; see docs/queries.md). A query must not change state.</summary>
    /// <param name="input">The query's name.</param>
    /// <returns>The query's encoded value.</returns>
    public virtual string? HandleQuery(HandleQueryInput input) => Next.HandleQuery(input);
}
