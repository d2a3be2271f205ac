namespace Swf.Interceptors;

/// <summary>
/// An interceptor: a type that implements one or more of <see cref="IWorkflowInterceptor"/>,
/// <see cref="IActivityInterceptor"/> and <see cref="IClientInterceptor"/>. Register it with
/// <c>AddSwf(...).AddInterceptor&lt;T&gt;()</c> or on the test environment's options (see docs/interceptors.md).
/// </summary>
/// <remarks>
/// Interceptors form an onion in registration order: the first registered is the outermost layer, so it sees
/// inbound calls (workflow run, signal and query, activity execution) and client calls first, and the workflow's
/// outbound calls (activities, children, timers, external signals, continue-as-new) last, just before the runtime.
/// </remarks>
public interface ISwfInterceptor
{
}
