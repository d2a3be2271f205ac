using Swf.Workflows;

namespace UserApp.Tests.Typed;

/// <summary>Continues as new, typed on its own run signature, until the third round, tagging each new run.</summary>
[Workflow(TaskList = "typed", ExecutionStartToCloseTimeout = "7.00:00:00", TaskStartToCloseTimeout = "00:00:30", ChildPolicy = "TERMINATE")]
public partial class CounterWorkflow
{
    [WorkflowRun]
    public async Task<int> RunAsync(int round)
    {
        await Workflow.DelayAsync(TimeSpan.FromHours(1));
        if (round < 3)
        {
            throw ContinueAsNew(round + 1, new ContinueAsNewOptions { Tags = [$"round-{round + 1}"], TaskStartToCloseTimeout = TimeSpan.FromSeconds(20) });
        }

        return round;
    }
}
