using Swf.Workflows;

namespace UserApp.Tests.Travel;

/// <summary>
/// Checks a route's fare every day until it drops to the target. Each run checks three times, then continues as
/// a new run carrying the count, so no history grows without bound.
/// </summary>
[Workflow(TaskList = "trips", ExecutionStartToCloseTimeout = "365.00:00:00", TaskStartToCloseTimeout = "00:00:30", ChildPolicy = "TERMINATE")]
public partial class FareWatchWorkflow
{
    private const int ChecksPerRun = 3;

    private readonly IBookingActivities _bookings = Workflow.Activities<IBookingActivities>();

    [WorkflowRun]
    public async Task<FareAlert> RunAsync(FareWatch watch)
    {
        for (var check = watch.ChecksSoFar + 1; check <= watch.ChecksSoFar + ChecksPerRun; check++)
        {
            var fare = await _bookings.QuoteFareAsync(watch.Route);
            if (fare <= watch.Target)
            {
                return new(watch.Route, fare, check);
            }

            await Workflow.DelayAsync(TimeSpan.FromDays(1));
        }

        throw Workflow.ContinueAsNew(Workflow.PayloadConverter.Serialize(watch with { ChecksSoFar = watch.ChecksSoFar + ChecksPerRun }));
    }
}
