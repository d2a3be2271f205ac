using Swf.Client;
using Swf.Model;

namespace Swf.Interop.Tests;

/// <summary>
/// A freshly registered domain with one workflow type and one activity type whose defaults cover
/// every setting, so executions and activities can start without per-call settings. The domain's
/// name is unique, which is what isolates a test from every other test sharing a server. Used by the
/// moto tests and by the conformance suite against every ISwfClient.
/// </summary>
internal sealed class MotoScenario
{
    public const string DecisionTaskList = "decisions";
    public const string ActivityTaskList = "activities";

    private MotoScenario(ISwfClient client, string domain)
    {
        Client = client;
        Domain = domain;
    }

    public ISwfClient Client { get; }

    public string Domain { get; }

    public WorkflowType WorkflowType { get; } = new() { Name = "order", Version = "1" };

    public ActivityType ActivityType { get; } = new() { Name = "charge", Version = "1" };

    /// <summary>Returns the same domain and types reached through another client.</summary>
    public MotoScenario WithClient(ISwfClient client) => new(client, Domain);

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static async Task<MotoScenario> CreateAsync(ISwfClient client, string prefix)
    {
        var scenario = new MotoScenario(client, Unique(prefix));
        await client.RegisterDomainAsync(new RegisterDomainRequest { Name = scenario.Domain, WorkflowExecutionRetentionPeriodInDays = "1" });
        await client.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = scenario.Domain,
            Name = scenario.WorkflowType.Name,
            Version = scenario.WorkflowType.Version,
            DefaultTaskList = new TaskList { Name = DecisionTaskList },
            DefaultExecutionStartToCloseTimeout = "3600",

            // Never "NONE" here: moto computes decision timeouts with int() and a "NONE" breaks every later call.
            DefaultTaskStartToCloseTimeout = "300",
            DefaultChildPolicy = ChildPolicy.Terminate,
        });
        await client.RegisterActivityTypeAsync(new RegisterActivityTypeRequest
        {
            Domain = scenario.Domain,
            Name = scenario.ActivityType.Name,
            Version = scenario.ActivityType.Version,
            DefaultTaskList = new TaskList { Name = ActivityTaskList },
            DefaultTaskScheduleToStartTimeout = "300",
            DefaultTaskScheduleToCloseTimeout = "600",
            DefaultTaskStartToCloseTimeout = "300",

            // moto runs only the heartbeat timeout, and also for tasks nobody picked up; NONE keeps it off.
            DefaultTaskHeartbeatTimeout = "NONE",
        });
        return scenario;
    }

    public async Task<WorkflowExecution> StartAsync(string workflowId, string? input = null, List<string>? tags = null)
    {
        var run = (await Client.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest
        {
            Domain = Domain,
            WorkflowId = workflowId,
            WorkflowType = WorkflowType,
            Input = input,
            TagList = tags,
        })).Run;
        Assert.False(string.IsNullOrEmpty(run.RunId));
        return new WorkflowExecution { WorkflowId = workflowId, RunId = run.RunId! };
    }

    /// <summary>Polls for a decision task that the test knows is waiting (moto answers an empty poll only after 1 s).</summary>
    public async Task<DecisionTask> PollDecisionAsync(string identity = "decider")
    {
        var task = (await Client.PollForDecisionTaskAsync(new PollForDecisionTaskRequest
        {
            Domain = Domain,
            TaskList = new TaskList { Name = DecisionTaskList },
            Identity = identity,
        })).DecisionTask;
        Assert.False(string.IsNullOrEmpty(task.TaskToken), "A decision task was expected to be waiting.");
        return task;
    }

    /// <summary>Polls for an activity task that the test knows is waiting.</summary>
    public async Task<ActivityTask> PollActivityAsync(string identity = "worker")
    {
        var task = (await Client.PollForActivityTaskAsync(new PollForActivityTaskRequest
        {
            Domain = Domain,
            TaskList = new TaskList { Name = ActivityTaskList },
            Identity = identity,
        })).ActivityTask;
        Assert.False(string.IsNullOrEmpty(task.TaskToken), "An activity task was expected to be waiting.");
        return task;
    }

    public Task RespondAsync(DecisionTask task, params Decision[] decisions) =>
        RespondAsync(task, executionContext: null, decisions);

    public async Task RespondAsync(DecisionTask task, string? executionContext, params Decision[] decisions) =>
        await Client.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest
        {
            TaskToken = task.TaskToken!,
            Decisions = [.. decisions],
            ExecutionContext = executionContext,
        });

    public async Task<List<HistoryEvent>> HistoryAsync(WorkflowExecution execution, bool reverseOrder = false) =>
        (await Client.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
        {
            Domain = Domain,
            Execution = execution,
            ReverseOrder = reverseOrder,
        })).History.Events;

    public async Task<WorkflowExecutionDetail> DescribeAsync(WorkflowExecution execution) =>
        (await Client.DescribeWorkflowExecutionAsync(new DescribeWorkflowExecutionRequest { Domain = Domain, Execution = execution }))
        .WorkflowExecutionDetail;

    public Task TerminateAsync(WorkflowExecution execution) =>
        Client.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest
        {
            Domain = Domain,
            WorkflowId = execution.WorkflowId,
            RunId = execution.RunId,
        });

    public Decision ScheduleActivity(string activityId, string? input = null) => new()
    {
        DecisionType = DecisionType.ScheduleActivityTask,
        ScheduleActivityTaskDecisionAttributes = new ScheduleActivityTaskDecisionAttributes
        {
            ActivityType = ActivityType,
            ActivityId = activityId,
            Input = input,
        },
    };

    public static Decision StartTimer(string timerId, string startToFireTimeout) => new()
    {
        DecisionType = DecisionType.StartTimer,
        StartTimerDecisionAttributes = new StartTimerDecisionAttributes { TimerId = timerId, StartToFireTimeout = startToFireTimeout },
    };

    public static Decision CancelTimer(string timerId) => new()
    {
        DecisionType = DecisionType.CancelTimer,
        CancelTimerDecisionAttributes = new CancelTimerDecisionAttributes { TimerId = timerId },
    };

    public static Decision RecordMarker(string markerName, string? details = null) => new()
    {
        DecisionType = DecisionType.RecordMarker,
        RecordMarkerDecisionAttributes = new RecordMarkerDecisionAttributes { MarkerName = markerName, Details = details },
    };

    public static Decision Complete(string? result = null) => new()
    {
        DecisionType = DecisionType.CompleteWorkflowExecution,
        CompleteWorkflowExecutionDecisionAttributes = new CompleteWorkflowExecutionDecisionAttributes { Result = result },
    };

    public static HistoryEvent Single(IEnumerable<HistoryEvent> events, EventType type) =>
        Assert.Single(events, e => e.EventType == type);

    public static HistoryEvent ById(IEnumerable<HistoryEvent> events, long eventId) =>
        Assert.Single(events, e => e.EventId == eventId);
}
