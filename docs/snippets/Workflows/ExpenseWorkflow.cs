using Swf.Workflows;

namespace Docs.Snippets.Workflows;

[Workflow(TaskList = "expenses", ExecutionStartToCloseTimeout = "30.00:00:00", TaskStartToCloseTimeout = "00:00:10", ChildPolicy = "TERMINATE")]
public partial class ExpenseWorkflow
{
    #region retry
    private readonly IExpenseActivities _activities = Workflow.Activities<IExpenseActivities>(new ActivityOptions
    {
        // Waits of 1 s, 2 s, 4 s, ... (durable timers in the history), at most 5 attempts, never for a bad amount.
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

    // The client calls it as handle.SignalDecideAsync(true); the signal's name is "Decide".
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
        // Wait up to a day for the decision; remind the approver once, then give them two more days.
        if (!await Workflow.WaitConditionAsync(() => _approved is not null, TimeSpan.FromDays(1)))
        {
            await _activities.RemindAsync("finance");
            if (!await Workflow.WaitConditionAsync(() => _approved is not null, TimeSpan.FromDays(2)))
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
        // A durable SWF timer: the workflow may be replayed on another machine when it fires.
        await Workflow.DelayAsync(TimeSpan.FromHours(1));
        #endregion

        #region versioning
        // Executions started before the change replay with DefaultVersion and keep skipping the audit.
        if (Workflow.GetVersion("audit-before-pay", Workflow.DefaultVersion, 1) == 1)
        {
            Workflow.RecordMarker("audit", $"amount {amount} approved at {Workflow.UtcNow:O}");
        }
        #endregion

        return await _activities.PayAsync(amount);
    }
}
