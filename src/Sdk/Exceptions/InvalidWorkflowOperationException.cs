namespace Swf.Exceptions;

/// <summary>
/// Workflow code did something that breaks deterministic replay, such as awaiting a task that did
/// not come from the workflow API (<c>Task.Delay</c>, <c>Task.Run</c>, I/O), or called the workflow
/// API outside a workflow.
/// </summary>
public sealed class InvalidWorkflowOperationException : InvalidOperationException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What went wrong and what to do instead.</param>
    public InvalidWorkflowOperationException(string message)
        : base(message)
    {
    }
}
