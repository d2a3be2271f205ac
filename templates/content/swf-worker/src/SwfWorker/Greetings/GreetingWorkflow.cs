using Swf.Activities;
using Swf.Workflows;

namespace SwfWorker.Greetings;

/// <summary>
/// Composes a greeting, then waits up to a day for someone to confirm it. A workflow must be deterministic:
/// time, timers and randomness come from <see cref="Workflow"/> (the analyzers flag DateTime.Now and friends),
/// and every wait is durable in SWF's history, so a worker restart loses nothing.
/// </summary>
[Workflow(Version = "1", TaskList = "greetings", ExecutionStartToCloseTimeout = "2.00:00:00", TaskStartToCloseTimeout = "00:00:30", ChildPolicy = "TERMINATE")]
public partial class GreetingWorkflow
{
    private readonly IGreetingActivities _activities = Workflow.Activities<IGreetingActivities>(
        new ActivityOptions { Retry = RetryPolicy.Exponential(maxAttempts: 3) });

    private string? _confirmedBy;

    /// <summary>Runs the workflow.</summary>
    /// <param name="name">Who to greet.</param>
    /// <returns>The greeting, and who confirmed it.</returns>
    [WorkflowRun]
    public async Task<string> RunAsync(string name)
    {
        var greeting = await _activities.ComposeGreetingAsync(name);
        if (!await Workflow.WaitConditionAsync(() => _confirmedBy is not null, TimeSpan.FromDays(1)))
        {
            return $"{greeting} (not confirmed within a day)";
        }

        return $"{greeting} (confirmed by {_confirmedBy})";
    }

    /// <summary>Confirms the greeting.</summary>
    /// <param name="by">Who confirms it.</param>
    /// <returns>A completed task.</returns>
    [Signal]
    public Task ConfirmAsync(string by)
    {
        _confirmedBy = by;
        return Task.CompletedTask;
    }
}
