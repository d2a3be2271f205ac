using Amazon.Runtime;
using Swf.Client;
using Swf.Model;

namespace Swf.LocalServer.Tests;

/// <summary>Starts in-process servers and clients for them, and the names the scenarios share.</summary>
internal static class Servers
{
    public const string DecisionList = "deciders";
    public const string ActivityList = "workers";

    public static WorkflowType Workflow { get; } = new() { Name = "OrderFlow", Version = "1" };

    public static ActivityType Activity { get; } = new() { Name = "Charge", Version = "1" };

    public static Task<SwfLocalServer> StartAsync(Action<SwfLocalServerOptions>? configure = null)
    {
        var options = new SwfLocalServerOptions { Port = 0 };
        configure?.Invoke(options);
        return SwfLocalServer.StartAsync(options);
    }

    public static SwfHttpClient Client(SwfLocalServer server, string accessKey = "local", string secretKey = "local") => Client(server.Endpoint, accessKey, secretKey);

    public static SwfHttpClient Client(Uri endpoint, string accessKey = "local", string secretKey = "local")
    {
        var options = new SwfClientOptions
        {
            ServiceUrl = endpoint,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials(accessKey, secretKey),
        };
        options.Retry.MaxAttempts = 1;
        return new SwfHttpClient(options);
    }

    public static async Task RegisterAsync(ISwfClient swf, string domain)
    {
        await swf.RegisterDomainAsync(new RegisterDomainRequest { Name = domain, WorkflowExecutionRetentionPeriodInDays = "1" });
        await swf.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = domain,
            Name = Workflow.Name,
            Version = Workflow.Version,
            DefaultTaskList = new TaskList { Name = DecisionList },
            DefaultTaskStartToCloseTimeout = "60",
            DefaultExecutionStartToCloseTimeout = "86400",
            DefaultChildPolicy = ChildPolicy.Terminate,
        });
        await swf.RegisterActivityTypeAsync(new RegisterActivityTypeRequest
        {
            Domain = domain,
            Name = Activity.Name,
            Version = Activity.Version,
            DefaultTaskList = new TaskList { Name = ActivityList },
            DefaultTaskScheduleToStartTimeout = "3600",
            DefaultTaskScheduleToCloseTimeout = "7200",
            DefaultTaskStartToCloseTimeout = "3600",
            DefaultTaskHeartbeatTimeout = "NONE",
        });
    }

    public static Task<StartWorkflowExecutionResponse> StartAsync(ISwfClient swf, string domain, string workflowId, string? input = null) =>
        swf.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = domain, WorkflowId = workflowId, WorkflowType = Workflow, Input = input });

    public static async Task<DecisionTask> PollDecisionAsync(ISwfClient swf, string domain, string taskList = DecisionList)
    {
        var task = (await swf.PollForDecisionTaskAsync(new PollForDecisionTaskRequest { Domain = domain, TaskList = new TaskList { Name = taskList }, Identity = "decider" })).DecisionTask;
        Assert.False(string.IsNullOrEmpty(task.TaskToken), "a decision task was expected");
        return task;
    }

    public static async Task<ActivityTask> PollActivityAsync(ISwfClient swf, string domain, string taskList = ActivityList)
    {
        var task = (await swf.PollForActivityTaskAsync(new PollForActivityTaskRequest { Domain = domain, TaskList = new TaskList { Name = taskList }, Identity = "worker" })).ActivityTask;
        Assert.False(string.IsNullOrEmpty(task.TaskToken), "an activity task was expected");
        return task;
    }

    public static Task DecideAsync(ISwfClient swf, string taskToken, params Decision[] decisions) =>
        swf.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest { TaskToken = taskToken, Decisions = [.. decisions] });

    public static Decision ScheduleActivity(string activityId, string? input = null) => new()
    {
        DecisionType = DecisionType.ScheduleActivityTask,
        ScheduleActivityTaskDecisionAttributes = new ScheduleActivityTaskDecisionAttributes { ActivityType = Activity, ActivityId = activityId, Input = input },
    };

    public static Decision StartTimer(string timerId, string seconds) => new()
    {
        DecisionType = DecisionType.StartTimer,
        StartTimerDecisionAttributes = new StartTimerDecisionAttributes { TimerId = timerId, StartToFireTimeout = seconds },
    };

    public static Decision Complete(string? result = null) => new()
    {
        DecisionType = DecisionType.CompleteWorkflowExecution,
        CompleteWorkflowExecutionDecisionAttributes = new CompleteWorkflowExecutionDecisionAttributes { Result = result },
    };

    public static async Task<List<HistoryEvent>> HistoryAsync(ISwfClient swf, string domain, WorkflowExecution execution) =>
        (await swf.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest { Domain = domain, Execution = execution })).History.Events;
}
