using Swf.Exceptions;
using Swf.Model;

namespace Swf.Interop.Tests.Conformance;

/// <summary>Decision-task timeouts and paging, pending counts, data limits and visibility filters.</summary>
public abstract partial class ConformanceScenarios
{
    [SkippableFact]
    public async Task DecisionTask_StartToCloseExpires_TimesOutAndANewTaskFollows()
    {
        Require(ConformanceFeature.ClockControl);
        var s = await ScenarioAsync("dtto");
        var run = await s.StartAsync("wf");
        var task = await s.PollDecisionAsync();

        Target.Advance(TimeSpan.FromSeconds(301));

        var history = await s.HistoryAsync(run);
        AssertSequence(history, [EventType.WorkflowExecutionStarted, EventType.DecisionTaskScheduled, EventType.DecisionTaskStarted, EventType.DecisionTaskTimedOut, EventType.DecisionTaskScheduled]);
        var timedOut = history[3].DecisionTaskTimedOutEventAttributes!;
        Assert.Equal((DecisionTaskTimeoutType.StartToClose, 2L, 3L), (timedOut.TimeoutType, timedOut.ScheduledEventId, timedOut.StartedEventId));
        await Assert.ThrowsAsync<UnknownResourceException>(() => s.RespondAsync(task));
        Assert.Equal(6, (await s.PollDecisionAsync()).StartedEventId);
    }

    [SkippableFact]
    public async Task TaskListOverride_ScheduleToStartExpires_ReschedulesOnTheOriginalList()
    {
        Require(ConformanceFeature.ClockControl);
        var s = await ScenarioAsync("override");
        var run = await s.StartAsync("wf");
        await s.Client.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest
        {
            TaskToken = (await s.PollDecisionAsync()).TaskToken!,
            Decisions = [],
            TaskList = new TaskList { Name = "elsewhere" },
            TaskListScheduleToStartTimeout = "60",
        });
        await Signal(s, "wake");

        Target.Advance(TimeSpan.FromSeconds(61));

