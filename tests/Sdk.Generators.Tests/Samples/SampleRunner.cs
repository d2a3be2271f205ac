using System.Globalization;
using Swf.Activities;
using Swf.Client;
using Swf.Converters;
using Swf.Model;
using Swf.Registration;
using Swf.Worker;
using Swf.Workflows;

namespace Swf.Generators.Tests.Samples;

/// <summary>
/// Runs <see cref="OrderWorkflow"/> end to end on an SWF client (the in-process engine) through the
/// generated definition, proxy, dispatcher and typed client.
/// </summary>
public sealed class SampleRunner : IDisposable
{
    public const string Domain = "shop";

    private readonly ISwfClient _swf;
    private readonly IPayloadConverter _converter = new JsonPayloadConverter(SampleJsonContext.Default);
    private readonly WorkflowWorker _workflows;
    private readonly ActivityWorker _activities;

    public SampleRunner(ISwfClient swf, TimeProvider timeProvider)
    {
        _swf = swf;
        Client = new OrderWorkflowClient(new WorkflowClient(swf, new WorkflowClientOptions { Domain = Domain, PayloadConverter = _converter, TimeProvider = timeProvider }));
        _workflows = new WorkflowWorker(swf, new WorkflowWorkerOptions { Domain = Domain, TaskList = "orders", Identity = "sample", PayloadConverter = _converter }, SwfRegistry.WorkflowDefinitions);
        _activities = new ActivityWorker(
            swf,
            new ActivityWorkerOptions { Domain = Domain, TaskList = "payments", Identity = "sample", TimeProvider = timeProvider },
            SwfRegistry.CreateActivityDefinitions<IPaymentActivities>(Payments, _converter));
    }

    public PaymentActivities Payments { get; } = new();

    public void Dispose() => _activities.Dispose();

    public OrderWorkflowClient Client { get; }

    /// <summary>Registers the domain and every generated workflow and activity type with their defaults.</summary>
    public async Task RegisterAsync()
    {
        await _swf.RegisterDomainAsync(new RegisterDomainRequest { Name = Domain, WorkflowExecutionRetentionPeriodInDays = "1" });
        foreach (var workflow in SwfRegistry.WorkflowDefinitions)
        {
            await _swf.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
            {
                Domain = Domain,
                Name = workflow.WorkflowType.Name,
                Version = workflow.WorkflowType.Version,
                DefaultTaskList = workflow.DefaultTaskList is null ? null : new TaskList { Name = workflow.DefaultTaskList },
                DefaultExecutionStartToCloseTimeout = Seconds(workflow.DefaultExecutionStartToCloseTimeout),
                DefaultTaskStartToCloseTimeout = Seconds(workflow.DefaultTaskStartToCloseTimeout),
                DefaultChildPolicy = workflow.DefaultChildPolicy,
            });
        }

        foreach (var activity in SwfRegistry.CreateActivityDefinitions<IPaymentActivities>(Payments, _converter))
        {
            await _swf.RegisterActivityTypeAsync(new RegisterActivityTypeRequest
            {
                Domain = Domain,
                Name = activity.ActivityType.Name,
                Version = activity.ActivityType.Version,
                DefaultTaskList = activity.DefaultTaskList is null ? null : new TaskList { Name = activity.DefaultTaskList },
                DefaultTaskScheduleToStartTimeout = Seconds(activity.DefaultScheduleToStartTimeout),
                DefaultTaskScheduleToCloseTimeout = Seconds(activity.DefaultScheduleToCloseTimeout),
                DefaultTaskStartToCloseTimeout = Seconds(activity.DefaultStartToCloseTimeout),
                DefaultTaskHeartbeatTimeout = Seconds(activity.DefaultHeartbeatTimeout),
            });
        }
    }

    /// <summary>Polls decision and activity tasks until none is pending.</summary>
    public async Task RunUntilIdleAsync()
    {
        var progressed = true;
        while (progressed)
        {
            progressed = false;
            foreach (var list in new[] { "orders", _workflows.StickyTaskList })
            {
                var decisions = await _swf.CountPendingDecisionTasksAsync(new CountPendingDecisionTasksRequest { Domain = Domain, TaskList = new TaskList { Name = list } });
                if (decisions.PendingTaskCount.Count > 0)
                {
                    progressed |= await _workflows.PollOnceAsync(list);
                }
            }

            var activities = await _swf.CountPendingActivityTasksAsync(new CountPendingActivityTasksRequest { Domain = Domain, TaskList = new TaskList { Name = "payments" } });
            if (activities.PendingTaskCount.Count > 0)
            {
                progressed |= await _activities.PollOnceAsync();
            }
        }
    }

    /// <summary>Polls decision tasks only (no activity runs) until none is pending.</summary>
    public async Task RunDecisionsUntilIdleAsync()
    {
        var progressed = true;
        while (progressed)
        {
            progressed = false;
            foreach (var list in new[] { "orders", _workflows.StickyTaskList })
            {
                var decisions = await _swf.CountPendingDecisionTasksAsync(new CountPendingDecisionTasksRequest { Domain = Domain, TaskList = new TaskList { Name = list } });
                if (decisions.PendingTaskCount.Count > 0)
                {
                    progressed |= await _workflows.PollOnceAsync(list);
                }
            }
        }
    }

    /// <summary>Starts an order, approves it through the typed signal, and returns the typed result.</summary>
    public async Task<Receipt> RunOrderAsync(string orderId, decimal total, string approver)
    {
        var handle = await Client.StartAsync(new Order(orderId, total), workflowId: $"order-{orderId}");
        await RunUntilIdleAsync();
        await handle.SignalApproveAsync(new Approval(true, approver));
        await RunUntilIdleAsync();
        return await handle.GetResultAsync();
    }

    private static string? Seconds(TimeSpan? value) =>
        value is null ? null : ((long)value.Value.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
