namespace Swf.Interceptors;

/// <summary>Intercepts a <see cref="Client.WorkflowClient"/>'s calls.</summary>
public interface IClientInterceptor : ISwfInterceptor
{
    /// <summary>Wraps the client's calls. Called once per client, when it is created.</summary>
    /// <param name="nextInterceptor">The next interceptor inward (ending at the SWF call).</param>
    /// <returns>The interceptor to call instead of <paramref name="nextInterceptor"/>.</returns>
    ClientOutboundInterceptor InterceptClient(ClientOutboundInterceptor nextInterceptor);
}
