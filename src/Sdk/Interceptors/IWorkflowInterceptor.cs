namespace Swf.Interceptors;

/// <summary>Intercepts workflow runs: their inbound calls and, through <see cref="WorkflowInboundInterceptor.Init"/>, their outbound ones.</summary>
public interface IWorkflowInterceptor : ISwfInterceptor
{
    /// <summary>
    /// Wraps the inbound calls of one workflow run. Called once per workflow instance, when the decider creates it
    /// (again after a cache eviction, for the replay), before any workflow code runs.
    /// </summary>
    /// <param name="nextInterceptor">The next interceptor inward (ending at the runtime).</param>
    /// <returns>The interceptor to call instead of <paramref name="nextInterceptor"/>; return <paramref name="nextInterceptor"/> to leave the run alone.</returns>
    WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor);
}
