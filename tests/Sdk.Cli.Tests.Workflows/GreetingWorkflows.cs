using Swf.Model;
using Swf.Workflows;

namespace Swf.Cli.Tests.Workflows;

/// <summary>
/// Workflows written by hand as <see cref="WorkflowDefinition"/>s, the way <c>swf replay</c> finds them
/// when no source generator ran: a static property, a static field and a static method.
/// </summary>
public static class GreetingWorkflows
{
    public static readonly ActivityType Greet = new() { Name = "Greet", Version = "1" };
    public static readonly ActivityType Shout = new() { Name = "Shout", Version = "1" };

    /// <summary>Shouts its input.</summary>
    public static readonly WorkflowDefinition Echo = new()
    {
        WorkflowType = new WorkflowType { Name = "Echo", Version = "1" },
        CreateInstance = () => new object(),
        Run = (_, input) => Workflow.ExecuteActivityAsync(Shout, input),
    };

    /// <summary>Gets a workflow that greets, waits a minute (or until a "hurry" signal), then shouts the greeting.</summary>
    public static WorkflowDefinition Greeting { get; } = CreateGreeting();

    public static IEnumerable<WorkflowDefinition> More() =>
    [
        new WorkflowDefinition
        {
            WorkflowType = new WorkflowType { Name = "Farewell", Version = "1" },
            CreateInstance = () => new object(),
            Run = async (_, input) =>
            {
                await Workflow.DelayAsync(TimeSpan.FromSeconds(5));
                return "bye " + input;
            },
        },
    ];

    private static WorkflowDefinition CreateGreeting()
    {
        return new WorkflowDefinition
        {
            WorkflowType = new WorkflowType { Name = "Greeting", Version = "1" },
            DefaultTaskList = "greetings",
            CreateInstance = () => new GreetingState(),
            Run = async (state, input) =>
            {
                var greeting = await Workflow.ExecuteActivityAsync(Greet, input);
                await Workflow.WaitConditionAsync(() => ((GreetingState)state).Hurry, TimeSpan.FromMinutes(1));
                return await Workflow.ExecuteActivityAsync(Shout, greeting);
            },
            Signals = new Dictionary<string, Func<object, string?, Task>>
            {
                ["hurry"] = (state, _) =>
                {
                    ((GreetingState)state).Hurry = true;
                    return Task.CompletedTask;
                },
            },
        };
    }

    private sealed class GreetingState
    {
        public bool Hurry { get; set; }
    }
}
