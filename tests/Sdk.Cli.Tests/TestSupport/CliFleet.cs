using Swf.Activities;
using Swf.Cli.Tests.Workflows;
using Swf.Client;
using Swf.Hosting;
using Swf.Model;
using Swf.Testing;
using Swf.Workflows;

namespace Swf.Cli.Tests.TestSupport;

/// <summary>
/// Runs the test workflow assembly's workflows to completion on the in-process engine (fake clock, real run ids),
/// as production would have run them: two greetings and a family (which starts a member child with the default
/// id), so that <c>swf replay --domain</c> can list, download and replay them.
/// </summary>
internal sealed class CliFleet : IAsyncDisposable
{
    public const string Domain = "greetings";
    private static readonly ActivityType Whisper = new() { Name = "Whisper", Version = "1" };

    private CliFleet(SwfTestEnvironment environment) => Environment = environment;

    /// <summary>
    /// Gets the Greeting workflow as it was before it changed: it whispered where it now shouts, so its histories hold
    /// <c>ActivityTaskScheduled Whisper</c> at event 16, as <c>greeting-mutated.v1.json</c> does.
    /// </summary>
    public static WorkflowDefinition WhisperingGreeting { get; } = new()
    {
        WorkflowType = GreetingWorkflows.Greeting.WorkflowType,
        DefaultTaskList = GreetingWorkflows.Greeting.DefaultTaskList,
        CreateInstance = () => new object(),
        Run = async (_, input) =>
        {
            var greeting = await Workflow.ExecuteActivityAsync(GreetingWorkflows.Greet, input);
            await Workflow.WaitConditionAsync(() => false, TimeSpan.FromMinutes(1));
            return await Workflow.ExecuteActivityAsync(Whisper, greeting);
        },
    };

    public SwfTestEnvironment Environment { get; }

    public TimeProvider Clock => Environment.Clock;

    /// <summary>Runs greeting-1 and greeting-2 (with <paramref name="greeting"/>, by default the assembly's), then family-1.</summary>
    public static async Task<CliFleet> RunAsync(WorkflowDefinition? greeting = null)
    {
        var environment = await SwfTestEnvironment.StartAsync(
            swf => swf
                .AddWorkflow(greeting ?? GreetingWorkflows.Greeting)
                .AddWorkflow(FamilyWorkflows.Family)
                .AddWorkflow(FamilyWorkflows.Member)
                .AddActivities(
                [
                    Activity(GreetingWorkflows.Greet, input => $"\"hello {input?.Trim('"')}\""),
                    Activity(GreetingWorkflows.Shout, input => input?.ToUpperInvariant()),
                    Activity(Whisper, input => input?.ToLowerInvariant()),
                ]),
            options: new SwfTestEnvironmentOptions { Domain = Domain, StartTime = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero) });

        // Greeting's type has no default timeouts, so each start gives them.
        var start = new WorkflowStartOptions
        {
            ExecutionStartToCloseTimeout = TimeSpan.FromHours(1),
            TaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
            ChildPolicy = ChildPolicy.Terminate,
        };
        await environment.Client.StartAsync(GreetingWorkflows.Greeting.WorkflowType, "greeting-1", "\"ada\"", start);
        await environment.Client.StartAsync(GreetingWorkflows.Greeting.WorkflowType, "greeting-2", "\"grace\"", start);
        await environment.RunUntilClosedAsync();
        await environment.Client.StartAsync(FamilyWorkflows.Family.WorkflowType, "family-1", "\"ada\"");
        await environment.RunUntilClosedAsync();
        return new CliFleet(environment);
    }

    /// <summary>Finds the one closed execution with a workflow id.</summary>
    public async Task<WorkflowExecution> ExecutionAsync(string workflowId)
    {
        var page = await Environment.Engine.ListClosedWorkflowExecutionsAsync(new ListClosedWorkflowExecutionsRequest
        {
            Domain = Domain,
            StartTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch },
            ExecutionFilter = new WorkflowExecutionFilter { WorkflowId = workflowId },
        });
        return page.WorkflowExecutionInfos.ExecutionInfos.Single().Execution;
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

    public ValueTask DisposeAsync() => Environment.DisposeAsync();

    private static ActivityDefinition Activity(ActivityType type, Func<string?, string?> execute) => new()
    {
        ActivityType = type,
        DefaultTaskList = "activities",
        DefaultScheduleToStartTimeout = TimeSpan.FromMinutes(5),
        DefaultScheduleToCloseTimeout = TimeSpan.FromHours(1),
        DefaultStartToCloseTimeout = TimeSpan.FromMinutes(1),
        Execute = (_, input) => Task.FromResult(execute(input)),
    };
}
