using Swf.Workflows;

namespace Swf.Interceptors;

/// <summary>
/// What a workflow run asks of SWF: activities, child workflows, timers, signals to other executions and
/// continue-as-new. Override the calls to intercept; each default passes the call to <see cref="Next"/>. Obtain the
/// chain in <see cref="WorkflowInboundInterceptor.Init"/>.
/// </summary>
/// <remarks>The rules of workflow code apply (see <see cref="WorkflowInboundInterceptor"/>).</remarks>
public abstract class WorkflowOutboundInterceptor
{
    private readonly WorkflowOutboundInterceptor? _next;

    /// <summary>Initializes the interceptor.</summary>
    /// <param name="next">The next interceptor outward (ending at the runtime).</param>
    protected WorkflowOutboundInterceptor(WorkflowOutboundInterceptor next)
    {
        ArgumentNullException.ThrowIfNull(next);
        _next = next;
    }

    /// <summary>Initializes the runtime's own end of the chain, which has no next.</summary>
    private protected WorkflowOutboundInterceptor()
    {
    }

    /// <summary>Gets the next interceptor toward the runtime.</summary>
    protected WorkflowOutboundInterceptor Next => _next!;

    /// <summary>Schedules an activity and waits for its result.</summary>
    /// <param name="input">The activity, its input, options and headers.</param>
    /// <returns>The activity's encoded result.</returns>
    public virtual Task<string?> ScheduleActivityAsync(ScheduleActivityInput input) => Next.ScheduleActivityAsync(input);

    /// <summary>Starts a child workflow (both <c>Workflow.StartChildWorkflowAsync</c> and <c>ExecuteChildWorkflowAsync</c> come here).</summary>
    /// <param name="input">The child's type, input, options and headers.</param>
    /// <returns>The child's handle, once SWF started it.</returns>
    public virtual Task<ChildWorkflowHandle> StartChildWorkflowAsync(StartChildWorkflowInput input) => Next.StartChildWorkflowAsync(input);

    /// <summary>Starts a timer and waits for it to fire.</summary>
    /// <param name="input">The delay and timer id.</param>
    /// <returns>A task that completes when the timer fires.</returns>
    public virtual Task DelayAsync(StartTimerInput input) => Next.DelayAsync(input);

    /// <summary>Signals another execution.</summary>
    /// <param name="input">The execution, the signal, its input and headers.</param>
    /// <returns>A task that completes when SWF delivered the signal.</returns>
    public virtual Task SignalExternalWorkflowAsync(SignalExternalWorkflowInput input) => Next.SignalExternalWorkflowAsync(input);

    /// <summary>
    /// Prepares the continue-as-new decision, when the run method ended with a <c>ContinueAsNewException</c>. Change
    /// <paramref name="input"/> (its headers reach the new run) and pass it on.
    /// </summary>
    /// <param name="input">The new run's input, options and headers.</param>
    public virtual void ContinueAsNew(ContinueAsNewInput input) => Next.ContinueAsNew(input);
}
