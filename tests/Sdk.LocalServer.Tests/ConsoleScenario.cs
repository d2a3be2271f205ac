using Swf.Client;
using Swf.Model;

namespace Swf.LocalServer.Tests;

/// <summary>
/// A real workflow run through swf-local's HTTP protocol for the console tests: one execution
/// completed (an activity, a timer, a marker, a signal), one failed (a failed activity), one left
/// open (a pending activity, a running timer, a child), and an activity worker left polling.
/// </summary>
internal sealed class ConsoleScenario : IAsyncDisposable
{
    public const string Domain = "console-demo";
    public const string Completed = "order-1001";
    public const string Failed = "order-1002";
    public const string Open = "order-1003";
    public const string Child = Open + "-shipping";
    public const string SlowList = "slow-workers";
    public const string PollerIdentity = "worker-7@console-test";

    private readonly CancellationTokenSource _stopPolling = new();
    private Task? _idlePoll;

    private ConsoleScenario(SwfHttpClient client) => Client = client;

    public SwfHttpClient Client { get; }

    public Dictionary<string, string> RunIds { get; } = new(StringComparer.Ordinal);

    public static async Task<ConsoleScenario> RunAsync(SwfLocalServer server)
    {
        var scenario = new ConsoleScenario(Servers.Client(server));
        await scenario.RunAsync();
        return scenario;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopPolling.CancelAsync();
        if (_idlePoll is not null)
        {
            try
            {
                await _idlePoll;
            }
            catch (OperationCanceledException)
            {
                // The poll we left waiting for the task lists page.
            }
        }

        _stopPolling.Dispose();
        Client.Dispose();
    }

    private async Task RunAsync()
    {
        var swf = Client;
        await Servers.RegisterAsync(swf, Domain);

        // Completed: activity + timer + marker, then a signal, then the result.
        RunIds[Completed] = await StartAsync(Completed, """{"orderId":1001,"amount":42.5}""", "vip");
        var task = await Servers.PollDecisionAsync(swf, Domain);
        await Servers.DecideAsync(swf, task.TaskToken!, Servers.ScheduleActivity("charge-1", """{"amount":42.5}"""), Servers.StartTimer("settle", "1"), Marker("checkpoint"));
        var activity = await Servers.PollActivityAsync(swf, Domain);
        await swf.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = activity.TaskToken!, Result = """{"receipt":"r-1001"}""" });
        await swf.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = Domain, WorkflowId = Completed, SignalName = "approved", Input = "yes" });
        task = await Servers.PollDecisionAsync(swf, Domain);
        await Servers.DecideAsync(swf, task.TaskToken!);
        task = await Servers.PollDecisionAsync(swf, Domain); // waits for the timer to fire
        await Servers.DecideAsync(swf, task.TaskToken!, Servers.Complete("""{"status":"shipped","receipt":"r-1001"}"""));

        // Failed: the activity fails, then the workflow.
        RunIds[Failed] = await StartAsync(Failed, """{"orderId":1002,"amount":7}""", "standard");
        task = await Servers.PollDecisionAsync(swf, Domain);
        await Servers.DecideAsync(swf, task.TaskToken!, Servers.ScheduleActivity("charge-1"));
        activity = await Servers.PollActivityAsync(swf, Domain);
        await swf.RespondActivityTaskFailedAsync(new RespondActivityTaskFailedRequest { TaskToken = activity.TaskToken!, Reason = "card declined", Details = "issuer said no" });
        task = await Servers.PollDecisionAsync(swf, Domain);
        await Servers.DecideAsync(swf, task.TaskToken!, new Decision
        {
            DecisionType = DecisionType.FailWorkflowExecution,
            FailWorkflowExecutionDecisionAttributes = new FailWorkflowExecutionDecisionAttributes { Reason = "payment failed", Details = "card declined" },
        });

        // Open: an activity no worker takes, a long timer and a child.
        RunIds[Open] = await StartAsync(Open, """{"orderId":1003,"amount":99}""", "vip");
        task = await Servers.PollDecisionAsync(swf, Domain);
        var slow = Servers.ScheduleActivity("pack-1");
        slow.ScheduleActivityTaskDecisionAttributes!.TaskList = new TaskList { Name = SlowList };
        await Servers.DecideAsync(swf, task.TaskToken!, slow, Servers.StartTimer("reminder", "3600"), new Decision
        {
            DecisionType = DecisionType.StartChildWorkflowExecution,
            StartChildWorkflowExecutionDecisionAttributes = new StartChildWorkflowExecutionDecisionAttributes { WorkflowType = Servers.Workflow, WorkflowId = Child, TaskList = new TaskList { Name = "shipping-deciders" } },
        });

        // A worker waiting on the (now empty) activity task list.
        _idlePoll = swf.PollForActivityTaskAsync(
            new PollForActivityTaskRequest { Domain = Domain, TaskList = new TaskList { Name = Servers.ActivityList }, Identity = PollerIdentity },
            _stopPolling.Token);
    }

    private async Task<string> StartAsync(string workflowId, string input, string tag)
    {
        var response = await Client.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest
        {
            Domain = Domain,
            WorkflowId = workflowId,
            WorkflowType = Servers.Workflow,
            Input = input,
            TagList = [tag],
        });
        return response.Run.RunId!;
    }

    private static Decision Marker(string name) => new()
    {
        DecisionType = DecisionType.RecordMarker,
        RecordMarkerDecisionAttributes = new RecordMarkerDecisionAttributes { MarkerName = name, Details = "halfway" },
    };
}
