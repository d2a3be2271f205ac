using Microsoft.Extensions.Time.Testing;
using Swf.Activities;
using Swf.Cli.Tests.Workflows;
using Swf.Client;
using Swf.LocalEngine;
using Swf.Model;
using Swf.Worker;

namespace Swf.Cli.Tests.TestSupport;

/// <summary>
/// Runs the Greeting workflow of the test workflow assembly on the local engine, on a fake clock, and
/// keeps the engine so that its history can be served or read.
/// </summary>
internal sealed class SampleRun : IDisposable
{
    public const string Domain = "greetings";
    public const string WorkflowId = "greeting-1";
    private const string Decisions = "decisions";
    private const string ActivityTasks = "activities";

    private SampleRun(LocalSwfEngine engine, string runId)
    {
        Engine = engine;
        RunId = runId;
    }

    public LocalSwfEngine Engine { get; }

    public string RunId { get; }

    public static async Task<SampleRun> StartAsync(bool hurry = false)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var engine = new LocalSwfEngine(new LocalSwfEngineOptions { TimeProvider = clock, RunIdGenerator = () => "run-1" });
        await RegisterAsync(engine);
        var decider = new WorkflowWorker(engine, new WorkflowWorkerOptions { Domain = Domain, TaskList = Decisions, Identity = "decider", StickyExecution = false }, [GreetingWorkflows.Greeting]);
        using var activities = new ActivityWorker(
            engine,
            new ActivityWorkerOptions { Domain = Domain, TaskList = ActivityTasks, Identity = "worker", TimeProvider = clock },
            [
                new ActivityDefinition { ActivityType = GreetingWorkflows.Greet, Execute = (_, input) => Task.FromResult<string?>($"\"hello {input?.Trim('"')}\"") },
                new ActivityDefinition { ActivityType = GreetingWorkflows.Shout, Execute = (_, input) => Task.FromResult(input?.ToUpperInvariant()) },
            ]);
        var workflows = new WorkflowClient(engine, new WorkflowClientOptions { Domain = Domain, TimeProvider = clock });
        var handle = await workflows.StartAsync(GreetingWorkflows.Greeting.WorkflowType, WorkflowId, "\"ada\"");

        // Decide (schedule Greet), run Greet, decide (start the one-minute timer), let a minute pass or
        // signal "hurry", decide (schedule Shout), run Shout, decide (complete).
        Assert.True(await decider.PollOnceAsync(Decisions));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await activities.PollOnceAsync());
        Assert.True(await decider.PollOnceAsync(Decisions));
        if (hurry)
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            await engine.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = Domain, WorkflowId = WorkflowId, SignalName = "hurry", Input = "\"now\"" });
        }
        else
        {
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.True(await decider.PollOnceAsync(Decisions));
        Assert.True(await activities.PollOnceAsync());
        Assert.True(await decider.PollOnceAsync(Decisions));
        return new SampleRun(engine, handle.RunId ?? "run-1");
    }

    public async Task<List<HistoryEvent>> HistoryAsync()
    {
        var events = new List<HistoryEvent>();
        await foreach (var e in new WorkflowClient(Engine, new WorkflowClientOptions { Domain = Domain }).GetHandle(WorkflowId, RunId).GetHistoryAsync())
        {
            events.Add(e);
        }

        return events;
    }

    public void Dispose() => Engine.Dispose();

    private static async Task RegisterAsync(LocalSwfEngine engine)
    {
        await engine.RegisterDomainAsync(new RegisterDomainRequest { Name = Domain, WorkflowExecutionRetentionPeriodInDays = "30" });
        await engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = Domain,
            Name = "Greeting",
            Version = "1",
            DefaultTaskList = new TaskList { Name = Decisions },
            DefaultExecutionStartToCloseTimeout = "3600",
            DefaultTaskStartToCloseTimeout = "30",
            DefaultChildPolicy = ChildPolicy.Terminate,
        });
        foreach (var type in new[] { GreetingWorkflows.Greet, GreetingWorkflows.Shout })
        {
            await engine.RegisterActivityTypeAsync(new RegisterActivityTypeRequest
            {
                Domain = Domain,
                Name = type.Name,
                Version = type.Version,
                DefaultTaskList = new TaskList { Name = ActivityTasks },
                DefaultTaskScheduleToStartTimeout = "NONE",
                DefaultTaskScheduleToCloseTimeout = "NONE",
                DefaultTaskStartToCloseTimeout = "60",
                DefaultTaskHeartbeatTimeout = "NONE",
            });
        }
    }
}
