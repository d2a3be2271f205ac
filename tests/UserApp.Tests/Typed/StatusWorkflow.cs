using Swf.Workflows;

namespace UserApp.Tests.Typed;

/// <summary>Publishes its state through queries while it waits for signals.</summary>
[Workflow(TaskList = "typed", ExecutionStartToCloseTimeout = "7.00:00:00", TaskStartToCloseTimeout = "00:00:30", ChildPolicy = "TERMINATE")]
public partial class StatusWorkflow
{
    private string _stage = "waiting";
    private int _signals;
    private int _padding;

    [WorkflowRun]
    public async Task<string> RunAsync(string name)
    {
        await Workflow.WaitConditionAsync(() => _signals >= 2, TimeSpan.FromDays(1));
        _stage = "done";
        return $"{name} done";
    }

    [Query]
    public string Stage => _stage;

    [Query("signals")]
    public int GetSignalCount() => _signals;

    /// <summary>Grows past SWF's 32,768-character context limit when a signal asks it to.</summary>
    [Query]
    public string Padding => new('x', _padding);

    [Signal]
    public Task PokeAsync(int padding)
    {
        _signals++;
        _padding = padding;
        _stage = "poked";
        return Task.CompletedTask;
    }
}
