using Swf.Workflows;

namespace Swf.Exceptions;

/// <summary>
/// Thrown by <see cref="Workflow.ContinueAsNew(string?, ContinueAsNewOptions?)"/> (and the generated
/// <c>ContinueAsNew</c> of each workflow class) to end the current run and start a new one with the same workflow
/// id. Let it escape the run method.
/// </summary>
public sealed class ContinueAsNewException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="input">The new run's encoded input.</param>
    public ContinueAsNewException(string? input)
        : this(input, null)
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="input">The new run's encoded input.</param>
    /// <param name="options">How the new run starts, or null for the current run's task list and tags and the type's defaults.</param>
    public ContinueAsNewException(string? input, ContinueAsNewOptions? options)
        : base("The workflow continues as a new run.")
    {
        Input = input;
        Options = options?.Clone();
    }

    /// <summary>Gets the new run's encoded input.</summary>
    public string? Input { get; }

    /// <summary>Gets how the new run starts (a copy of the options given), or null.</summary>
    public ContinueAsNewOptions? Options { get; }
}
