namespace Swf.Exceptions;

/// <summary>
/// A decision task of a run failed in this process: replaying its history found a non-determinism, the workflow
/// code broke a rule of deterministic execution (a continuation off the workflow scheduler, a deadlock), or the
/// runtime hit a bug. The task is left unanswered, so SWF times it out and a fixed deployment can recover the
/// run; <see cref="Exception.InnerException"/> is the cause. Workers report it (log, metric, health check); the
/// test environment throws it from the call that waits.
/// </summary>
public sealed class WorkflowTaskFailedException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="domain">The run's domain.</param>
    /// <param name="workflowId">The run's workflow id.</param>
    /// <param name="runId">The run id.</param>
    /// <param name="startedEventId">The id of the decision task's <c>DecisionTaskStarted</c> event (for a failure between tasks, of the last task the code ran for).</param>
    /// <param name="innerException">The cause: usually a <see cref="NonDeterministicWorkflowException"/>, an <see cref="InvalidWorkflowOperationException"/> or a <see cref="WorkflowDeadlockException"/>.</param>
    public WorkflowTaskFailedException(string domain, string workflowId, string runId, long startedEventId, Exception innerException)
        : base($"Decision task of workflow {workflowId} (run {runId}) in domain {domain} failed at event {startedEventId}: {innerException?.Message}", innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        Domain = domain;
        WorkflowId = workflowId;
        RunId = runId;
        StartedEventId = startedEventId;
    }

    /// <summary>Gets the run's domain.</summary>
    public string Domain { get; }

    /// <summary>Gets the run's workflow id.</summary>
    public string WorkflowId { get; }

    /// <summary>Gets the run id.</summary>
    public string RunId { get; }

    /// <summary>Gets the id of the decision task's <c>DecisionTaskStarted</c> event.</summary>
    public long StartedEventId { get; }
}