        var history = await s.HistoryAsync(run);
        AssertSequence(history,
        [
            .. FirstDecision, EventType.WorkflowExecutionSignaled, EventType.DecisionTaskScheduled, EventType.DecisionTaskTimedOut, EventType.DecisionTaskScheduled,
        ]);
        Assert.Equal("elsewhere", history[5].DecisionTaskScheduledEventAttributes!.TaskList.Name);
        var timedOut = history[6].DecisionTaskTimedOutEventAttributes!;
        Assert.Equal((DecisionTaskTimeoutType.ScheduleToStart, 6L), (timedOut.TimeoutType, timedOut.ScheduledEventId));
        Assert.Equal(MotoScenario.DecisionTaskList, history[7].DecisionTaskScheduledEventAttributes!.TaskList.Name);
        Assert.Equal(9, (await s.PollDecisionAsync()).StartedEventId);
    }

    [SkippableFact]
    public async Task Poll_StartAtPreviousStartedEvent_ReturnsOnlyNewerEvents()
    {
        Require(ConformanceFeature.DecisionTaskPaging);
        var s = await ScenarioAsync("prev");
        await s.StartAsync("wf");
        await s.RespondAsync(await s.PollDecisionAsync(), MotoScenario.RecordMarker("m1"));
        await Signal(s, "next");

        var task = (await s.Client.PollForDecisionTaskAsync(new PollForDecisionTaskRequest
        {
            Domain = s.Domain,
            TaskList = new TaskList { Name = MotoScenario.DecisionTaskList },
            StartAtPreviousStartedEvent = true,
        })).DecisionTask;

        Assert.Equal(3, task.PreviousStartedEventId);
        Assert.Equal([4L, 5, 6, 7, 8], task.Events!.Select(e => e.EventId));
    }

    [SkippableFact]
    public async Task Poll_MaximumPageSize_LaterPagesComeFromAnotherPollWithTheToken()
    {
        Require(ConformanceFeature.DecisionTaskPaging);
        var s = await ScenarioAsync("pollpage");
        var run = await s.StartAsync("wf");
        await s.RespondAsync(await s.PollDecisionAsync(), MotoScenario.RecordMarker("m1"), MotoScenario.RecordMarker("m2"), MotoScenario.RecordMarker("m3"));
        await Signal(s, "next");

        var ids = new List<long>();
        string? token = null;
        string? taskToken = null;
        do
        {
            var page = (await s.Client.PollForDecisionTaskAsync(new PollForDecisionTaskRequest
            {
                Domain = s.Domain,
                TaskList = new TaskList { Name = MotoScenario.DecisionTaskList },
                MaximumPageSize = 4,
                NextPageToken = token,
            })).DecisionTask;
            Assert.True(page.Events!.Count <= 4);
            taskToken ??= page.TaskToken;
            ids.AddRange(page.Events.Select(e => e.EventId));
            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));

        var history = await s.HistoryAsync(run);
        Assert.Equal(history.Select(e => e.EventId), ids);
        Assert.Equal(2, history.Count(e => e.EventType == EventType.DecisionTaskStarted));
        await s.RespondAsync(new DecisionTask { TaskToken = taskToken }, MotoScenario.Complete());
    }

    [SkippableFact]
    public async Task PendingCounts_AndOpenCounts_TrackTasksAndTimers()
    {
        Require(ConformanceFeature.OpenCounts);
        var s = await ScenarioAsync("counts");
        var run = await s.StartAsync("wf");
        Assert.Equal((1, 0), await PendingAsync(s));
        Assert.Equal(1, (await s.DescribeAsync(run)).OpenCounts.OpenDecisionTasks);

        var task = await s.PollDecisionAsync();
        Assert.Equal((0, 0), await PendingAsync(s));
        Assert.Equal(1, (await s.DescribeAsync(run)).OpenCounts.OpenDecisionTasks);

        await s.RespondAsync(task, s.ScheduleActivity("a1"), s.ScheduleActivity("a2"), MotoScenario.StartTimer("t1", "600"));
        Assert.Equal((0, 2), await PendingAsync(s));
        var counts = (await s.DescribeAsync(run)).OpenCounts;
        Assert.Equal((2, 0, 1), (counts.OpenActivityTasks, counts.OpenDecisionTasks, counts.OpenTimers));

        await s.PollActivityAsync();
        Assert.Equal((0, 1), await PendingAsync(s));
        Assert.Equal(2, (await s.DescribeAsync(run)).OpenCounts.OpenActivityTasks);
    }

    [SkippableFact]
    public async Task Input_LongerThan32768Characters_IsRefusedByTheServer()
    {
        Require(ConformanceFeature.DataLimits);
        var s = await ScenarioAsync("limit");

        await Assert.ThrowsAsync<ValidationException>(() => s.WithClient(Target.UncheckedClient).StartAsync("too-long", new string('x', 32_769)));
        var run = await s.StartAsync("just-fits", new string('x', 32_768));

        Assert.Equal(32_768, (await s.HistoryAsync(run))[0].WorkflowExecutionStartedEventAttributes!.Input!.Length);
    }

    [SkippableFact]
    public async Task Visibility_Filters_SelectRunsNewestFirst()
    {
        Require(ConformanceFeature.VisibilityFilters);
        Require(ConformanceFeature.ClockControl);
        var s = await ScenarioAsync("vis");
        var other = new WorkflowType { Name = "other", Version = "1" };
        await RegisterWorkflowTypeAsync(s, other);
        var a = await s.StartAsync("a", tags: ["red"]);
        Target.Advance(TimeSpan.FromSeconds(10));
        await s.StartAsync("b", tags: ["blue"]);
        Target.Advance(TimeSpan.FromSeconds(10));
        var c = (await s.Client.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = s.Domain, WorkflowId = "c", WorkflowType = other, TagList = ["red"] })).Run;
        var all = await OpenAsync(s, new ListOpenWorkflowExecutionsRequest { Domain = s.Domain, StartTimeFilter = Since(DateTime.UnixEpoch) });
        Assert.Equal(["c", "b", "a"], all.Select(i => i.Execution.WorkflowId));
        var t0 = all[^1].StartTimestamp;

        Assert.Equal(["b", "a"], Ids(await OpenAsync(s, new() { Domain = s.Domain, StartTimeFilter = Since(t0), TypeFilter = new() { Name = "order", Version = "1" } })));
        Assert.Equal(["c"], Ids(await OpenAsync(s, new() { Domain = s.Domain, StartTimeFilter = Since(t0), TypeFilter = new() { Name = "other" } })));
        Assert.Equal(["c", "a"], Ids(await OpenAsync(s, new() { Domain = s.Domain, StartTimeFilter = Since(t0), TagFilter = new() { Tag = "red" } })));
        Assert.Equal(["b"], Ids(await OpenAsync(s, new() { Domain = s.Domain, StartTimeFilter = Since(t0), ExecutionFilter = new() { WorkflowId = "b" } })));
        Assert.Equal(["b"], Ids(await OpenAsync(s, new() { Domain = s.Domain, StartTimeFilter = new() { OldestDate = t0.AddSeconds(5), LatestDate = t0.AddSeconds(15) } })));

        await s.TerminateAsync(a);
        Target.Advance(TimeSpan.FromSeconds(10));
        await s.TerminateAsync(new WorkflowExecution { WorkflowId = "c", RunId = c.RunId! });

        Assert.Equal(["b"], Ids(await OpenAsync(s, new() { Domain = s.Domain, StartTimeFilter = Since(t0) })));
        Assert.Equal(["c", "a"], Ids(await ClosedAsync(s, new() { Domain = s.Domain, StartTimeFilter = Since(t0) })));
        Assert.Equal(["c"], Ids(await ClosedAsync(s, new() { Domain = s.Domain, CloseTimeFilter = Since(t0.AddSeconds(25)) })));
        Assert.Equal(["c", "a"], Ids(await ClosedAsync(s, new() { Domain = s.Domain, StartTimeFilter = Since(t0), CloseStatusFilter = new() { Status = CloseStatus.Terminated } })));
        Assert.Empty(await ClosedAsync(s, new() { Domain = s.Domain, StartTimeFilter = Since(t0), CloseStatusFilter = new() { Status = CloseStatus.Completed } }));
    }

    private static ExecutionTimeFilter Since(DateTime oldest) => new() { OldestDate = oldest };

    private static List<string> Ids(List<WorkflowExecutionInfo> infos) => [.. infos.Select(i => i.Execution.WorkflowId)];

    private static async Task<List<WorkflowExecutionInfo>> OpenAsync(MotoScenario s, ListOpenWorkflowExecutionsRequest request) =>
        (await s.Client.ListOpenWorkflowExecutionsAsync(request)).WorkflowExecutionInfos.ExecutionInfos;

    private static async Task<List<WorkflowExecutionInfo>> ClosedAsync(MotoScenario s, ListClosedWorkflowExecutionsRequest request) =>
        (await s.Client.ListClosedWorkflowExecutionsAsync(request)).WorkflowExecutionInfos.ExecutionInfos;

    private static async Task<(int Decisions, int Activities)> PendingAsync(MotoScenario s)
    {
        var decisions = await s.Client.CountPendingDecisionTasksAsync(new CountPendingDecisionTasksRequest { Domain = s.Domain, TaskList = new TaskList { Name = MotoScenario.DecisionTaskList } });
        var activities = await s.Client.CountPendingActivityTasksAsync(new CountPendingActivityTasksRequest { Domain = s.Domain, TaskList = new TaskList { Name = MotoScenario.ActivityTaskList } });
        return (decisions.PendingTaskCount.Count, activities.PendingTaskCount.Count);
    }
}
