using Temporalio.Workflows;

namespace Swf.Benchmarks;

/// <summary>Temporal's twin of <see cref="SequentialWorkflow"/>: n activities one after another, each given the previous result.</summary>
[Workflow("Sequential")]
public sealed class TemporalSequentialWorkflow
{
    private static readonly ActivityOptions Options = new() { StartToCloseTimeout = TimeSpan.FromMinutes(1) };

    /// <summary>Runs the activities.</summary>
    /// <param name="count">How many.</param>
    /// <returns>The last result.</returns>
    [WorkflowRun]
    public async Task<string> RunAsync(int count)
    {
        var last = "0";
        for (var i = 0; i < count; i++)
        {
            last = await Workflow.ExecuteActivityAsync<string>("Step", [last], Options);
        }

        return last;
    }
}
