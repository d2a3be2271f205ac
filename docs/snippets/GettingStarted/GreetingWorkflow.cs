using Swf.Workflows;

namespace Docs.Snippets.GettingStarted;

#region workflow
[Workflow(
    Version = "1",
    TaskList = "greetings",
    ExecutionStartToCloseTimeout = "1.00:00:00",
    TaskStartToCloseTimeout = "00:00:10",
    ChildPolicy = "TERMINATE")]
public partial class GreetingWorkflow
{
    private readonly IGreetingActivities _activities =
        Workflow.Activities<IGreetingActivities>();

    [WorkflowRun]
    public async Task<string> RunAsync(string name) =>
        await _activities.ComposeGreetingAsync(name);
}
#endregion
