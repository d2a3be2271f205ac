namespace Swf.Exceptions;

/// <summary>
/// Thrown by <see cref="Swf.Workflows.Workflow.ContinueAsNew"/> to end the current run and start a
/// new one with the same workflow id. Let it escape the run method.
/// </summary>
public sealed class ContinueAsNewException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="input">The new run's encoded input.</param>
    public ContinueAsNewException(string? input)
        : base("The workflow continues as a new run.")
    {
        Input = input;
    }

    /// <summary>Gets the new run's encoded input.</summary>
    public string? Input { get; }

    /// <summary>
    /// Gets the IAM role the new run's Lambda tasks run with (<c>lambdaRole</c> of the continue-as-new decision); null
    /// (the default) keeps the current run's role (<see cref="Swf.Workflows.WorkflowInfo.LambdaRole"/>). Set it with an
    /// initializer: <c>throw new ContinueAsNewException(input) { LambdaRole = role };</c>.
    /// </summary>
    public string? LambdaRole { get; init; }
}
