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
}
