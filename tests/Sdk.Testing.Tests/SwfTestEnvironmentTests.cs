using Microsoft.Extensions.Time.Testing;
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

    private static void AddApproval(ISwfBuilder swf) => AddShip(swf
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
        }));

    private static ISwfBuilder AddShip(ISwfBuilder swf) => swf
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

    // ---- every workflow's task list is polled ----------------------------------------------

    private static readonly WorkflowType Parent = new() { Name = "Parent", Version = "1" };
    private static readonly WorkflowType Shipping = new() { Name = "Shipping", Version = "1" };

    private static void AddParentAndChild(ISwfBuilder swf) => swf
        .AddWorkflow(new WorkflowDefinition
        {
            WorkflowType = Parent,
            DefaultTaskList = "orders",
            DefaultExecutionStartToCloseTimeout = TimeSpan.FromDays(1),
            DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
            DefaultChildPolicy = ChildPolicy.Terminate,
            CreateInstance = () => new object(),
            Run = async (_, input) => "parent got " + await Workflow.ExecuteChildWorkflowAsync(Shipping, input),
        })
        .AddWorkflow(new WorkflowDefinition
        {
            WorkflowType = Shipping,
            DefaultTaskList = "shipping",
            DefaultExecutionStartToCloseTimeout = TimeSpan.FromDays(1),
            DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
            DefaultChildPolicy = ChildPolicy.Terminate,
            CreateInstance = () => new object(),
            Run = (_, input) => Workflow.ExecuteActivityAsync(Ship, input),
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
    public async Task ExecuteWorkflowAsync_ChildTypeOnAnotherTaskList_ChildIsDecidedAndParentCompletes()
    {
        await using var env = await SwfTestEnvironment.StartAsync(AddParentAndChild);

        var result = await env.ExecuteWorkflowAsync(Parent, "order-1", "order-1");

        Assert.Equal("parent got shipped order-1", result);
    }

    [Fact]
    public async Task ExecuteWorkflowAsync_SecondWorkflowOnItsOwnTaskList_Completes()
    {
        await using var env = await SwfTestEnvironment.StartAsync(AddParentAndChild);

        var result = await env.ExecuteWorkflowAsync(Shipping, "parcel-1", "parcel-1");

        Assert.Equal("shipped parcel-1", result);
    }

    // ---- a failed decision task fails the awaiting call at once -----------------------------

    [Fact]
    public async Task RunUntilClosedAsync_WorkflowAwaitsATaskFromAnotherThread_ThrowsAtOnceNamingTheRun()
    {
        var foreign = new TaskCompletionSource();
        await using var env = await SwfTestEnvironment.StartAsync(swf => swf.AddWorkflow(new WorkflowDefinition
        {
            WorkflowType = Approval,
            DefaultTaskList = "orders",
            DefaultExecutionStartToCloseTimeout = TimeSpan.FromDays(60),
            DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
            DefaultChildPolicy = ChildPolicy.Terminate,
            CreateInstance = () => new object(),
            Run = async (_, input) =>
            {
                // Stands for Task.Delay, Task.Run or I/O: a task another thread completes.
                await foreign.Task;
                return input;
            },
        }));
        var handle = await env.Client.StartAsync(Approval, "order-4", "order-4");
        await env.RunUntilIdleAsync();

        await Task.Run(foreign.SetResult);

        var ex = await Assert.ThrowsAsync<WorkflowTaskFailedException>(() => env.RunUntilClosedAsync());
        Assert.Equal("order-4", ex.WorkflowId);
        Assert.Equal(handle.RunId, ex.RunId);
        Assert.Equal("test", ex.Domain);
        Assert.Equal(3, ex.StartedEventId);
        var cause = Assert.IsType<InvalidWorkflowOperationException>(ex.InnerException);
        Assert.Contains("another thread", cause.Message, StringComparison.Ordinal);
    }

    private static WorkflowDefinition Flaky(Func<int> nextRun) => new()
    {
        WorkflowType = Approval,
        DefaultTaskList = "orders",
        DefaultExecutionStartToCloseTimeout = TimeSpan.FromDays(60),
        DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
        DefaultChildPolicy = ChildPolicy.Terminate,
        CreateInstance = () => new object(),

        // Ships the first time the code runs, packs on every replay: a non-determinism.
        Run = (_, input) => Workflow.ExecuteActivityAsync(nextRun() == 1 ? Ship : new ActivityType { Name = "Pack", Version = "1" }, input),
    };

    [Fact]
    public async Task ExecuteWorkflowAsync_NonDeterministicCodeReplayedWithoutCache_ThrowsAtOnceWithTheNonDeterminism()
    {
        var runs = 0;
        await using var env = await SwfTestEnvironment.StartAsync(
            swf => AddShip(swf.AddWorkflow(Flaky(() => Interlocked.Increment(ref runs)))),
            options: new SwfTestEnvironmentOptions { CacheSize = 0 });
        var start = env.Clock.GetUtcNow();

        var ex = await Assert.ThrowsAsync<WorkflowTaskFailedException>(() => env.ExecuteWorkflowAsync(Approval, "order-5", "order-5"));

        Assert.Equal("order-5", ex.WorkflowId);
        var cause = Assert.IsType<NonDeterministicWorkflowException>(ex.InnerException);
        Assert.Contains("Pack", cause.CodeDid, StringComparison.Ordinal);
        Assert.Equal(start, env.Clock.GetUtcNow());
    }

    [Fact]
    public async Task GetResultAsync_DecisionTaskOfTheRunFails_ThrowsAtOnceWithoutAnExplicitRun()
    {
        var runs = 0;
        await using var env = await SwfTestEnvironment.StartAsync(
            swf => AddShip(swf.AddWorkflow(Flaky(() => Interlocked.Increment(ref runs)))),
            options: new SwfTestEnvironmentOptions { CacheSize = 0 });
        var handle = await env.Client.StartAsync(Approval, "order-6", "order-6");

        var ex = await Assert.ThrowsAsync<WorkflowTaskFailedException>(() => handle.GetResultAsync());

        Assert.Equal(handle.RunId, ex.RunId);
        Assert.IsType<NonDeterministicWorkflowException>(ex.InnerException);
    }

    [Fact]
    public async Task GetResultAsync_OpenRun_RunsTheWorkersAndSkipsTimeUntilItCloses()
    {
        await using var env = await SwfTestEnvironment.StartAsync(AddApproval);
        var handle = await env.Client.StartAsync(Approval, "order-7", "order-7");

        Assert.Equal("rejected: no approval in 2 days", await handle.GetResultAsync());
    }

    [Fact]
    public async Task RunUntilClosedAsync_WorkflowCodeBlocks_WatchdogFailsTheTaskWithADeadlock()
    {
        var watchdog = new FakeTimeProvider();
        using var gate = new ManualResetEventSlim();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var env = await SwfTestEnvironment.StartAsync(
            swf => swf.AddWorkflow(new WorkflowDefinition
            {
                WorkflowType = Approval,
                DefaultTaskList = "orders",
                DefaultExecutionStartToCloseTimeout = TimeSpan.FromDays(60),
                DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
                DefaultChildPolicy = ChildPolicy.Terminate,
                CreateInstance = () => new object(),
                Run = (_, input) =>
                {
                    // Blocks the thread instead of awaiting: what .Result, Task.Wait or Thread.Sleep do.
                    entered.TrySetResult();
                    gate.Wait();
                    return Task.FromResult(input);
                },
            }),
            options: new SwfTestEnvironmentOptions { WatchdogTimeProvider = watchdog });
        var handle = await env.Client.StartAsync(Approval, "order-8", "order-8");
        var running = env.RunUntilClosedAsync();
        await entered.Task;

        watchdog.Advance(TimeSpan.FromSeconds(2));
        var ex = await Assert.ThrowsAsync<WorkflowTaskFailedException>(() => running);
        gate.Set();

        var deadlock = Assert.IsType<WorkflowDeadlockException>(ex.InnerException);
        Assert.Equal(handle.RunId, deadlock.RunId);
        Assert.Equal("order-8", deadlock.WorkflowId);
        Assert.Equal("Approval", deadlock.WorkflowType);
        Assert.Equal(TimeSpan.FromSeconds(2), deadlock.Timeout);
    }
}
