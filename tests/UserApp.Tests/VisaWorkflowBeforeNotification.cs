using Swf.Workflows;
using UserApp.Tests.Travel;

namespace UserApp.Tests;

/// <summary>
/// <see cref="VisaWorkflow"/> as it was before travelers were notified of the decision: kept (written by hand
/// against the same SWF type) only to record the history that today's code must still replay. With
/// <c>notifyWithoutVersion</c> it is the naive version of the change, without <c>Workflow.GetVersion</c>.
/// </summary>
internal sealed class VisaWorkflowBeforeNotification(bool notifyWithoutVersion)
{
    private readonly IVisaActivities _office = Workflow.Activities<IVisaActivities>();
    private readonly IVisaActivities _withdrawals = Workflow.Activities<IVisaActivities>(new ActivityOptions { CancellationToken = CancellationToken.None });
    private VisaDecision? _decision;

    public static WorkflowDefinition Definition(bool notifyWithoutVersion = false) => new()
    {
        WorkflowType = VisaWorkflow.SwfDefinition.WorkflowType,
        DefaultTaskList = VisaWorkflow.SwfDefinition.DefaultTaskList,
        DefaultExecutionStartToCloseTimeout = VisaWorkflow.SwfDefinition.DefaultExecutionStartToCloseTimeout,
        DefaultTaskStartToCloseTimeout = VisaWorkflow.SwfDefinition.DefaultTaskStartToCloseTimeout,
        DefaultChildPolicy = VisaWorkflow.SwfDefinition.DefaultChildPolicy,
        CreateInstance = () => new VisaWorkflowBeforeNotification(notifyWithoutVersion),
        Run = async (workflow, input) =>
        {
            var converter = Workflow.PayloadConverter;
            var result = await ((VisaWorkflowBeforeNotification)workflow).RunAsync(converter.Deserialize<VisaApplication>(input)!);
            return converter.Serialize(result);
        },
        Signals = new Dictionary<string, Func<object, string?, Task>>
        {
            ["Decide"] = (workflow, input) => ((VisaWorkflowBeforeNotification)workflow).DecideAsync(Workflow.PayloadConverter.Deserialize<VisaDecision>(input)!),
        },
    };

    private async Task<VisaResult> RunAsync(VisaApplication application)
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

        if (notifyWithoutVersion)
        {
            await _office.NotifyTravelerAsync(application, _decision!);
        }

        return new(_decision!.Granted, $"{(_decision.Granted ? "granted" : "refused")} by {_decision.Officer}");
    }

    private Task DecideAsync(VisaDecision decision)
    {
        _decision ??= decision;
        return Task.CompletedTask;
    }
}
