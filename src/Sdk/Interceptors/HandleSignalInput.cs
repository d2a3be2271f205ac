namespace Swf.Interceptors;

/// <summary>A signal, as <see cref="WorkflowInboundInterceptor.HandleSignalAsync"/> sees it.</summary>
public sealed class HandleSignalInput
{
    /// <summary>Initializes the input.</summary>
    /// <param name="instance">The workflow object.</param>
    /// <param name="signalName">The signal's name.</param>
    /// <param name="input">The encoded signal input, or null.</param>
    public HandleSignalInput(object instance, string signalName, string? input)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(signalName);
        Instance = instance;
        SignalName = signalName;
        Input = input;
    }

    /// <summary>Gets the workflow object.</summary>
    public object Instance { get; }

    /// <summary>Gets the signal's name.</summary>
    public string SignalName { get; }

    /// <summary>Gets the encoded signal input, or null.</summary>
    public string? Input { get; }

    /// <summary>Gets the call's header map, carried inside the payload's envelope; interceptors may read and change it.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
