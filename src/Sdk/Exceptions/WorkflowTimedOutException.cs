using Swf.Model;

namespace Swf.Exceptions;

/// <summary>The workflow ran past its start-to-close timeout (<c>WorkflowExecutionTimedOut</c>).</summary>
public sealed class WorkflowTimedOutException : WorkflowExecutionException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="execution">The execution.</param>
    public WorkflowTimedOutException(WorkflowExecution execution)
        : base(execution, CloseStatus.TimedOut, $"Workflow {execution.WorkflowId} (run {execution.RunId}) timed out.")
    {
    }
}
