using System.Reflection;
using System.Runtime.ExceptionServices;
using Swf.Client;
using Swf.Exceptions;
using Swf.Model;

namespace Swf.Tests.TestSupport;

/// <summary>
/// Forwards every call to another <see cref="ISwfClient"/>, but answers the first calls with a
/// <see cref="ThrottlingException"/> (as SWF does when an account's rate is exceeded), and can hold history
/// downloads at a gate to count how many are under way at once.
/// </summary>
public class FlakySwfClient : DispatchProxy
{
    private static readonly MethodInfo FromException = typeof(Task).GetMethods()
        .Single(m => m.Name == nameof(Task.FromException) && m.IsGenericMethodDefinition);

    private ISwfClient _inner = null!;
    private int _throttled;
    private int _inFlight;
    private int _maxInFlight;

    public ISwfClient Client => (ISwfClient)(object)this;

    /// <summary>Gets or sets how many calls, from the first, are throttled.</summary>
    public int ThrottleFirst { get; set; }

    /// <summary>Gets or sets a test that picks calls to throttle always, given the operation's name and its request.</summary>
    public Func<string, object, bool>? ThrottleAlways { get; set; }

    /// <summary>Gets or sets a gate that history downloads wait at; null lets them through.</summary>
    public Task? HistoryGate { get; set; }

    /// <summary>Gets or sets what is told when this many downloads are waiting at the gate.</summary>
    public (int Count, TaskCompletionSource Reached)? WhenWaiting { get; set; }

    public int Throttled => Volatile.Read(ref _throttled);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public List<string> Calls { get; } = [];

    public static FlakySwfClient Wrap(ISwfClient inner)
    {
        var proxy = (FlakySwfClient)(object)Create<ISwfClient, FlakySwfClient>();
        proxy._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var name = targetMethod!.Name;
        bool throttle;
        lock (Calls)
        {
            Calls.Add(name);
            throttle = Calls.Count <= ThrottleFirst || ThrottleAlways?.Invoke(name, args![0]!) == true;
        }

        if (throttle)
        {
            Interlocked.Increment(ref _throttled);
            var result = targetMethod.ReturnType.GetGenericArguments()[0];
            return FromException.MakeGenericMethod(result).Invoke(null, [new ThrottlingException("Rate exceeded")]);
        }

        if (HistoryGate is not null && name == nameof(ISwfClient.GetWorkflowExecutionHistoryAsync))
        {
            return GatedAsync((GetWorkflowExecutionHistoryRequest)args![0]!, (CancellationToken)args[1]!);
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    private async Task<GetWorkflowExecutionHistoryResponse> GatedAsync(GetWorkflowExecutionHistoryRequest request, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while ((seen = Volatile.Read(ref _maxInFlight)) < now && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            if (WhenWaiting is { } when && now >= when.Count)
            {
                when.Reached.TrySetResult();
            }

            await HistoryGate!.WaitAsync(cancellationToken);
            return await _inner.GetWorkflowExecutionHistoryAsync(request, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
