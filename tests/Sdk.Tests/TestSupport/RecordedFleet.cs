using Swf.Activities;
using Swf.Hosting;
using Swf.Model;
using Swf.LocalEngine;
using Swf.Testing;
using Swf.Workflows;

namespace Swf.Tests.TestSupport;

/// <summary>
/// Runs a few workflows to completion on the in-process engine (fake clock, real run ids), so that their
/// closed executions can be listed, downloaded and replayed as production's would be: two orders, each of which
/// charges and then starts a shipping child with the default child id (<c>{workflowId}-child-1</c>), and an audit.
/// </summary>
internal sealed class RecordedFleet : IAsyncDisposable
{
    public const string Domain = "shop";
    public static readonly WorkflowType Order = new() { Name = "Order", Version = "1" };
    public static readonly WorkflowType Shipping = new() { Name = "Shipping", Version = "1" };
    public static readonly WorkflowType Audit = new() { Name = "Audit", Version = "1" };
    public static readonly ActivityType Charge = new() { Name = "Charge", Version = "1" };
    public static readonly ActivityType Refund = new() { Name = "Refund", Version = "1" };

    private RecordedFleet(SwfTestEnvironment environment) => Environment = environment;

    public static WorkflowDefinition OrderDefinition { get; } = Define(Order, async input =>
    {
        var receipt = await Workflow.ExecuteActivityAsync(Charge, input);
        return await Workflow.ExecuteChildWorkflowAsync(Shipping, receipt);
    });

    /// <summary>Gets the order workflow changed in a way that breaks the recorded orders: it refunds where it charged.</summary>
    public static WorkflowDefinition ChangedOrderDefinition { get; } = Define(Order, async input =>
    {
        var receipt = await Workflow.ExecuteActivityAsync(Refund, input);
        return await Workflow.ExecuteChildWorkflowAsync(Shipping, receipt);
    });

    public static WorkflowDefinition ShippingDefinition { get; } = Define(Shipping, async input =>
    {
        await Workflow.DelayAsync(TimeSpan.FromDays(1));
        return "shipped " + input;
    });

    public static WorkflowDefinition AuditDefinition { get; } = Define(Audit, async input =>
    {
        await Workflow.DelayAsync(TimeSpan.FromHours(1));
        return await Workflow.ExecuteActivityAsync(Charge, "audit " + input);
    });

    public static IReadOnlyList<WorkflowDefinition> Definitions { get; } = [OrderDefinition, ShippingDefinition, AuditDefinition];

    public SwfTestEnvironment Environment { get; }

    public LocalSwfEngine Engine => Environment.Engine;

    /// <summary>Starts the environment and runs order-1, order-2 (with their children) and audit-1 until all are closed.</summary>
    public static async Task<RecordedFleet> RunAsync()
    {
        var environment = await SwfTestEnvironment.StartAsync(
            swf => swf
                .AddWorkflow(OrderDefinition)
                .AddWorkflow(ShippingDefinition)
                .AddWorkflow(AuditDefinition)
                .AddActivities([new ActivityDefinition
                {
                    ActivityType = Charge,
                    DefaultTaskList = "payments",
                    DefaultScheduleToStartTimeout = TimeSpan.FromMinutes(5),
                    DefaultScheduleToCloseTimeout = TimeSpan.FromHours(1),
                    DefaultStartToCloseTimeout = TimeSpan.FromMinutes(30),
                    Execute = (_, input) => Task.FromResult<string?>("receipt for " + input),
                }]),
            options: new SwfTestEnvironmentOptions { Domain = Domain });
        var fleet = new RecordedFleet(environment);
        await fleet.RunMoreAsync(Order, "order-1", "order-2");
        await fleet.RunMoreAsync(Audit, "audit-1");
        return fleet;
    }

    /// <summary>Runs more executions of a type until every execution is closed.</summary>
    public async Task RunMoreAsync(WorkflowType type, params string[] workflowIds)
    {
        foreach (var workflowId in workflowIds)
        {
            await Environment.Client.StartAsync(type, workflowId, workflowId);
        }

        await Environment.RunUntilClosedAsync();
    }

    /// <summary>Lists the closed executions the engine holds, the most recently closed first.</summary>
    public async Task<List<WorkflowExecutionInfo>> ClosedAsync()
    {
        var page = await Engine.ListClosedWorkflowExecutionsAsync(new ListClosedWorkflowExecutionsRequest
        {
            Domain = Domain,
            CloseTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch },
        });
        return page.WorkflowExecutionInfos.ExecutionInfos;
    }

    /// <summary>Downloads one execution's whole history.</summary>
    public async Task<List<HistoryEvent>> HistoryAsync(WorkflowExecution execution)
    {
        var events = new List<HistoryEvent>();
        await foreach (var e in Environment.Client.GetHandle(execution.WorkflowId, execution.RunId).GetHistoryAsync())
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>Finds the one closed execution with a workflow id.</summary>
    public async Task<WorkflowExecution> ExecutionAsync(string workflowId) =>
        (await ClosedAsync()).Single(i => i.Execution.WorkflowId == workflowId).Execution;

    public ValueTask DisposeAsync() => Environment.DisposeAsync();

    private static WorkflowDefinition Define(WorkflowType type, Func<string?, Task<string?>> run) => new()
    {
        WorkflowType = type,
        DefaultTaskList = "decisions",
        DefaultExecutionStartToCloseTimeout = TimeSpan.FromDays(30),
        DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
        DefaultChildPolicy = ChildPolicy.Terminate,
        CreateInstance = () => new object(),
        Run = (_, input) => run(input),
    };
}
