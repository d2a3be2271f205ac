using System.Globalization;
using Swf.Workflows;

namespace PackageSmoke.Trap;

/// <summary>Reads the machine clock inside a workflow: the package's analyzer must fail this build with SWF2001.</summary>
[Workflow(Version = "1", TaskList = "trap", ExecutionStartToCloseTimeout = "00:10:00", TaskStartToCloseTimeout = "00:00:30", ChildPolicy = "TERMINATE")]
public partial class ClockWorkflow
{
    /// <summary>Runs the workflow.</summary>
    /// <returns>The machine's clock.</returns>
    [WorkflowRun]
    public Task<string> RunAsync() => Task.FromResult(DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
}
