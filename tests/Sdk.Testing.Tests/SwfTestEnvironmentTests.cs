using Swf.Activities;
using Swf.Exceptions;
using Swf.Hosting;
using Swf.Model;
using Swf.Workflows;

namespace Swf.Testing.Tests;

public class SwfTestEnvironmentTests
{
    private static readonly WorkflowType Approval = new() { Name = "Approval", Version = "1" };
    private static readonly ActivityType Ship = new() { Name = "Ship", Version = "1" };

    private sealed class ApprovalWorkflow
    {
        private string? _approver;

        public async Task<string?> RunAsync(string? input)
        {
            if (!await Workflow.WaitConditionAsync(() => _approver is not null, TimeSpan.FromDays(2)))
            {
                return "rejected: no approval in 2 days";
            }

            await Workflow.DelayAsync(TimeSpan.FromDays(30));
            return await Workflow.ExecuteActivityAsync(Ship, $"{input} approved by {_approver}");
        }

        public Task ApproveAsync(string? approver)
        {
            _approver = approver;
            return Task.CompletedTask;
        }
    }

    private static void AddApproval(ISwfBuilder swf) => swf
        .AddWorkflow(new WorkflowDefinition
        {
            WorkflowType = Approval,
            DefaultTaskList = "orders",
            DefaultExecutionStartToCloseTimeout = TimeSpan.FromDays(60),
            DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
            DefaultChildPolicy = ChildPolicy.Terminate,
            CreateInstance = () => new ApprovalWorkflow(),
            Run = (w, input) => ((ApprovalWorkflow)w).RunAsync(input),
            Signals = new Dictionary<string, Func<object, string?, Task>> { ["approve"] = (w, input) => ((ApprovalWorkflow)w).ApproveAsync(input) },
        })
        .AddActivities([new ActivityDefinition
        {
            ActivityType = Ship,
            DefaultTaskList = "warehouse",
            DefaultScheduleToStartTimeout = TimeSpan.FromMinutes(5),
            DefaultScheduleToCloseTimeout = TimeSpan.FromHours(1),
            DefaultStartToCloseTimeout = TimeSpan.FromMinutes(30),
            Execute = (_, input) => Task.FromResult<string?>("shipped " + input),
        }]);

    [Fact]
    public async Task ExecuteWorkflowAsync_NoApprovalSent_DeadlineSkippedToAndWorkflowRejects()
    {
        await using var env = await SwfTestEnvironment.StartAsync(AddApproval);
        var start = env.Clock.GetUtcNow();

        var result = await env.ExecuteWorkflowAsync(Approval, "order-1", "order-1");

        Assert.Equal("rejected: no approval in 2 days", result);
        Assert.Equal(TimeSpan.FromDays(2), env.Clock.GetUtcNow() - start);
    }

    [Fact]
    public async Task RunUntilClosedAsync_ApprovedBySignal_MonthLongTimerSkippedThenShips()
    {
        await using var env = await SwfTestEnvironment.StartAsync(AddApproval);
        var start = env.Clock.GetUtcNow();
        var handle = await env.Client.StartAsync(Approval, "order-2", "order-2");
        await env.RunUntilIdleAsync();

        await handle.SignalAsync("approve", "ann");
        await env.RunUntilClosedAsync();

        Assert.Equal("shipped order-2 approved by ann", await handle.GetResultAsync());
        Assert.True(env.Clock.GetUtcNow() - start >= TimeSpan.FromDays(30));
    }

    [Fact]
    public async Task RunUntilClosedAsync_WorkflowTerminatedMidway_ResultThrowsTyped()
    {
        await using var env = await SwfTestEnvironment.StartAsync(AddApproval);
        var handle = await env.Client.StartAsync(Approval, "order-3", "order-3");
        await env.RunUntilIdleAsync();

        await handle.TerminateAsync("customer cancelled by phone");
        await env.RunUntilClosedAsync();

        var ex = await Assert.ThrowsAsync<WorkflowTerminatedException>(() => handle.GetResultAsync());
        Assert.Equal("customer cancelled by phone", ex.Reason);
    }
}
