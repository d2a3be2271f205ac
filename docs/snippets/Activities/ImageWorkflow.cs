using Swf.Model;
using Swf.Workflows;

namespace Docs.Snippets.Activities;

[Workflow(TaskList = "images", ExecutionStartToCloseTimeout = "01:00:00", TaskStartToCloseTimeout = "00:00:10", ChildPolicy = "TERMINATE")]
public partial class ImageWorkflow
{
    #region untyped
    // An activity written in Python, polled from the "images-py" task list:
    // schedule it by its registered type. Input and result go through the
    // workflow's payload converter (JSON by default).
    private static readonly ActivityType Resize = new() { Name = "resize-image", Version = "1" };

    [WorkflowRun]
    public async Task<string?> RunAsync(string url) =>
        await Workflow.ExecuteActivityAsync<string, string>(Resize, url, new ActivityOptions
        {
            TaskList = "images-py",
            ScheduleToStartTimeout = TimeSpan.FromMinutes(5),
            StartToCloseTimeout = TimeSpan.FromMinutes(1),
            ScheduleToCloseTimeout = TimeSpan.FromMinutes(10),
        });
    #endregion
}
