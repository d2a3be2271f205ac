namespace Swf.Interceptors;

/// <summary>Intercepts activity tasks.</summary>
public interface IActivityInterceptor : ISwfInterceptor
{
    /// <summary>Wraps activity execution. Called once per activity worker, when it starts.</summary>
    /// <param name="nextInterceptor">The next interceptor inward (ending at the activity's code).</param>
    /// <returns>The interceptor to call instead of <paramref name="nextInterceptor"/>.</returns>
    ActivityInboundInterceptor InterceptActivity(ActivityInboundInterceptor nextInterceptor);
}
