using Microsoft.Extensions.Time.Testing;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

/// <summary>A local engine on a fake clock, with a registered domain and types, and short-hands for the SWF calls tests repeat.</summary>
internal sealed class EngineHarness : IDisposable
{
    public const string Domain = "test-domain";
    public const string DecisionList = "decisions";
    public const string ActivityList = "activities";

    public static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private int _runIds;

    public EngineHarness(Action<LocalSwfEngineOptions>? configure = null)
    {
        Clock = new FakeTimeProvider(Epoch);
        var options = new LocalSwfEngineOptions { TimeProvider = Clock, RunIdGenerator = () => $"run-{++_runIds}" };
        configure?.Invoke(options);
        Engine = new LocalSwfEngine(options);
    }

    public FakeTimeProvider Clock { get; }

    public LocalSwfEngine Engine { get; }

    public static WorkflowType Workflow { get; } = new() { Name = "Wf", Version = "1" };

    public static ActivityType Activity { get; } = new() { Name = "Act", Version = "1" };

    public static async Task<EngineHarness> CreateAsync(Action<LocalSwfEngineOptions>? configure = null)
    {
        var harness = new EngineHarness(configure);
        await harness.Engine.RegisterDomainAsync(new RegisterDomainRequest { Name = Domain, WorkflowExecutionRetentionPeriodInDays = "7" });
        await harness.Engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = Domain,
            Name = Workflow.Name,
            Version = Workflow.Version,
            DefaultExecutionStartToCloseTimeout = "3600",
            DefaultTaskStartToCloseTimeout = "30",
            DefaultTaskList = new TaskList { Name = DecisionList },
            DefaultChildPolicy = ChildPolicy.Terminate,
        });
        await harness.Engine.RegisterActivityTypeAsync(new RegisterActivityTypeRequest
        {
            Domain = Domain,
            Name = Activity.Name,
            Version = Activity.Version,
            DefaultTaskList = new TaskList { Name = ActivityList },
            DefaultTaskScheduleToStartTimeout = "60",
            DefaultTaskScheduleToCloseTimeout = "300",
            DefaultTaskStartToCloseTimeout = "120",
        });
        return harness;
    }

    public void Dispose() => Engine.Dispose();

    public void Advance(TimeSpan by) => Clock.Advance(by);

    public void AdvanceSeconds(double seconds) => Clock.Advance(TimeSpan.FromSeconds(seconds));

    public async Task<string> StartAsync(string workflowId = "wf-1", string? input = null, Action<StartWorkflowExecutionRequest>? configure = null)
    {
        var request = new StartWorkflowExecutionRequest { Domain = Domain, WorkflowId = workflowId, WorkflowType = Workflow, Input = input };
        configure?.Invoke(request);
        var response = await Engine.StartWorkflowExecutionAsync(request);
        return response.Run.RunId!;
    }

    /// <summary>Polls for a decision task that must already be waiting (a poll that would wait fails the test instead of hanging it).</summary>
    public async Task<DecisionTask> PollDecisionAsync(string taskList = DecisionList, Action<PollForDecisionTaskRequest>? configure = null)
    {
        var request = new PollForDecisionTaskRequest { Domain = Domain, TaskList = new TaskList { Name = taskList }, Identity = "decider" };
        configure?.Invoke(request);
        var poll = Engine.PollForDecisionTaskAsync(request);
        Assert.True(poll.IsCompleted, $"Expected a decision task waiting on '{taskList}'.");
        var task = (await poll).DecisionTask;
        Assert.False(string.IsNullOrEmpty(task.TaskToken), "Expected a decision task, got an empty poll.");
        return task;
    }

    /// <summary>Polls for an activity task that must already be waiting.</summary>
    public async Task<ActivityTask> PollActivityAsync(string taskList = ActivityList)
    {
        var poll = Engine.PollForActivityTaskAsync(new PollForActivityTaskRequest { Domain = Domain, TaskList = new TaskList { Name = taskList }, Identity = "worker" });
        Assert.True(poll.IsCompleted, $"Expected an activity task waiting on '{taskList}'.");
        var task = (await poll).ActivityTask;
        Assert.False(string.IsNullOrEmpty(task.TaskToken), "Expected an activity task, got an empty poll.");
        return task;
    }

    public Task RespondAsync(DecisionTask task, params Decision[] decisions) =>
        Engine.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest { TaskToken = task.TaskToken!, Decisions = [.. decisions] });

    /// <summary>Polls the waiting decision task and answers it with the given decisions.</summary>
    public async Task<DecisionTask> DecideAsync(params Decision[] decisions)
    {
        var task = await PollDecisionAsync();
        await RespondAsync(task, decisions);
        return task;
    }

    public async Task<int> PendingDecisionTasksAsync(string taskList = DecisionList) =>
        (await Engine.CountPendingDecisionTasksAsync(new CountPendingDecisionTasksRequest { Domain = Domain, TaskList = new TaskList { Name = taskList } })).PendingTaskCount.Count;

    public async Task<int> PendingActivityTasksAsync(string taskList = ActivityList) =>
        (await Engine.CountPendingActivityTasksAsync(new CountPendingActivityTasksRequest { Domain = Domain, TaskList = new TaskList { Name = taskList } })).PendingTaskCount.Count;

    public async Task<List<HistoryEvent>> HistoryAsync(string runId, string workflowId = "wf-1")
    {
        var response = await Engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
        {
            Domain = Domain,
            Execution = new WorkflowExecution { WorkflowId = workflowId, RunId = runId },
        });
        return response.History.Events;
    }

    public async Task<List<string>> EventTypesAsync(string runId, string workflowId = "wf-1") =>
        [.. (await HistoryAsync(runId, workflowId)).Select(e => e.EventType.Value)];

    public async Task<WorkflowExecutionDetail> DescribeAsync(string runId, string workflowId = "wf-1") =>
        (await Engine.DescribeWorkflowExecutionAsync(new DescribeWorkflowExecutionRequest
        {
            Domain = Domain,
            Execution = new WorkflowExecution { WorkflowId = workflowId, RunId = runId },
        })).WorkflowExecutionDetail;
}
