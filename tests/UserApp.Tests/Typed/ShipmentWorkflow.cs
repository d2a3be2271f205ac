using Swf.Workflows;

namespace UserApp.Tests.Typed;

/// <summary>A child: waits up to a day for a label (a signal), then reports the parcel labelled or not.</summary>
[Workflow(TaskList = "typed", ExecutionStartToCloseTimeout = "7.00:00:00", TaskStartToCloseTimeout = "00:00:30", ChildPolicy = "TERMINATE")]
public partial class ShipmentWorkflow
{
    private string? _label;

    [WorkflowRun]
    public async Task<string> RunAsync(string parcel)
    {
        var labelled = await Workflow.WaitConditionAsync(() => _label is not null, TimeSpan.FromDays(1), Workflow.CancellationToken);
        return labelled ? $"{parcel} labelled {_label}" : $"{parcel} unlabelled";
    }

    [Signal]
    public Task LabelAsync(string label)
    {
        _label = label;
        return Task.CompletedTask;
    }
}
