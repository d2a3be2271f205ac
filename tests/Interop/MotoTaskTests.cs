using Swf.Exceptions;
using Swf.Model;

namespace Swf.Interop.Tests;

/// <summary>
/// Decision and activity tasks end to end against moto_server: polls, decisions, heartbeats, results,
/// failures, and the history they leave. Polls are made only when a task is known to be waiting,
/// because moto answers an empty poll after a fixed 1 s sleep.
/// </summary>
[Collection(MotoServerGroup.Name)]
public sealed class MotoTaskTests(MotoServerFixture moto)
{
    [SkippableFact]
    public async Task RoundTrip_ActivitiesMarkerTimerAndCompletion_RecordsLinkedHistory()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "round-trip");
        var client = scenario.Client;
        var execution = await scenario.StartAsync("order-42", input: "order-input");

        // Decision task 1: the start of the run.
        var first = await scenario.PollDecisionAsync("decider-1");
        Assert.Equal(3, first.StartedEventId);

        // SWF sends previousStartedEventId 0 for the first task; moto leaves it out. Absent means 0.
        Assert.Equal(0, first.PreviousStartedEventId ?? 0);
        Assert.Equal(execution.WorkflowId, first.WorkflowExecution?.WorkflowId);
        Assert.Equal(execution.RunId, first.WorkflowExecution?.RunId);
        Assert.Equal(scenario.WorkflowType.Name, first.WorkflowType?.Name);
        Assert.Equal(
            [EventType.WorkflowExecutionStarted, EventType.DecisionTaskScheduled, EventType.DecisionTaskStarted],
            first.Events!.Select(e => e.EventType));
        Assert.Equal("order-input", first.Events![0].WorkflowExecutionStartedEventAttributes!.Input);
        Assert.Equal(2, first.Events[2].DecisionTaskStartedEventAttributes!.ScheduledEventId);
        Assert.Equal("decider-1", first.Events[2].DecisionTaskStartedEventAttributes!.Identity);

        // The timer is long so that it cannot fire during the test (moto would fire it even after the run closed).
        await scenario.RespondAsync(
            first,
            "context-1",
            scenario.ScheduleActivity("charge", input: "charge-input"),
            scenario.ScheduleActivity("reserve", input: "reserve-input"),
            MotoScenario.RecordMarker("checkpoint", details: "marker-details"),
            MotoScenario.StartTimer("reminder", "3600"));

        var afterFirst = await scenario.DescribeAsync(execution);
        Assert.Equal(2, afterFirst.OpenCounts.OpenActivityTasks);
        Assert.Equal(0, afterFirst.OpenCounts.OpenDecisionTasks);
        Assert.Equal("context-1", afterFirst.LatestExecutionContext);
        Assert.NotNull(afterFirst.LatestActivityTaskTimestamp);

        // Nothing is started yet, so SWF's "pending" and moto's "scheduled or started" agree.
        var pendingActivities = await client.CountPendingActivityTasksAsync(new CountPendingActivityTasksRequest
        {
            Domain = scenario.Domain,
            TaskList = new TaskList { Name = MotoScenario.ActivityTaskList },
        });
        Assert.Equal(2, pendingActivities.PendingTaskCount.Count);
        Assert.NotEqual(true, pendingActivities.PendingTaskCount.Truncated);

        // Both activity tasks are waiting. SWF does not promise their order, so they are matched by id.
        var polled = new[] { await scenario.PollActivityAsync("worker-1"), await scenario.PollActivityAsync("worker-2") };
        var charge = Assert.Single(polled, t => t.ActivityId == "charge");
        var reserve = Assert.Single(polled, t => t.ActivityId == "reserve");
        Assert.Equal("charge-input", charge.Input);
        Assert.Equal(scenario.ActivityType.Name, charge.ActivityType?.Name);
        Assert.Equal(scenario.ActivityType.Version, charge.ActivityType?.Version);
        Assert.Equal(execution.RunId, charge.WorkflowExecution?.RunId);
        Assert.NotEqual(charge.TaskToken, reserve.TaskToken);

        var heartbeat = await client.RecordActivityTaskHeartbeatAsync(new RecordActivityTaskHeartbeatRequest
        {
            TaskToken = charge.TaskToken!,
            Details = "half way",
        });
        Assert.False(heartbeat.ActivityTaskStatus.CancelRequested);

        await client.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = charge.TaskToken!, Result = "charged" });

        // Decision task 2 covers the completed activity. It is taken before the other activity fails, so
        // SWF and moto agree on the events (moto would otherwise schedule a second decision task).
        var second = await scenario.PollDecisionAsync("decider-2");
        Assert.Equal(first.StartedEventId, second.PreviousStartedEventId);
        Assert.Contains(second.Events!, e => e.EventType == EventType.ActivityTaskCompleted);

        await client.RespondActivityTaskFailedAsync(new RespondActivityTaskFailedRequest
        {
            TaskToken = reserve.TaskToken!,
            Reason = "out of stock",
            Details = "sku 7",
        });

        // No close decision yet: the failure arrived while task 2 was started, and SWF would refuse a
        // completion with UNHANDLED_DECISION (moto does not). An empty decision list is valid.
        await scenario.RespondAsync(second);

        var third = await scenario.PollDecisionAsync("decider-3");
        Assert.Equal(second.StartedEventId, third.PreviousStartedEventId);
        Assert.Contains(third.Events!, e => e.EventType == EventType.ActivityTaskFailed);
        await scenario.RespondAsync(third, MotoScenario.Complete("done"));

        var history = await scenario.HistoryAsync(execution);
        Assert.Equal(
            new[]
            {
                EventType.WorkflowExecutionStarted,      // 1
                EventType.DecisionTaskScheduled,         // 2
                EventType.DecisionTaskStarted,           // 3
                EventType.DecisionTaskCompleted,         // 4
                EventType.ActivityTaskScheduled,         // 5  charge
                EventType.ActivityTaskScheduled,         // 6  reserve
                EventType.MarkerRecorded,                // 7
                EventType.TimerStarted,                  // 8
                EventType.ActivityTaskStarted,           // 9
                EventType.ActivityTaskStarted,           // 10
                EventType.ActivityTaskCompleted,         // 11 charge
                EventType.DecisionTaskScheduled,         // 12
                EventType.DecisionTaskStarted,           // 13
                EventType.ActivityTaskFailed,            // 14 reserve
                EventType.DecisionTaskScheduled,         // 15
                EventType.DecisionTaskCompleted,         // 16
                EventType.DecisionTaskStarted,           // 17
                EventType.DecisionTaskCompleted,         // 18
                EventType.WorkflowExecutionCompleted,    // 19
            },
            history.Select(e => e.EventType));
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(e => e.EventId));
        Assert.Equal(13, second.StartedEventId);
        Assert.Equal(17, third.StartedEventId);

        // Decision task linkage.
        var completed1 = MotoScenario.ById(history, 4).DecisionTaskCompletedEventAttributes!;
        Assert.Equal(2, completed1.ScheduledEventId);
        Assert.Equal(3, completed1.StartedEventId);
        Assert.Equal("context-1", completed1.ExecutionContext);
        Assert.Equal(12, MotoScenario.ById(history, 13).DecisionTaskStartedEventAttributes!.ScheduledEventId);
        var completed2 = MotoScenario.ById(history, 16).DecisionTaskCompletedEventAttributes!;
        Assert.Equal(12, completed2.ScheduledEventId);
        Assert.Equal(13, completed2.StartedEventId);
        Assert.Equal(15, MotoScenario.ById(history, 17).DecisionTaskStartedEventAttributes!.ScheduledEventId);
        Assert.Equal("decider-3", MotoScenario.ById(history, 17).DecisionTaskStartedEventAttributes!.Identity);
        var completed3 = MotoScenario.ById(history, 18).DecisionTaskCompletedEventAttributes!;
        Assert.Equal(15, completed3.ScheduledEventId);
        Assert.Equal(17, completed3.StartedEventId);

        // Every decision's event points at the DecisionTaskCompleted of its task.
        var scheduled = history.Where(e => e.EventType == EventType.ActivityTaskScheduled).ToList();
        Assert.All(scheduled, e => Assert.Equal(4, e.ActivityTaskScheduledEventAttributes!.DecisionTaskCompletedEventId));
        Assert.Equal(["charge", "reserve"], scheduled.Select(e => e.ActivityTaskScheduledEventAttributes!.ActivityId));
        Assert.Equal("charge-input", scheduled[0].ActivityTaskScheduledEventAttributes!.Input);
        Assert.Equal(MotoScenario.ActivityTaskList, scheduled[0].ActivityTaskScheduledEventAttributes!.TaskList.Name);
        Assert.Equal(scenario.ActivityType.Name, scheduled[0].ActivityTaskScheduledEventAttributes!.ActivityType.Name);
        var marker = MotoScenario.Single(history, EventType.MarkerRecorded).MarkerRecordedEventAttributes!;
        Assert.Equal(("checkpoint", "marker-details", 4L), (marker.MarkerName, marker.Details, marker.DecisionTaskCompletedEventId));
        var timer = MotoScenario.Single(history, EventType.TimerStarted).TimerStartedEventAttributes!;
        Assert.Equal(("reminder", "3600", 4L), (timer.TimerId, timer.StartToFireTimeout, timer.DecisionTaskCompletedEventId));
        var workflowCompleted = MotoScenario.Single(history, EventType.WorkflowExecutionCompleted).WorkflowExecutionCompletedEventAttributes!;
        Assert.Equal(("done", 18L), (workflowCompleted.Result, workflowCompleted.DecisionTaskCompletedEventId));

        // Activity linkage: Started -> Scheduled, Completed/Failed -> Scheduled and Started.
        var chargeStarted = history.Single(e => e.EventType == EventType.ActivityTaskStarted && e.ActivityTaskStartedEventAttributes!.ScheduledEventId == 5);
        var reserveStarted = history.Single(e => e.EventType == EventType.ActivityTaskStarted && e.ActivityTaskStartedEventAttributes!.ScheduledEventId == 6);
        Assert.Equal(chargeStarted.EventId, charge.StartedEventId);
        Assert.Equal(reserveStarted.EventId, reserve.StartedEventId);
        var activityCompleted = MotoScenario.Single(history, EventType.ActivityTaskCompleted).ActivityTaskCompletedEventAttributes!;
        Assert.Equal(("charged", 5L, chargeStarted.EventId), (activityCompleted.Result, activityCompleted.ScheduledEventId, activityCompleted.StartedEventId));
        var activityFailed = MotoScenario.Single(history, EventType.ActivityTaskFailed).ActivityTaskFailedEventAttributes!;
        Assert.Equal(("out of stock", "sku 7"), (activityFailed.Reason, activityFailed.Details));
        Assert.Equal((6L, reserveStarted.EventId), (activityFailed.ScheduledEventId, activityFailed.StartedEventId));

        // Timestamps never go backwards.
        Assert.Equal(history.Select(e => e.EventTimestamp).Order(), history.Select(e => e.EventTimestamp));

        // reverseOrder gives the same events newest first.
        var reversed = await scenario.HistoryAsync(execution, reverseOrder: true);
        Assert.Equal(history.Select(e => e.EventId).Reverse(), reversed.Select(e => e.EventId));
        Assert.Equal(history.Select(e => e.EventType).Reverse(), reversed.Select(e => e.EventType));
        Assert.Equal(EventType.WorkflowExecutionCompleted, reversed[0].EventType);

        // The run is closed and listed as completed; closeTimestamp is set for completed runs.
        var info = (await scenario.DescribeAsync(execution)).ExecutionInfo;
        Assert.Equal(ExecutionStatus.Closed, info.ExecutionStatus);
        Assert.Equal(CloseStatus.Completed, info.CloseStatus);
        Assert.NotNull(info.CloseTimestamp);
        var closed = (await client.ListClosedWorkflowExecutionsAsync(new ListClosedWorkflowExecutionsRequest
        {
            Domain = scenario.Domain,
            StartTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UtcNow.AddHours(-1) },
        })).WorkflowExecutionInfos.ExecutionInfos;
        var listed = Assert.Single(closed);
        Assert.Equal(CloseStatus.Completed, listed.CloseStatus);
        Assert.NotNull(listed.CloseTimestamp);
        Assert.True(listed.CloseTimestamp >= listed.StartTimestamp);
    }

    [SkippableFact]
    public async Task RespondDecisionTaskCompleted_FailWorkflowExecution_ClosesRunAsFailed()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "fail-workflow");
        var execution = await scenario.StartAsync("w");
        var task = await scenario.PollDecisionAsync();

        await scenario.RespondAsync(task, new Decision
        {
            DecisionType = DecisionType.FailWorkflowExecution,
            FailWorkflowExecutionDecisionAttributes = new FailWorkflowExecutionDecisionAttributes { Reason = "bad input", Details = "field x" },
        });

        var history = await scenario.HistoryAsync(execution);
        var failed = history[^1];
        Assert.Equal(EventType.WorkflowExecutionFailed, failed.EventType);
        Assert.Equal("bad input", failed.WorkflowExecutionFailedEventAttributes!.Reason);
        Assert.Equal("field x", failed.WorkflowExecutionFailedEventAttributes.Details);
        Assert.Equal(4, failed.WorkflowExecutionFailedEventAttributes.DecisionTaskCompletedEventId);
        var info = (await scenario.DescribeAsync(execution)).ExecutionInfo;
        Assert.Equal(CloseStatus.Failed, info.CloseStatus);
        Assert.NotNull(info.CloseTimestamp);
    }

    [SkippableFact]
    public async Task RespondDecisionTaskCompleted_TokenAlreadyUsed_ThrowsUnknownResource()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "decision-twice");
        await scenario.StartAsync("w");
        var task = await scenario.PollDecisionAsync();
        await scenario.RespondAsync(task, MotoScenario.RecordMarker("once"));

        // What a retried Respond* whose first attempt got through sees; callers read it as "already done".
        await Assert.ThrowsAsync<UnknownResourceException>(() => scenario.RespondAsync(task, MotoScenario.RecordMarker("twice")));
    }

    [SkippableFact]
    public async Task RespondActivityTaskCompleted_TokenAlreadyUsed_ThrowsUnknownResource()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "activity-twice");
        await scenario.StartAsync("w");
        await scenario.RespondAsync(await scenario.PollDecisionAsync(), scenario.ScheduleActivity("a"));
        var task = await scenario.PollActivityAsync();
        await scenario.Client.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = task.TaskToken! });

        // Only a repeated *completion* is checked: moto answers a repeated failure with a 500.
        await Assert.ThrowsAsync<UnknownResourceException>(
            () => scenario.Client.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = task.TaskToken! }));
    }

    [SkippableFact]
    public async Task RecordActivityTaskHeartbeat_ExecutionTerminated_ThrowsUnknownResource()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "activity-closed");
        var execution = await scenario.StartAsync("w");
        await scenario.RespondAsync(await scenario.PollDecisionAsync(), scenario.ScheduleActivity("a"));
        var task = await scenario.PollActivityAsync();
        await scenario.TerminateAsync(execution);

        await Assert.ThrowsAsync<UnknownResourceException>(
            () => scenario.Client.RecordActivityTaskHeartbeatAsync(new RecordActivityTaskHeartbeatRequest { TaskToken = task.TaskToken! }));
        await Assert.ThrowsAsync<UnknownResourceException>(
            () => scenario.Client.RespondActivityTaskFailedAsync(new RespondActivityTaskFailedRequest { TaskToken = task.TaskToken! }));
    }

    [SkippableFact]
    public async Task ScheduleActivityTask_UnregisteredActivityType_RecordsScheduleActivityTaskFailed()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "schedule-failed");
        var execution = await scenario.StartAsync("w");
        var task = await scenario.PollDecisionAsync();

        await scenario.RespondAsync(task, new Decision
        {
            DecisionType = DecisionType.ScheduleActivityTask,
            ScheduleActivityTaskDecisionAttributes = new ScheduleActivityTaskDecisionAttributes
            {
                ActivityType = new ActivityType { Name = "unregistered", Version = "9" },
                ActivityId = "ghost",
            },
        });

        var history = await scenario.HistoryAsync(execution);
        var failed = MotoScenario.Single(history, EventType.ScheduleActivityTaskFailed).ScheduleActivityTaskFailedEventAttributes!;
        Assert.Equal(ScheduleActivityTaskFailedCause.ActivityTypeDoesNotExist, failed.Cause);
        Assert.Equal("ghost", failed.ActivityId);
        Assert.Equal("unregistered", failed.ActivityType.Name);
        Assert.Equal(4, failed.DecisionTaskCompletedEventId);
        Assert.DoesNotContain(history, e => e.EventType == EventType.ActivityTaskScheduled);

        // A failed decision leads to a new decision task so the decider can react.
        Assert.Equal(EventType.DecisionTaskScheduled, history[^1].EventType);
    }

    [SkippableFact]
    public async Task StartTimer_OneSecond_FiresAndSchedulesDecisionTask()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "timer");
        var execution = await scenario.StartAsync("w");
        await scenario.RespondAsync(await scenario.PollDecisionAsync(), MotoScenario.StartTimer("short", "1"));

        var history = await WaitForEventAsync(scenario, execution, EventType.TimerFired);

        var started = MotoScenario.Single(history, EventType.TimerStarted);
        var fired = MotoScenario.Single(history, EventType.TimerFired).TimerFiredEventAttributes!;
        Assert.Equal(("short", started.EventId), (fired.TimerId, fired.StartedEventId));
        Assert.Equal(EventType.DecisionTaskScheduled, history[^1].EventType);

        var next = await scenario.PollDecisionAsync();
        Assert.Contains(next.Events!, e => e.EventType == EventType.TimerFired);
        await scenario.RespondAsync(next, MotoScenario.Complete());
    }

    [SkippableFact]
    public async Task CancelTimer_StartedTimer_RecordsCancellationAfterDecisionTaskCompleted()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "cancel-timer");
        var execution = await scenario.StartAsync("w");
        await scenario.RespondAsync(await scenario.PollDecisionAsync(), MotoScenario.StartTimer("long", "3600"));
        await scenario.Client.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest
        {
            Domain = scenario.Domain,
            WorkflowId = execution.WorkflowId,
            SignalName = "cancel-it",
            Input = "now",
        });

        await scenario.RespondAsync(await scenario.PollDecisionAsync(), MotoScenario.CancelTimer("long"));

        // SWF records TimerCanceled; moto records the misspelt "TimerCancelled" with attributes under
        // "timerCancelledEventAttributes". Only the position of the event is checked, which also shows the
        // client keeps an event type it does not know instead of failing the whole history.
        var history = await scenario.HistoryAsync(execution);
        var last = history[^1];
        Assert.Contains(last.EventType.Value, new[] { EventType.TimerCanceled.Value, "TimerCancelled" });
        Assert.Equal(EventType.DecisionTaskCompleted, history[^2].EventType);
        Assert.DoesNotContain(history, e => e.EventType == EventType.TimerFired);
        await scenario.TerminateAsync(execution);
    }

    [SkippableFact]
    public async Task RespondDecisionTaskCompleted_DecisionMissingRequiredMember_ThrowsValidationExceptionAndAppliesNothing()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "invalid-decision");
        var execution = await scenario.StartAsync("w");
        var task = await scenario.PollDecisionAsync();

        // The client's own validation would stop this request before it is sent; it is turned off to see the server's answer.
        using var lenient = moto.CreateClient(o => o.ValidateRequests = false);
        var error = await Assert.ThrowsAsync<ValidationException>(() => lenient.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest
        {
            TaskToken = task.TaskToken!,
            Decisions =
            [
                MotoScenario.RecordMarker("would-be-applied"),
                new Decision
                {
                    DecisionType = DecisionType.ScheduleActivityTask,
                    ScheduleActivityTaskDecisionAttributes = new ScheduleActivityTaskDecisionAttributes { ActivityType = scenario.ActivityType, ActivityId = null! },
                },
            ],
        }));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("decisions.2.member.scheduleActivityTaskDecisionAttributes.activityId", error.Message, StringComparison.Ordinal);
        var history = await scenario.HistoryAsync(execution);
        Assert.Equal(EventType.DecisionTaskStarted, history[^1].EventType);
        Assert.DoesNotContain(history, e => e.EventType == EventType.MarkerRecorded);
    }

    [SkippableFact]
    public async Task CountPendingDecisionTasks_RunJustStarted_CountsOne()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "count-decisions");
        await scenario.StartAsync("w");

        var count = await scenario.Client.CountPendingDecisionTasksAsync(new CountPendingDecisionTasksRequest
        {
            Domain = scenario.Domain,
            TaskList = new TaskList { Name = MotoScenario.DecisionTaskList },
        });

        Assert.Equal(1, count.PendingTaskCount.Count);
    }

    [SkippableFact]
    public async Task PollForDecisionTask_NoTaskWaiting_ReturnsNoTask()
    {
        // The one deliberate empty poll per task kind: it checks the client reads SWF's "no task" answer.
        // SWF holds the poll for up to 60 s; moto sleeps 1 s and answers {"previousStartedEventId":0,"startedEventId":0}.
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "empty-decision-poll");

        var task = (await scenario.Client.PollForDecisionTaskAsync(new PollForDecisionTaskRequest
        {
            Domain = scenario.Domain,
            TaskList = new TaskList { Name = MotoScenario.DecisionTaskList },
        })).DecisionTask;

        Assert.True(string.IsNullOrEmpty(task.TaskToken));
        Assert.Equal(0, task.StartedEventId ?? 0);
        Assert.Empty(task.Events ?? []);
    }

    [SkippableFact]
    public async Task PollForActivityTask_NoTaskWaiting_ReturnsNoTask()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "empty-activity-poll");

        var task = (await scenario.Client.PollForActivityTaskAsync(new PollForActivityTaskRequest
        {
            Domain = scenario.Domain,
            TaskList = new TaskList { Name = MotoScenario.ActivityTaskList },
        })).ActivityTask;

        Assert.True(string.IsNullOrEmpty(task.TaskToken));
        Assert.Equal(0, task.StartedEventId ?? 0);
    }

    [SkippableFact]
    public async Task PollForDecisionTask_UnknownDomain_ThrowsUnknownResource()
    {
        var client = moto.RequireClient();

        await Assert.ThrowsAsync<UnknownResourceException>(() => client.PollForDecisionTaskAsync(new PollForDecisionTaskRequest
        {
            Domain = MotoScenario.Unique("missing"),
            TaskList = new TaskList { Name = "any" },
        }));
    }

    /// <summary>Waits for an event that a server-side timer adds, re-reading the history with a short, bounded backoff.</summary>
    private static async Task<List<HistoryEvent>> WaitForEventAsync(MotoScenario scenario, WorkflowExecution execution, EventType type)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            var history = await scenario.HistoryAsync(execution);
            if (history.Any(e => e.EventType == type))
            {
                return history;
            }

            await Task.Delay(backoff);
            backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 1.5, 500));
        }

        throw new TimeoutException($"No {type} event appeared in the history of {execution.WorkflowId}.");
    }
}
