namespace Swf.Interop.Tests.Conformance;

/// <summary>SWF behaviours that some implementations lack.</summary>
public enum ConformanceFeature
{
    /// <summary>The test controls the clock, so timers and timeouts fire on demand.</summary>
    ClockControl,

    /// <summary>At most one decision task per run, and UNHANDLED_DECISION for a close that missed new events.</summary>
    DecisionTaskBatching,

    /// <summary>RequestCancelWorkflowExecution and the CancelWorkflowExecution decision.</summary>
    Cancellation,

    /// <summary>Child workflows.</summary>
    ChildWorkflows,

    /// <summary>History and listing pages with nextPageToken.</summary>
    Paging,

    /// <summary>CountOpenWorkflowExecutions and CountClosedWorkflowExecutions.</summary>
    Counts,

    /// <summary>UnknownResourceFault for the token of a closed run's task.</summary>
    StaleTokenFault,

    /// <summary>DeleteWorkflowType and DeleteActivityType.</summary>
    TypeDeletion,

    /// <summary>ListOpen/ListClosedWorkflowExecutions honour every filter and list newest first.</summary>
    VisibilityFilters,

    /// <summary>The RequestCancelActivityTask decision, heartbeats answering cancelRequested, and RespondActivityTaskCanceled.</summary>
    ActivityCancellation,

    /// <summary>The SignalExternalWorkflowExecution decision.</summary>
    ExternalSignals,

    /// <summary>The ContinueAsNewWorkflowExecution decision.</summary>
    ContinueAsNew,

    /// <summary>A new decision task after every failed decision, not only after ScheduleActivityTaskFailed.</summary>
    FailedDecisionReschedules,

    /// <summary>CancelTimerFailed for an unknown timer, with its timerId.</summary>
    CancelTimerFailure,

    /// <summary>PollForDecisionTask honouring maximumPageSize and startAtPreviousStartedEvent.</summary>
    DecisionTaskPaging,

    /// <summary>Exact pending-task counts and openCounts (one decision task, started activities not pending, open timers).</summary>
    OpenCounts,

    /// <summary>A server that refuses data fields longer than 32,768 characters.</summary>
    DataLimits,
}
