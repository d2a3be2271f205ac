using System.Reflection;
using Swf.Client;

namespace Swf.Tests.TestSupport;

/// <summary>
/// An <see cref="ISwfClient"/> that answers the operations a test registers with <see cref="On{TRequest, TResponse}"/>
/// and records every call; any other operation throws.
/// </summary>
public class FakeSwfClient : DispatchProxy
{
    private readonly Dictionary<Type, Func<object, CancellationToken, object>> _handlers = [];

    /// <summary>Gets the requests sent, in order.</summary>
    public List<object> Calls { get; } = [];

    /// <summary>Gets this fake as the client interface.</summary>
    public ISwfClient Client => (ISwfClient)(object)this;

    public static FakeSwfClient Create() => (FakeSwfClient)(object)Create<ISwfClient, FakeSwfClient>();

    public FakeSwfClient On<TRequest, TResponse>(Func<TRequest, CancellationToken, Task<TResponse>> handler)
    {
        _handlers[typeof(TRequest)] = (request, cancellationToken) => handler((TRequest)request, cancellationToken);
        return this;
    }

    public FakeSwfClient On<TRequest, TResponse>(Func<TRequest, TResponse> handler) =>
        On<TRequest, TResponse>((request, _) => Task.FromResult(handler(request)));

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var request = args![0]!;
        Calls.Add(request);
        return _handlers.TryGetValue(request.GetType(), out var handler)
            ? handler(request, (CancellationToken)args[1]!)
            : throw new NotSupportedException($"The fake client has no answer for {targetMethod!.Name}.");
    }
}
