using Microsoft.Extensions.Logging.Abstractions;
using Swf.Converters;
using Swf.Exceptions;
using Swf.Model;
using Swf.Worker;
using Swf.Workflows;

namespace Swf.Tests.Worker;

public class WorkflowInstanceTests
{
    private static readonly ActivityType Act = new() { Name = "Act", Version = "1" };

    // ---- workflows under test -------------------------------------------------------------

    private sealed class TwoActivities
    {
        public async Task<string?> RunAsync(string? input)
        {
            var first = await Workflow.ExecuteActivityAsync(Act, input);
            var second = await Workflow.ExecuteActivityAsync(Act, first);
            return second + "!";
        }
    }

    private sealed class TimerThenActivity
    {
        public async Task<string?> RunAsync(string? input)
        {
            await Workflow.DelayAsync(TimeSpan.FromDays(30));
            return await Workflow.ExecuteActivityAsync(Act, input);
        }
    }

    private sealed class WaitsForApproval
    {
        private string? _approvedBy;

        public List<string> Seen { get; } = [];

        public async Task<string?> RunAsync(string? input)
        {
            var approved = await Workflow.WaitConditionAsync(() => _approvedBy is not null, TimeSpan.FromHours(1));
            Seen.Add("main resumed");
            return approved ? "approved by " + _approvedBy : "rejected";
        }

        public Task ApproveAsync(string? by)
        {
            Seen.Add("signal " + by);
            _approvedBy = by;
            return Task.CompletedTask;
        }
    }

    private sealed class Throws
    {
        public Task<string?> RunAsync(string? input) => throw new InvalidOperationException("boom " + input);
    }

    private sealed class AwaitsForeignTask
    {
        public static TaskCompletionSource Gate { get; } = new();

        public async Task<string?> RunAsync(string? input)
        {
            // Stands for Task.Delay, Task.Run or I/O: a task completed by another thread.
            await Gate.Task;
            return input;
        }
    }

    private sealed class UsesSideEffect
    {
        public static int Calls { get; set; }

        public Task<string?> RunAsync(string? input)
        {
            var value = Workflow.SideEffect(() => (++Calls).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Task.FromResult(value);
        }
    }

