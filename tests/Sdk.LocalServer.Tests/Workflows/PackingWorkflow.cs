using Swf.Workflows;

namespace Swf.LocalServer.Tests.Workflows;

/// <summary>Packs an order in steps signalled from outside, and publishes how far it got through queries.</summary>
[Workflow(TaskList = "packing", ExecutionStartToCloseTimeout = "1.00:00:00", TaskStartToCloseTimeout = "00:00:30", ChildPolicy = "TERMINATE")]
public partial class PackingWorkflow
{
    private readonly List<string> _packed = [];
    private string _stage = "waiting";

    /// <summary>Waits for as many packing steps as asked, then returns what was packed.</summary>
    /// <param name="steps">How many steps the order needs.</param>
    /// <returns>The items, in the order they were packed.</returns>
    [WorkflowRun]
    public async Task<string> RunAsync(int steps)
    {
        await Workflow.WaitConditionAsync(() => _packed.Count >= steps);
        _stage = "packed";
        return string.Join(",", _packed);
    }

    /// <summary>Gets the current stage.</summary>
    [Query]
    public string Stage => _stage;

    /// <summary>Gets how many items are packed so far.</summary>
    /// <returns>The number of items.</returns>
    [Query("items")]
    public int GetItemCount() => _packed.Count;

    /// <summary>One item went into the box.</summary>
    /// <param name="item">The item.</param>
    /// <returns>A completed task.</returns>
    [Signal]
    public Task PackAsync(string item)
    {
        _packed.Add(item);
        _stage = "packing " + item;
        return Task.CompletedTask;
    }
}
