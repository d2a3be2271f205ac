using System.Reflection;
using System.Runtime.ExceptionServices;
using Swf.Client;

namespace Swf.Tests.TestSupport;

/// <summary>Forwards every call to another <see cref="ISwfClient"/>, running a hook first: lets a test act "between" a worker's calls.</summary>
public class InterceptingSwfClient : DispatchProxy
{
    private ISwfClient _inner = null!;

    /// <summary>Gets or sets the hook run before each call, given the request.</summary>
    public Func<object, Task>? Before { get; set; }

    public ISwfClient Client => (ISwfClient)(object)this;

    public static InterceptingSwfClient Wrap(ISwfClient inner)
    {
        var proxy = (InterceptingSwfClient)(object)Create<ISwfClient, InterceptingSwfClient>();
        proxy._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var before = Before?.Invoke(args![0]!);
        if (before is null || before.IsCompletedSuccessfully)
        {
            try
            {
                return targetMethod!.Invoke(_inner, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }

        throw new NotSupportedException("The hook must complete synchronously (the local engine answers at once).");
    }
}
