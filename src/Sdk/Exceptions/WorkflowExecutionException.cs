using Swf.Model;

namespace Swf.Exceptions;

/// <summary>A workflow execution closed without completing. Its subclasses say how.</summary>
public abstract class WorkflowExecutionException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="execution">The execution that closed.</param>
    /// <param name="closeStatus">How it closed.</param>
    /// <param name="message">What happened.</param>
    protected WorkflowExecutionException(WorkflowExecution execution, CloseStatus closeStatus, string message)
        : base(message)
    {
        Execution = execution;
        CloseStatus = closeStatus;
    }

    /// <summary>Gets the execution that closed.</summary>
    public WorkflowExecution Execution { get; }

    /// <summary>Gets how it closed.</summary>
    public CloseStatus CloseStatus { get; }
}
