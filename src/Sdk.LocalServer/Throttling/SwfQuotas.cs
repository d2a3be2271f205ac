namespace Swf.LocalServer.Throttling;

/// <summary>
/// SWF's published throttling quotas: the tables "Throttling quotas for all Regions", "Decision quotas for
/// all Regions" and "Workflow-level quotas" of the Amazon SWF Developer Guide's "Amazon SWF Quotas" page
/// (https://docs.aws.amazon.com/amazonswf/latest/developerguide/swf-dg-limits.html), which says they are the
/// same in every Region. The account-level ones are defaults that AWS raises on request.
/// </summary>
internal static class SwfQuotas
{
    /// <summary>Gets the account-level bucket of each API, by operation name (all 39 operations are listed).</summary>
    public static IReadOnlyDictionary<string, SwfThrottleQuota> Api { get; } = new Dictionary<string, SwfThrottleQuota>(StringComparer.Ordinal)
    {
        ["CountClosedWorkflowExecutions"] = new(2000, 6),
        ["CountOpenWorkflowExecutions"] = new(2000, 6),
        ["CountPendingActivityTasks"] = new(200, 6),
        ["CountPendingDecisionTasks"] = new(200, 6),
        ["DeleteActivityType"] = new(200, 6),
        ["DeleteWorkflowType"] = new(200, 6),
        ["DeprecateActivityType"] = new(200, 6),
        ["DeprecateDomain"] = new(100, 6),
        ["DeprecateWorkflowType"] = new(200, 6),
        ["DescribeActivityType"] = new(2000, 6),
        ["DescribeDomain"] = new(200, 6),
        ["DescribeWorkflowExecution"] = new(2000, 6),
        ["DescribeWorkflowType"] = new(2000, 6),
        ["GetWorkflowExecutionHistory"] = new(2000, 60),
        ["ListActivityTypes"] = new(200, 6),
        ["ListClosedWorkflowExecutions"] = new(200, 6),
        ["ListDomains"] = new(100, 6),
        ["ListOpenWorkflowExecutions"] = new(200, 48),
        ["ListTagsForResource"] = new(50, 30),
        ["ListWorkflowTypes"] = new(200, 6),
        ["PollForActivityTask"] = new(2000, 200),
        ["PollForDecisionTask"] = new(2000, 200),
        ["RecordActivityTaskHeartbeat"] = new(2000, 160),
        ["RegisterActivityType"] = new(200, 60),
        ["RegisterDomain"] = new(100, 6),
        ["RegisterWorkflowType"] = new(200, 60),
        ["RequestCancelWorkflowExecution"] = new(2000, 30),
        ["RespondActivityTaskCanceled"] = new(2000, 200),
        ["RespondActivityTaskCompleted"] = new(2000, 200),
        ["RespondActivityTaskFailed"] = new(2000, 200),
        ["RespondDecisionTaskCompleted"] = new(2000, 200),
        ["SignalWorkflowExecution"] = new(2000, 30),
        ["StartWorkflowExecution"] = new(2000, 200),
        ["TagResource"] = new(50, 30),
        ["TerminateWorkflowExecution"] = new(2000, 60),
        ["UndeprecateActivityType"] = new(200, 6),
        ["UndeprecateDomain"] = new(100, 6),
        ["UndeprecateWorkflowType"] = new(200, 6),
        ["UntagResource"] = new(50, 30),
    };

    /// <summary>Gets the account-level bucket of each throttled decision, by decision type.</summary>
    public static IReadOnlyDictionary<string, SwfThrottleQuota> Decisions { get; } = new Dictionary<string, SwfThrottleQuota>(StringComparer.Ordinal)
    {
        ["RequestCancelExternalWorkflowExecution"] = new(1200, 120),
        ["ScheduleActivityTask"] = new(1000, 200),
        ["SignalExternalWorkflowExecution"] = new(1200, 120),
        ["StartChildWorkflowExecution"] = new(500, 12),
        ["StartTimer"] = new(2000, 200),
    };

    /// <summary>Gets the per-execution bucket of the APIs SWF also throttles per workflow (quotas AWS does not raise).</summary>
    public static IReadOnlyDictionary<string, SwfThrottleQuota> Workflow { get; } = new Dictionary<string, SwfThrottleQuota>(StringComparer.Ordinal)
    {
        ["GetWorkflowExecutionHistory"] = new(400, 200),
        ["RecordActivityTaskHeartbeat"] = new(1000, 1000),
        ["RequestCancelWorkflowExecution"] = new(200, 200),
        ["SignalWorkflowExecution"] = new(1000, 1000),
    };
}
