using Swf.Workflows;

namespace UserApp.Tests.Travel;

/// <summary>
/// A visa application: filed with the consulate, which answers with a signal within 30 days. A canceled
/// application is withdrawn.
/// </summary>
[Workflow(TaskList = "visas", ExecutionStartToCloseTimeout = "60.00:00:00", TaskStartToCloseTimeout = "00:00:30", ChildPolicy = "TERMINATE")]
public partial class VisaWorkflow
{
    private readonly IVisaActivities _office = Workflow.Activities<IVisaActivities>();

    // Withdrawing runs after the cancellation, so the workflow's token must not cancel it.
    private readonly IVisaActivities _withdrawals = Workflow.Activities<IVisaActivities>(new ActivityOptions { CancellationToken = CancellationToken.None });

    private VisaDecision? _decision;

    [WorkflowRun]
    public async Task<VisaResult> RunAsync(VisaApplication application)
    {
        var applicationId = await _office.SubmitApplicationAsync(application);
        try
        {
            if (!await Workflow.WaitConditionAsync(() => _decision is not null, TimeSpan.FromDays(30)))
            {
                return new(false, "the consulate did not answer within 30 days");
            }
        }
        catch (OperationCanceledException)
        {
            await _withdrawals.WithdrawApplicationAsync(applicationId);
            throw;
        }

        // Added while applications were running: those decided before the change were not told, and their
        // histories must replay without the notification (docs/versioning.md).
        if (Workflow.GetVersion("notify-traveler", Workflow.DefaultVersion, 1) == 1)
        {
            await _office.NotifyTravelerAsync(application, _decision!);
        }

        return new(_decision!.Granted, $"{(_decision.Granted ? "granted" : "refused")} by {_decision.Officer}");
    }

    /// <summary>The consulate decides.</summary>
    [Signal]
    public Task DecideAsync(VisaDecision decision)
    {
        _decision ??= decision;
        return Task.CompletedTask;
    }
}
