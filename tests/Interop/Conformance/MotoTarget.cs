using Swf.Client;

namespace Swf.Interop.Tests.Conformance;

/// <summary>moto_server, reached through the SDK's wire client; scenarios it does not implement faithfully are skipped with the reason.</summary>
public sealed class MotoTarget(MotoServerFixture moto) : ConformanceTarget, IDisposable
{
    private SwfHttpClient? _uncheckedClient;

    public override ISwfClient Client => moto.RequireClient();

    public override ISwfClient UncheckedClient => _uncheckedClient ??= moto.CreateClient(options => options.ValidateRequests = false);

    public string? SkipReason => moto.SkipReason;

    public override string? Unsupported(ConformanceFeature feature) => feature switch
    {
        ConformanceFeature.ClockControl => "moto runs on the wall clock (and applies timeouts only when a call arrives)",
        ConformanceFeature.DecisionTaskBatching => "moto schedules several decision tasks per run and never answers UNHANDLED_DECISION",
        ConformanceFeature.Cancellation => "moto answers RequestCancelWorkflowExecution with an HTML 500",
        ConformanceFeature.ChildWorkflows => "moto does not implement StartChildWorkflowExecution",
        ConformanceFeature.Paging => "moto never sends nextPageToken",
        ConformanceFeature.Counts => "moto answers CountOpen/CountClosedWorkflowExecutions with an HTML 500",
        ConformanceFeature.StaleTokenFault => "moto answers stale tokens with a 500, not UnknownResourceFault",
        ConformanceFeature.TypeDeletion => "moto answers DeleteWorkflowType/DeleteActivityType with an HTML 500",
        ConformanceFeature.VisibilityFilters => "moto ignores the time, type and execution filters, mishandles the tag and closeStatus filters and lists oldest first",
        ConformanceFeature.ActivityCancellation => "moto does not implement RequestCancelActivityTask or RespondActivityTaskCanceled and always heartbeats cancelRequested: false",
        ConformanceFeature.ExternalSignals => "moto does not implement SignalExternalWorkflowExecution",
        ConformanceFeature.ContinueAsNew => "moto does not implement ContinueAsNewWorkflowExecution",
        ConformanceFeature.FailedDecisionReschedules => "moto schedules a new decision task only after ScheduleActivityTaskFailed (not after StartTimerFailed)",
        ConformanceFeature.CancelTimerFailure => "moto records CancelTimerFailed without timerId, so the history cannot be read",
        ConformanceFeature.DecisionTaskPaging => "moto ignores maximumPageSize and startAtPreviousStartedEvent on PollForDecisionTask",
        ConformanceFeature.OpenCounts => "moto reports openTimers 0, counts started activities as pending and schedules several decision tasks",
        ConformanceFeature.DataLimits => "moto accepts an input longer than 32,768 characters",
        _ => null,
    };

    public override void Advance(TimeSpan by) => throw new NotSupportedException("moto's clock cannot be moved.");

    public void Dispose() => _uncheckedClient?.Dispose();
}
