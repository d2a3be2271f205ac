using System.Globalization;

namespace Swf.Exceptions;

/// <summary>
/// Workflow code ran longer than the deadlock timeout without yielding to the workflow scheduler: it blocked
/// (<c>Thread.Sleep</c>, <c>Task.Wait</c>, <c>.Result</c>, a lock, synchronous I/O) or looped. The decision task
/// fails and the run is dropped from the cache; the thread that runs the stuck code is left behind.
/// </summary>
public sealed class WorkflowDeadlockException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="workflowType">The workflow type's name.</param>
    /// <param name="workflowId">The run's workflow id.</param>
    /// <param name="runId">The run id.</param>
    /// <param name="timeout">How long the code may run without yielding.</param>
    public WorkflowDeadlockException(string workflowType, string workflowId, string runId, TimeSpan timeout)
        : base($"Workflow {workflowType} {workflowId} (run {runId}) did not yield to the workflow scheduler within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s: " +
            "the code blocks (Thread.Sleep, Task.Wait, .Result, a lock, synchronous I/O) or loops. Await the Workflow API instead; move blocking work into an activity.")
    {
        WorkflowType = workflowType;
        WorkflowId = workflowId;
        RunId = runId;
        Timeout = timeout;
    }

    /// <summary>Gets the workflow type's name.</summary>
    public string WorkflowType { get; }

    /// <summary>Gets the run's workflow id.</summary>
    public string WorkflowId { get; }

    /// <summary>Gets the run id.</summary>
    public string RunId { get; }

    /// <summary>Gets how long the code may run without yielding.</summary>
    public TimeSpan Timeout { get; }
}
