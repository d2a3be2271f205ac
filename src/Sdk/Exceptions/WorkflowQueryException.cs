namespace Swf.Exceptions;

/// <summary>
/// A query's value could not be read from the execution context (<c>latestExecutionContext</c>): no decision task
/// has sent one yet, the code that sent it has no such query, or another framework wrote the context. See docs/queries.md.
/// </summary>
public sealed class WorkflowQueryException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="workflowId">The execution's workflow id.</param>
    /// <param name="runId">The run whose context was read.</param>
    /// <param name="queryName">The query's name, or null when the context as a whole could not be read.</param>
    /// <param name="message">What went wrong.</param>
    public WorkflowQueryException(string workflowId, string? runId, string? queryName, string message)
        : base(message)
    {
        WorkflowId = workflowId;
        RunId = runId;
        QueryName = queryName;
    }

    /// <summary>Gets the execution's workflow id.</summary>
    public string WorkflowId { get; }

    /// <summary>Gets the run whose context was read.</summary>
    public string? RunId { get; }

    /// <summary>Gets the query's name, or null when the context as a whole could not be read.</summary>
    public string? QueryName { get; }
}
