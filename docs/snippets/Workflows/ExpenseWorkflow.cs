using Swf.Workflows;

namespace Docs.Snippets.Workflows;

[Workflow(TaskList = "expenses", ExecutionStartToCloseTimeout = "30.00:00:00", TaskStartToCloseTimeout = "00:00:10", ChildPolicy = "TERMINATE")]
public partial class ExpenseWorkflow
{
    #region retry
    // Retries wait 1 s, 2 s, 4 s, ... up to a minute (durable timers in the
    // history): at most 5 attempts, and none after an InvalidAmountException.
    private readonly IExpenseActivities _activities =
        Workflow.Activities<IExpenseActivities>(new ActivityOptions
        {
            Retry = new RetryPolicy
            {
                MaximumAttempts = 5,
                MaximumInterval = TimeSpan.FromMinutes(1),
                NonRetryableErrorTypes = { nameof(InvalidAmountException) },
            },
        });
    #endregion

    #region signal
    private bool? _approved;

    // Signal "Decide"; the generated handle sends it with SignalDecideAsync(true).
    [Signal]
    public Task DecideAsync(bool approved)
    {
        _approved = approved;
        return Task.CompletedTask;
    }
    #endregion

    [WorkflowRun]
    public async Task<string> RunAsync(decimal amount)
    {
        #region conditions
        // Wait a day for the decision; remind the approver once, then wait
        // two more days.
        var day = TimeSpan.FromDays(1);
        if (!await Workflow.WaitConditionAsync(() => _approved is not null, day))
        {
            await _activities.RemindAsync("finance");
            if (!await Workflow.WaitConditionAsync(() => _approved is not null, 2 * day))
            {
                return "expired";
            }
        }
        #endregion

        if (_approved != true)
        {
            return "rejected";
        }

        #region timer
        // A durable SWF timer: another machine may run the code when it fires.
        await Workflow.DelayAsync(TimeSpan.FromHours(1));
        #endregion

        #region versioning
        // Runs that started before this change replay with DefaultVersion,
        // and keep skipping the audit marker.
        var version = Workflow.GetVersion("audit-before-pay", Workflow.DefaultVersion, 1);
        if (version == 1)
        {
            Workflow.RecordMarker("audit", $"{amount} approved at {Workflow.UtcNow:O}");
        }
        #endregion

        return await _activities.PayAsync(amount);
    }
}
