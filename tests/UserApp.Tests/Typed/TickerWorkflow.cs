using Swf.Workflows;

namespace UserApp.Tests.Typed;

/// <summary>A long-running workflow that rolls over by itself: it ticks hourly and continues as new when the history budget says so.</summary>
[Workflow(TaskList = "typed", ExecutionStartToCloseTimeout = "30.00:00:00", TaskStartToCloseTimeout = "00:00:30", ChildPolicy = "TERMINATE")]
public partial class TickerWorkflow
{
    [WorkflowRun]
    public async Task<int> RunAsync(int ticksSoFar)
    {
        var ticks = ticksSoFar;
        while (ticks < 12)
        {
            if (Workflow.Info.IsContinueAsNewSuggested)
            {
                throw ContinueAsNew(ticks);
            }

            await Workflow.DelayAsync(TimeSpan.FromHours(1));
            ticks++;
        }

        return ticks;
    }
}
