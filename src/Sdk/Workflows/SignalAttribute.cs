namespace Swf.Workflows;

/// <summary>
/// Marks a method of a <see cref="WorkflowAttribute">[Workflow]</see> class that handles a signal.
/// It returns <see cref="Task"/> (a signal has no result); its parameters are the signal's input.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class SignalAttribute : Attribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="name">The signal's name; null for the method name without an <c>Async</c> suffix.</param>
    public SignalAttribute(string? name = null)
    {
        Name = name;
    }

    /// <summary>Gets the signal's name; null means the method name without an <c>Async</c> suffix.</summary>
    public string? Name { get; }
}
