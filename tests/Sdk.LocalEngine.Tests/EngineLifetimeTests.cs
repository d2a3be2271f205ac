using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class EngineLifetimeTests
{
    [Fact]
    public async Task Dispose_WaitingPoll_EndsWithObjectDisposed()
    {
        var h = await EngineHarness.CreateAsync();
        var poll = h.Engine.PollForActivityTaskAsync(new PollForActivityTaskRequest { Domain = EngineHarness.Domain, TaskList = new TaskList { Name = "x" } });

        h.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => poll);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => h.StartAsync());
    }

    [Fact]
    public async Task StartTimer_OneYear_FiresAtExactlyOneYear()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync(configure: r => r.ExecutionStartToCloseTimeout = "31536000");
        await h.DecideAsync(D.StartTimer("year", 31_536_000 - 10));

        h.Advance(TimeSpan.FromDays(365));

        var history = await h.HistoryAsync(runId);
        var fired = history.Single(e => e.EventType == EventType.TimerFired);
        Assert.Equal(EngineHarness.Epoch.UtcDateTime.AddSeconds(31_536_000 - 10), fired.EventTimestamp);
        Assert.Equal(EventType.WorkflowExecutionTimedOut, history[^1].EventType);
        Assert.Equal(EngineHarness.Epoch.UtcDateTime.AddSeconds(31_536_000), history[^1].EventTimestamp);
    }

    [Fact]
    public async Task RunIdGenerator_Default_MakesDistinctSwfSizedIds()
    {
        using var engine = new LocalSwfEngine(new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        await engine.RegisterDomainAsync(new RegisterDomainRequest { Name = "d", WorkflowExecutionRetentionPeriodInDays = "1" });
        await engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = "d", Name = "w", Version = "1", DefaultExecutionStartToCloseTimeout = "60", DefaultTaskStartToCloseTimeout = "10",
            DefaultTaskList = new TaskList { Name = "l" }, DefaultChildPolicy = ChildPolicy.Terminate,
        });

        var a = (await engine.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = "d", WorkflowId = "a", WorkflowType = new WorkflowType { Name = "w", Version = "1" } })).Run.RunId!;
        var b = (await engine.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = "d", WorkflowId = "b", WorkflowType = new WorkflowType { Name = "w", Version = "1" } })).Run.RunId!;

        Assert.NotEqual(a, b);
        Assert.InRange(a.Length, 1, 64);
    }

    [Fact]
    public async Task RetentionZero_ClosedRun_GoneOnceTimeMoves()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.Engine.RegisterDomainAsync(new RegisterDomainRequest { Name = "ephemeral", WorkflowExecutionRetentionPeriodInDays = "0" });
        await h.Engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = "ephemeral", Name = "w", Version = "1", DefaultExecutionStartToCloseTimeout = "60", DefaultTaskStartToCloseTimeout = "10",
            DefaultTaskList = new TaskList { Name = "l" }, DefaultChildPolicy = ChildPolicy.Terminate,
        });
        var runId = (await h.Engine.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest
        {
            Domain = "ephemeral", WorkflowId = "a", WorkflowType = new WorkflowType { Name = "w", Version = "1" },
        })).Run.RunId!;
        await h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = "ephemeral", WorkflowId = "a" });
        var describe = new DescribeWorkflowExecutionRequest { Domain = "ephemeral", Execution = new WorkflowExecution { WorkflowId = "a", RunId = runId } };
        await h.Engine.DescribeWorkflowExecutionAsync(describe);

        h.AdvanceSeconds(1);

        await Assert.ThrowsAsync<Swf.Exceptions.UnknownResourceException>(() => h.Engine.DescribeWorkflowExecutionAsync(describe));
    }
}
