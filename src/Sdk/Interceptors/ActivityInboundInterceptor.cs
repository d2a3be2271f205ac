namespace Swf.Interceptors;

/// <summary>Runs activity tasks. Override to intercept; the default passes the call to <see cref="Next"/>.</summary>
public abstract class ActivityInboundInterceptor
{
    private readonly ActivityInboundInterceptor? _next;

    /// <summary>Initializes the interceptor.</summary>
    /// <param name="next">The next interceptor inward.</param>
    protected ActivityInboundInterceptor(ActivityInboundInterceptor next)
    {
        ArgumentNullException.ThrowIfNull(next);
        _next = next;
    }

    /// <summary>Initializes the worker's own end of the chain, which has no next.</summary>
    private protected ActivityInboundInterceptor()
    {
    }

    /// <summary>Gets the next interceptor inward.</summary>
    protected ActivityInboundInterceptor Next => _next!;

    /// <summary>Runs one activity task. An exception fails the task as one from the activity's code does.</summary>
    /// <param name="input">The task's context, input and headers.</param>
    /// <returns>The activity's encoded result.</returns>
    public virtual Task<string?> ExecuteActivityAsync(ExecuteActivityInput input) => Next.ExecuteActivityAsync(input);
}
