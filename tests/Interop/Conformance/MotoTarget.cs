using Swf.Client;

namespace Swf.Interop.Tests.Conformance;

/// <summary>moto_server, reached through the SDK's wire client; scenarios it does not implement faithfully are skipped with the reason.</summary>
public sealed class MotoTarget(MotoServerFixture moto) : ConformanceTarget
{
    public override ISwfClient Client => moto.RequireClient();

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
        _ => null,
    };

    public override void Advance(TimeSpan by) => throw new NotSupportedException("moto's clock cannot be moved.");
}