    private sealed class UsesVersion
    {
        public async Task<string?> RunAsync(string? input)
        {
            var version = Workflow.GetVersion("change", Workflow.DefaultVersion, 1);
            return await Workflow.ExecuteActivityAsync(Act, "v" + version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private sealed class AwaitsItsOwnGate
    {
        public TaskCompletionSource Gate { get; } = new();

        public async Task<string?> RunAsync(string? input)
        {
            await Gate.Task;
            return input;
        }
    }

    private sealed class HelperWithConfigureAwaitFalse
    {
        public async Task<string?> RunAsync(string? input)
        {
            var loaded = await LoadAsync(input);
            return await Workflow.ExecuteActivityAsync(Act, loaded);
        }

        private static async Task<string?> LoadAsync(string? input)
        {
            // Resumes on the thread pool: the workflow's scheduler is left behind.
            await Workflow.DelayAsync(TimeSpan.FromMinutes(1)).ConfigureAwait(false);
            return input + " loaded";
        }
    }

    private sealed class CanceledDelay
    {
        public async Task<string?> RunAsync(string? input)
        {
            try
            {
                await Workflow.DelayAsync(TimeSpan.FromHours(1), new CancellationToken(canceled: true));
                return "fired";
            }
            catch (OperationCanceledException ex)
            {
                return ex.GetType().Name;
            }
        }
    }

    private static WorkflowDefinition Define<T>(Func<T, string?, Task<string?>> run, Dictionary<string, Func<object, string?, Task>>? signals = null, Func<T>? create = null)
        where T : class, new() => new()
        {
            WorkflowType = new WorkflowType { Name = "Test", Version = "1" },
            CreateInstance = () => create is null ? new T() : create(),
            Run = (o, input) => run((T)o, input),
            Signals = signals ?? [],
        };

    private static WorkflowInstance NewInstance(WorkflowDefinition definition, Action<WorkflowInstance, Exception>? onFailure = null) =>
        new(definition, "domain", new WorkflowExecution { WorkflowId = "wf", RunId = "run-1" }, new JsonPayloadConverter(Swf.Serialization.SwfJsonContext.Default), NullLogger.Instance, onFailure: onFailure);

    // ---- tests --------------------------------------------------------------------------

    [Fact]
    public void ProcessEvents_FirstDecisionTask_SchedulesFirstActivityWithInput()
    {
        var history = new HistoryBuilder().Started("in").DecisionTask();
        using var instance = NewInstance(Define<TwoActivities>((w, i) => w.RunAsync(i)));

        var decisions = instance.ProcessEvents(history.Events, history.LastEventId);

        var decision = Assert.Single(decisions);
        Assert.Equal(DecisionType.ScheduleActivityTask, decision.DecisionType);
        Assert.Equal("1", decision.ScheduleActivityTaskDecisionAttributes!.ActivityId);
        Assert.Equal("in", decision.ScheduleActivityTaskDecisionAttributes.Input);
        Assert.Equal("Act", decision.ScheduleActivityTaskDecisionAttributes.ActivityType.Name);
    }

    [Fact]
    public void ProcessEvents_AfterBothActivities_CompletesWithResult()
    {
        var h = new HistoryBuilder().Started("in").DecisionTask().Completed();
        var first = h.ActivityScheduled("1");
        h.ActivityCompleted(first, "a").DecisionTask().Completed();
        var second = h.ActivityScheduled("2");
        h.ActivityCompleted(second, "b").DecisionTask();
        using var instance = NewInstance(Define<TwoActivities>((w, i) => w.RunAsync(i)));

        var decisions = instance.ProcessEvents(h.Events, h.LastEventId);

        var decision = Assert.Single(decisions);
        Assert.Equal(DecisionType.CompleteWorkflowExecution, decision.DecisionType);
        Assert.Equal("b!", decision.CompleteWorkflowExecutionDecisionAttributes!.Result);
    }

    [Fact]
    public void ProcessEvents_ClosedHistoryReplayedToEnd_IsClosedWithoutErrors()
    {
        var h = new HistoryBuilder().Started("in").DecisionTask().Completed();
        var first = h.ActivityScheduled("1");
        h.ActivityCompleted(first, "a").DecisionTask().Completed();
        var second = h.ActivityScheduled("2");
        h.ActivityCompleted(second, "b").DecisionTask().Completed().WorkflowCompleted("b!");
        using var instance = NewInstance(Define<TwoActivities>((w, i) => w.RunAsync(i)));

        var decisions = instance.ProcessEvents(h.Events, 0);

        Assert.Empty(decisions);
        Assert.True(instance.IsClosed);
    }

    [Fact]
    public void ProcessEvents_HistoryWithOtherActivityType_ThrowsNonDeterminismAtThatEvent()
    {
        var h = new HistoryBuilder().Started("in").DecisionTask().Completed();
        var first = h.ActivityScheduled("1", name: "Renamed");
        h.ActivityCompleted(first, "a").DecisionTask();
        using var instance = NewInstance(Define<TwoActivities>((w, i) => w.RunAsync(i)));

        var ex = Assert.Throws<NonDeterministicWorkflowException>(() => instance.ProcessEvents(h.Events, h.LastEventId));

        Assert.Equal(first, ex.EventId);
        Assert.Contains("Renamed", ex.HistoryHolds, StringComparison.Ordinal);
        Assert.Contains("ScheduleActivityTask Act 1", ex.CodeDid, StringComparison.Ordinal);
    }

    [Fact]
    public void ProcessEvents_HistoryMissingADecision_ThrowsNonDeterminism()
    {
        // The code schedules an activity in the first task, but history recorded no decision there.
        var h = new HistoryBuilder().Started("in").DecisionTask().Completed().Signaled("x", null).DecisionTask();
        using var instance = NewInstance(Define<TwoActivities>((w, i) => w.RunAsync(i)));

        var ex = Assert.Throws<NonDeterministicWorkflowException>(() => instance.ProcessEvents(h.Events, h.LastEventId));

        Assert.Equal(4, ex.EventId);
        Assert.Contains("ScheduleActivityTask", ex.CodeDid, StringComparison.Ordinal);
    }

    [Fact]
    public void ProcessEvents_ThirtyDayTimer_StartsTimerThenActivityAfterFire()
    {
        var h = new HistoryBuilder().Started("in").DecisionTask();
        using var instance = NewInstance(Define<TimerThenActivity>((w, i) => w.RunAsync(i)));

        var first = Assert.Single(instance.ProcessEvents(h.Events, h.LastEventId));
        Assert.Equal(DecisionType.StartTimer, first.DecisionType);
        Assert.Equal("2592000", first.StartTimerDecisionAttributes!.StartToFireTimeout);

        h.Completed();
        var timer = h.TimerStarted("t1", "2592000");
        h.TimerFired("t1", timer, TimeSpan.FromDays(30)).DecisionTask();
        var next = Assert.Single(instance.ProcessEvents(h.Events, h.LastEventId));

        Assert.Equal(DecisionType.ScheduleActivityTask, next.DecisionType);
    }

    [Fact]
    public void ProcessEvents_SignalAndTimerInSameBatch_SignalHandlerRunsBeforeMainContinues()
    {
        WaitsForApproval? workflow = null;
        var definition = Define<WaitsForApproval>(
            (w, i) => w.RunAsync(i),
            new() { ["approve"] = (o, input) => ((WaitsForApproval)o).ApproveAsync(input) },
            () => workflow = new WaitsForApproval());
        var h = new HistoryBuilder().Started().DecisionTask().Completed();
        var timer = h.TimerStarted("t1", "3600");
        h.Signaled("approve", "ann").TimerFired("t1", timer, TimeSpan.FromHours(1)).DecisionTask();
        using var instance = NewInstance(definition);

        var decisions = instance.ProcessEvents(h.Events, h.LastEventId);

        Assert.Equal(["signal ann", "main resumed"], workflow!.Seen);
        Assert.Equal("approved by ann", decisions[^1].CompleteWorkflowExecutionDecisionAttributes!.Result);
    }

    [Fact]
    public void ProcessEvents_SignalArrivingDuringDecisionTask_IsSeenOnlyByTheNextTask()
    {
        WaitsForApproval? workflow = null;
        var definition = Define<WaitsForApproval>(
            (w, i) => w.RunAsync(i),
            new() { ["approve"] = (o, input) => ((WaitsForApproval)o).ApproveAsync(input) },
            () => workflow = new WaitsForApproval());

        // The signal (event 4) arrived after task 3 started: task 3 decided a timer without seeing it.
        var h = new HistoryBuilder().Started().DecisionTask().Signaled("approve", "bob").Completed();
        h.TimerStarted("t1", "3600");
        h.DecisionTask();
        using var instance = NewInstance(definition);

        var decisions = instance.ProcessEvents(h.Events, h.LastEventId);

        Assert.Equal(DecisionType.CancelTimer, decisions[0].DecisionType);
        Assert.Equal("approved by bob", decisions[^1].CompleteWorkflowExecutionDecisionAttributes!.Result);
    }

    [Fact]
    public void ProcessEvents_RunMethodThrows_FailsWorkflowWithExceptionTypeAsReason()
    {
        var h = new HistoryBuilder().Started("x").DecisionTask();
        using var instance = NewInstance(Define<Throws>((w, i) => w.RunAsync(i)));

        var decision = Assert.Single(instance.ProcessEvents(h.Events, h.LastEventId));

        Assert.Equal(DecisionType.FailWorkflowExecution, decision.DecisionType);
        Assert.Equal("System.InvalidOperationException", decision.FailWorkflowExecutionDecisionAttributes!.Reason);
        Assert.Contains("boom x", decision.FailWorkflowExecutionDecisionAttributes.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void ProcessEvents_ActivityFailedInHistory_SurfacesAsActivityFailedException()
    {
        var h = new HistoryBuilder().Started("in").DecisionTask().Completed();
        var first = h.ActivityScheduled("1");
        h.ActivityFailed(first, "PaymentDeclined", "{\"message\":\"no funds\"}").DecisionTask();
        using var instance = NewInstance(Define<TwoActivities>((w, i) => w.RunAsync(i)));

        var decision = Assert.Single(instance.ProcessEvents(h.Events, h.LastEventId));

        Assert.Equal(DecisionType.FailWorkflowExecution, decision.DecisionType);
        Assert.Equal("PaymentDeclined", decision.FailWorkflowExecutionDecisionAttributes!.Reason);
    }

    [Fact]
    public void ProcessEvents_CompletionRejectedAsUnhandled_CompletesAgainInNextTask()
    {
        var h = new HistoryBuilder().Started("x").DecisionTask().Completed();
        var first = h.ActivityScheduled("1");
        h.ActivityCompleted(first, "a").DecisionTask().Completed();
        var second = h.ActivityScheduled("2");
        h.ActivityCompleted(second, "b").DecisionTask().Completed().CompleteFailed().Signaled("late", null).DecisionTask();
        using var instance = NewInstance(Define<TwoActivities>((w, i) => w.RunAsync(i)));

        var decision = Assert.Single(instance.ProcessEvents(h.Events, h.LastEventId));

        Assert.Equal(DecisionType.CompleteWorkflowExecution, decision.DecisionType);
        Assert.Equal("b!", decision.CompleteWorkflowExecutionDecisionAttributes!.Result);
    }

    [Fact]
    public void ProcessEvents_CachedInstanceGivenOnlyNewEvents_ContinuesWithoutReplay()
    {
        var h = new HistoryBuilder().Started("in").DecisionTask();
        using var instance = NewInstance(Define<TwoActivities>((w, i) => w.RunAsync(i)));
        instance.ProcessEvents(h.Events, h.LastEventId);
        var seen = h.LastEventId;

        h.Completed();
        var first = h.ActivityScheduled("1");
        h.ActivityCompleted(first, "a").DecisionTask();
        var decisions = instance.ProcessEvents([.. h.Events.Skip((int)seen)], h.LastEventId);

        var decision = Assert.Single(decisions);
        Assert.Equal("2", decision.ScheduleActivityTaskDecisionAttributes!.ActivityId);
        Assert.Equal("a", decision.ScheduleActivityTaskDecisionAttributes.Input);
    }

    [Fact]
    public void ProcessEvents_CachedInstanceWhoseTaskTimedOut_ThrowsStale()
    {
        var h = new HistoryBuilder().Started("in").DecisionTask();
        using var instance = NewInstance(Define<TwoActivities>((w, i) => w.RunAsync(i)));
        instance.ProcessEvents(h.Events, h.LastEventId);
        var seen = h.LastEventId;

        h.DecisionTimedOut().DecisionTask();

        Assert.Throws<StaleWorkflowInstanceException>(() => instance.ProcessEvents([.. h.Events.Skip((int)seen)], h.LastEventId));
    }

    [Fact]
    public void ProcessEvents_TimedOutTaskInHistory_IsSkippedOnReplay()
    {
        var h = new HistoryBuilder().Started("in").DecisionTask().DecisionTimedOut().DecisionTask();
        using var instance = NewInstance(Define<TwoActivities>((w, i) => w.RunAsync(i)));

        var decision = Assert.Single(instance.ProcessEvents(h.Events, h.LastEventId));

        Assert.Equal("1", decision.ScheduleActivityTaskDecisionAttributes!.ActivityId);
    }

    [Fact]
    public async Task ProcessEvents_WorkflowAwaitsNonWorkflowTask_FailsTheDecisionTaskWithClearError()
    {
        var h = new HistoryBuilder().Started("x").DecisionTask();
        using var instance = NewInstance(Define<AwaitsForeignTask>((w, i) => w.RunAsync(i)));
        instance.ProcessEvents(h.Events, h.LastEventId);

        // The continuation arrives from another thread; the next decision task reports it.
        await Task.Run(() => AwaitsForeignTask.Gate.TrySetResult());
        h.Signaled("poke", null).DecisionTask();
        var ex = Assert.Throws<InvalidWorkflowOperationException>(() => instance.ProcessEvents(h.Events, h.LastEventId));

        Assert.Contains("Task.Delay", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SideEffect_OnReplay_ReturnsRecordedValueWithoutRunning()
    {
        UsesSideEffect.Calls = 100;
        var h = new HistoryBuilder().Started().DecisionTask().Completed().Marker("SideEffect:1", "7").WorkflowCompleted("7");
        using var instance = NewInstance(Define<UsesSideEffect>((w, i) => w.RunAsync(i)));

        instance.ProcessEvents(h.Events, 0);

        Assert.Equal(100, UsesSideEffect.Calls);
        Assert.True(instance.IsClosed);
    }

    [Fact]
    public void GetVersion_MarkerInHistory_ReturnsRecordedVersionAndMatchesTheMarkerOnReplay()
    {
        var h = new HistoryBuilder().Started().DecisionTask().Completed().Marker("Version:change", "1");
        var scheduled = h.ActivityScheduled("1");
        h.ActivityCompleted(scheduled, "done").DecisionTask();
        using var instance = NewInstance(Define<UsesVersion>((w, i) => w.RunAsync(i)));

        var decision = Assert.Single(instance.ProcessEvents(h.Events, h.LastEventId));

        Assert.Equal(DecisionType.CompleteWorkflowExecution, decision.DecisionType);
        Assert.Equal("done", decision.CompleteWorkflowExecutionDecisionAttributes!.Result);
    }

    [Fact]
    public async Task QueueTask_ContinuationFromAnotherThreadBetweenTasks_IsReportedAtOnce()
    {
        AwaitsItsOwnGate? workflow = null;
        var reported = new List<Exception>();
        var h = new HistoryBuilder().Started("x").DecisionTask();
        using var instance = NewInstance(Define<AwaitsItsOwnGate>((w, i) => w.RunAsync(i), create: () => workflow = new AwaitsItsOwnGate()), (_, e) => reported.Add(e));
        instance.ProcessEvents(h.Events, h.LastEventId);

        // The gate is completed on a thread-pool thread, which queues the continuation: reported there and then.
        await Task.Run(() => workflow!.Gate.SetResult());

        var error = Assert.IsType<InvalidWorkflowOperationException>(Assert.Single(reported));
        Assert.Contains("run run-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Task.Run", error.Message, StringComparison.Ordinal);
        Assert.Same(error, instance.Fatal);
    }

    [Fact]
    public async Task ProcessEvents_HelperResumesAfterConfigureAwaitFalse_FailsNamingTheHelper()
    {
        var reported = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var h = new HistoryBuilder().Started("x").DecisionTask().Completed();
        var timer = h.TimerStarted("t1", "60");
        h.TimerFired("t1", timer, TimeSpan.FromMinutes(1)).DecisionTask();
        using var instance = NewInstance(Define<HelperWithConfigureAwaitFalse>((w, i) => w.RunAsync(i)), (_, e) => reported.TrySetResult(e));

        // The helper's continuation runs on the thread pool; the decision task fails if it comes back while
        // the task runs, otherwise it is reported as soon as it does.
        Exception error;
        try
        {
            instance.ProcessEvents(h.Events, h.LastEventId);
            error = await reported.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (InvalidWorkflowOperationException ex)
        {
            error = ex;
        }

        Assert.Contains("HelperWithConfigureAwaitFalse.LoadAsync", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConfigureAwait(false)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DelayAsync_TokenAlreadyCanceled_IsTaskCanceledWithoutATimer()
    {
        var h = new HistoryBuilder().Started().DecisionTask();
        using var instance = NewInstance(Define<CanceledDelay>((w, i) => w.RunAsync(i)));

        var decision = Assert.Single(instance.ProcessEvents(h.Events, h.LastEventId));

        Assert.Equal("TaskCanceledException", decision.CompleteWorkflowExecutionDecisionAttributes!.Result);
    }
}
