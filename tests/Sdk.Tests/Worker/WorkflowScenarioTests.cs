using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Swf.Activities;
using Swf.Client;
using Swf.Exceptions;
using Swf.LocalEngine;
using Swf.Model;
using Swf.Serialization;
using Swf.Tests.TestSupport;
using Swf.Worker;
using Swf.Workflows;

namespace Swf.Tests.Worker;

/// <summary>
/// Workflows written against the runtime API, run end to end on the local engine with a fake clock,
/// then their recorded histories replayed through the AWS CLI's JSON shape.
/// </summary>
public sealed class WorkflowScenarioTests : IDisposable
{
    private const string Domain = "shop";
    private const string Decisions = "decisions";
    private const string Activities = "activities";
    private static readonly ActivityType Charge = new() { Name = "Charge", Version = "1" };
    private static readonly WorkflowType Main = new() { Name = "Main", Version = "1" };
    private static readonly WorkflowType Child = new() { Name = "Child", Version = "1" };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly LocalSwfEngine _engine;
    private readonly InterceptingSwfClient _client;
    private readonly List<string> _log = [];
    private int _charges;

    public WorkflowScenarioTests()
    {
        var runIds = 0;
        _engine = new LocalSwfEngine(new LocalSwfEngineOptions { TimeProvider = _clock, RunIdGenerator = () => $"run-{++runIds}" });
        _client = InterceptingSwfClient.Wrap(_engine);
    }

    public void Dispose() => _engine.Dispose();

    private Func<string?, Task<string?>> ChargeImplementation { get; set; } = input => Task.FromResult<string?>("charged " + input);

    // ---- scenarios ------------------------------------------------------------------------

    [Fact]
    public async Task ThirtyDayTimer_FiresAfterClockJump_ThenActivityRuns()
    {
        var result = await RunAsync(async _ =>
        {
            await Workflow.DelayAsync(TimeSpan.FromDays(30));
            return await Workflow.ExecuteActivityAsync(Charge, "late fee");
        });

        Assert.Equal("charged late fee", result);
        Assert.True(_clock.GetUtcNow() >= new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Retry_TransientFailures_RetriesWithBackoffTimersThenSucceeds()
    {
        ChargeImplementation = input => ++_charges < 3 ? throw new TimeoutException("bank busy") : Task.FromResult<string?>("ok " + input);

        var result = await RunAsync(input => Workflow.ExecuteActivityAsync(
            Charge,
            input,
            new ActivityOptions { Retry = RetryPolicy.Exponential(maxAttempts: 5, initialInterval: TimeSpan.FromSeconds(10)) }));

        Assert.Equal("ok order-1", result);
        var history = await HistoryAsync();
        Assert.Equal(2, history.Count(e => e.EventType == EventType.ActivityTaskFailed));
        Assert.Equal(["10", "20"], history.Where(e => e.EventType == EventType.TimerStarted).Select(e => e.TimerStartedEventAttributes!.StartToFireTimeout));
        Assert.Equal(["1", "1-2", "1-3"], history.Where(e => e.EventType == EventType.ActivityTaskScheduled).Select(e => e.ActivityTaskScheduledEventAttributes!.ActivityId));
    }

    [Fact]
    public async Task Retry_NonRetryableError_FailsWorkflowAfterOneAttempt()
    {
        ChargeImplementation = _ => throw new ArgumentException("card number invalid");
        var retry = RetryPolicy.Exponential(maxAttempts: 5);
        retry.NonRetryableErrorTypes.Add("ArgumentException");

        var failure = await Assert.ThrowsAsync<WorkflowFailedException>(() => RunAsync(input => Workflow.ExecuteActivityAsync(Charge, input, new ActivityOptions { Retry = retry })));

        Assert.Equal("System.ArgumentException", failure.Reason);
        Assert.Single(await HistoryAsync(), e => e.EventType == EventType.ActivityTaskScheduled);
    }

    [Fact]
    public async Task SignalRacingCompletion_CompletionRejectedAsUnhandled_SignalHandledThenCompletes()
    {
        var signaled = false;
        _client.Before = request =>
        {
            if (!signaled && request is RespondDecisionTaskCompletedRequest r && r.Decisions!.Any(d => d.DecisionType == DecisionType.CompleteWorkflowExecution))
            {
                signaled = true;
                return _engine.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = Domain, WorkflowId = "order-1", SignalName = "note", Input = "late" });
            }

            return Task.CompletedTask;
        };

        var result = await RunAsync(input => Workflow.ExecuteActivityAsync(Charge, input));

        Assert.Equal("charged order-1", result);
        Assert.Equal(["signal late"], _log);
        var types = (await HistoryAsync()).Select(e => e.EventType).ToList();
        var rejected = types.IndexOf(EventType.CompleteWorkflowExecutionFailed);
        Assert.True(rejected > 0);
        Assert.True(types.IndexOf(EventType.WorkflowExecutionSignaled) < rejected);
        Assert.Equal(EventType.WorkflowExecutionCompleted, types[^1]);
    }

    [Fact]
    public async Task ChildWorkflow_Completes_ParentGetsItsResult()
    {
        var result = await RunAsync(input => Workflow.ExecuteChildWorkflowAsync(Child, input + "/child"));

        Assert.Equal("child charged order-1/child", result);
        Assert.Contains(await HistoryAsync(), e => e.EventType == EventType.ChildWorkflowExecutionCompleted);
    }

    [Fact]
    public async Task ChildWorkflow_Fails_ParentSeesChildWorkflowException()
    {
        ChargeImplementation = _ => throw new InvalidOperationException("no stock");

        var result = await RunAsync(async input =>
        {
            try
            {
                return await Workflow.ExecuteChildWorkflowAsync(Child, input);
            }
            catch (ChildWorkflowException ex)
            {
                return $"child {ex.Outcome}: {ex.Reason}";
            }
        });

        Assert.Equal("child ChildWorkflowExecutionFailed: System.InvalidOperationException", result);
    }

    [Fact]
    public async Task ContinueAsNew_ThreeTimes_ResultFollowsToLastRun()
    {
        var result = await RunAsync(
            input =>
            {
                var n = int.Parse(input ?? "0", CultureInfo.InvariantCulture);
                return n < 3 ? throw Workflow.ContinueAsNew((n + 1).ToString(CultureInfo.InvariantCulture)) : Task.FromResult<string?>($"done after {n} runs");
            },
            input: "0");

        Assert.Equal("done after 3 runs", result);
        var closed = await _engine.ListClosedWorkflowExecutionsAsync(new ListClosedWorkflowExecutionsRequest { Domain = Domain, StartTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch } });
        Assert.Equal(3, closed.WorkflowExecutionInfos.ExecutionInfos.Count(i => i.CloseStatus == CloseStatus.ContinuedAsNew));
    }

    [Fact]
    public async Task CancelWorkflow_WhileWaitingOnTimer_ClosesAsCanceled()
    {
        _client.Before = request =>
        {
            // Ask for cancellation as soon as the workflow has started its day-long timer.
            if (request is RespondDecisionTaskCompletedRequest r && r.Decisions!.Any(d => d.DecisionType == DecisionType.StartTimer))
            {
                return _engine.RequestCancelWorkflowExecutionAsync(new RequestCancelWorkflowExecutionRequest { Domain = Domain, WorkflowId = "order-1" });
            }

            return Task.CompletedTask;
        };

        await Assert.ThrowsAsync<WorkflowCanceledException>(() => RunAsync(async _ =>
        {
            await Workflow.DelayAsync(TimeSpan.FromDays(1), Workflow.CancellationToken);
            return "not canceled";
        }));

        var types = (await HistoryAsync()).Select(e => e.EventType).ToList();
        Assert.Contains(EventType.TimerCanceled, types);
        Assert.Equal(EventType.WorkflowExecutionCanceled, types[^1]);
    }

    [Fact]
    public async Task CancelTimer_ThroughToken_RecordsTimerCanceled()
    {
        var result = await RunAsync(async _ =>
        {
            using var cancellation = new CancellationTokenSource();
            var reminder = Workflow.DelayAsync(TimeSpan.FromDays(2), cancellation.Token);
            await Workflow.DelayAsync(TimeSpan.FromMinutes(1));
            cancellation.Cancel();
            try
            {
                await reminder;
                return "fired";
            }
            catch (OperationCanceledException)
            {
                return "reminder canceled";
            }
        });

        Assert.Equal("reminder canceled", result);
        Assert.Contains(await HistoryAsync(), e => e.EventType == EventType.TimerCanceled);
    }

    [Fact]
    public async Task CancelActivity_NotYetStarted_SwfCancelsItAndWorkflowSeesCanceled()
    {
        var result = await RunAsync(async _ =>
        {
            using var cancellation = new CancellationTokenSource();

            // Nobody polls "slow", so the task stays scheduled until it is canceled.
            var charge = Workflow.ExecuteActivityAsync(Charge, "x", new ActivityOptions { TaskList = "slow" }, cancellation.Token);
            await Workflow.DelayAsync(TimeSpan.FromSeconds(30));
            cancellation.Cancel();
            try
            {
                return await charge;
            }
            catch (ActivityCanceledException)
            {
                return "charge canceled";
            }
        });

        Assert.Equal("charge canceled", result);
        var types = (await HistoryAsync()).Select(e => e.EventType).ToList();
        Assert.Contains(EventType.ActivityTaskCancelRequested, types);
        Assert.Contains(EventType.ActivityTaskCanceled, types);
    }

    [Fact]
    public async Task ActivityWorkerCrash_TaskTimesOut_RetryRunsOnAnotherWorkerWithSameResult()
    {
        // The first attempt is taken by a worker that dies without answering (see stealFirstActivityTask).
        var options = new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(20), Retry = RetryPolicy.Exponential(maxAttempts: 3) };

        var result = await RunAsync(input => Workflow.ExecuteActivityAsync(Charge, input, options), stealFirstActivityTask: true);

        Assert.Equal("charged order-1", result);
        var history = await HistoryAsync();
        var timedOut = Assert.Single(history, e => e.EventType == EventType.ActivityTaskTimedOut);
        Assert.Equal(ActivityTaskTimeoutType.StartToClose, timedOut.ActivityTaskTimedOutEventAttributes!.TimeoutType);
    }

    [Fact]
    public async Task Replay_EveryScenarioHistory_ReplaysCleanlyFromCliJson()
    {
        Func<string?, Task<string?>> workflow = async input =>
        {
            var first = await Workflow.ExecuteActivityAsync(Charge, input);
            await Workflow.DelayAsync(TimeSpan.FromHours(1));
            var stamp = Workflow.SideEffect(() => "stamp-1");
            return first + " " + stamp;
        };
        await RunAsync(workflow);

        var json = JsonSerializer.Serialize(new History { Events = await HistoryAsync() }, SwfJsonContext.Default.History);
        var events = JsonSerializer.Deserialize(json, SwfJsonResponses.For<History>())!.Events;

        WorkflowReplayer.Replay(Define(Main, workflow), events, Execution("run-1"));
    }

    [Theory]
    [InlineData("activity type changed")]
    [InlineData("activities reordered")]
    [InlineData("timer removed")]
    [InlineData("extra activity")]
    [InlineData("marker removed")]
    public async Task Replay_ChangedCode_IsCaughtAtTheEventThatDiffers(string change)
    {
        static async Task<string?> Original(string? input)
        {
            var first = await Workflow.ExecuteActivityAsync(Charge, input);
            await Workflow.DelayAsync(TimeSpan.FromHours(1));
            Workflow.RecordMarker("charged", first);
            return await Workflow.ExecuteActivityAsync(Refund, first);
        }

        await RunAsync(Original);
        var history = await HistoryAsync();
        Func<string?, Task<string?>> changed = change switch
        {
            "activity type changed" => async input =>
            {
                var first = await Workflow.ExecuteActivityAsync(Refund, input);
                await Workflow.DelayAsync(TimeSpan.FromHours(1));
                Workflow.RecordMarker("charged", first);
                return await Workflow.ExecuteActivityAsync(Refund, first);
            },
            "activities reordered" => async input =>
            {
                var first = await Workflow.ExecuteActivityAsync(Refund, input);
                await Workflow.DelayAsync(TimeSpan.FromHours(1));
                Workflow.RecordMarker("charged", first);
                return await Workflow.ExecuteActivityAsync(Charge, first);
            },
            "timer removed" => async input =>
            {
                var first = await Workflow.ExecuteActivityAsync(Charge, input);
                Workflow.RecordMarker("charged", first);
                return await Workflow.ExecuteActivityAsync(Refund, first);
            },
            "extra activity" => async input =>
            {
                var first = await Workflow.ExecuteActivityAsync(Charge, input);
                _ = Workflow.ExecuteActivityAsync(Charge, "audit");
                await Workflow.DelayAsync(TimeSpan.FromHours(1));
                Workflow.RecordMarker("charged", first);
                return await Workflow.ExecuteActivityAsync(Refund, first);
            },
            _ => async input =>
            {
                var first = await Workflow.ExecuteActivityAsync(Charge, input);
                await Workflow.DelayAsync(TimeSpan.FromHours(1));
                return await Workflow.ExecuteActivityAsync(Refund, first);
            },
        };
        var expectedAt = change switch
        {
            "activity type changed" or "activities reordered" => history.First(e => e.EventType == EventType.ActivityTaskScheduled).EventId,
            "timer removed" or "extra activity" => history.First(e => e.EventType == EventType.TimerStarted).EventId,
            _ => history.First(e => e.EventType == EventType.MarkerRecorded).EventId,
        };

        WorkflowReplayer.Replay(Define(Main, Original), history, Execution("run-1"));
        var ex = Assert.Throws<NonDeterministicWorkflowException>(() => WorkflowReplayer.Replay(Define(Main, changed), history, Execution("run-1")));

        Assert.Equal(expectedAt, ex.EventId);
    }

    [Fact]
    public async Task Replay_SignalMovedToAnEarlierDecisionTask_IsCaught()
    {
        static async Task<string?> Approval(string? input)
        {
            var approved = await Workflow.WaitConditionAsync(() => ApprovalState.Approved, TimeSpan.FromHours(2));
            return approved ? await Workflow.ExecuteActivityAsync(Charge, input) : "rejected";
        }

        ApprovalState.Approved = false;
        var signals = new Dictionary<string, Func<object, string?, Task>> { ["approve"] = (_, _) => { ApprovalState.Approved = true; return Task.CompletedTask; } };
        await RunAsync(Approval, signals: signals);
        var history = await HistoryAsync();
        Assert.Equal("rejected", history[^1].WorkflowExecutionCompletedEventAttributes!.Result);

        // Move a signal into the window of the first decision task: the code now takes the other branch.
        var moved = history.ToList();
        var signal = new HistoryEvent
        {
            EventId = 3,
            EventType = EventType.WorkflowExecutionSignaled,
            EventTimestamp = moved[1].EventTimestamp,
            WorkflowExecutionSignaledEventAttributes = new() { SignalName = "approve" },
        };
        moved.Insert(2, signal);
        for (var i = 3; i < moved.Count; i++)
        {
            moved[i] = Renumbered(moved[i], i + 1);
        }

        ApprovalState.Approved = false;
        var ex = Assert.Throws<NonDeterministicWorkflowException>(() => WorkflowReplayer.Replay(Define(Main, Approval, signals), moved, Execution("run-1")));
        Assert.Contains("TimerStarted", ex.HistoryHolds, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetVersion_NewRun_RecordsMaxVersion_OldHistoryReplaysAsDefaultVersion()
    {
        static async Task<string?> Versioned(string? input)
        {
            var version = Workflow.GetVersion("charge-twice", Workflow.DefaultVersion, 1);
            var result = await Workflow.ExecuteActivityAsync(Charge, input);
            return version == 1 ? result + " v1" : result;
        }

        static async Task<string?> BeforeTheChange(string? input) => await Workflow.ExecuteActivityAsync(Charge, input);

        Assert.Equal("charged order-1 v1", await RunAsync(Versioned));
        var marker = Assert.Single(await HistoryAsync(), e => e.EventType == EventType.MarkerRecorded);
        Assert.Equal("Version:charge-twice", marker.MarkerRecordedEventAttributes!.MarkerName);

        // A history written by the code from before the change still replays with the new code.
        using var old = new WorkflowScenarioTests();
        await old.RunAsync(BeforeTheChange);
        var oldHistory = (await old.HistoryAsync()).ToList();
        oldHistory[^1].WorkflowExecutionCompletedEventAttributes!.Result = "charged order-1";
        WorkflowReplayer.Replay(Define(Main, Versioned), oldHistory, Execution("run-1"));
    }

    [Fact]
    public async Task SignalExternalWorkflow_OtherExecutionReceivesIt_UnknownTargetFails()
    {
        var result = await RunAsync(async _ =>
        {
            try
            {
                await Workflow.SignalExternalWorkflowAsync("no-such-order", "note", "hi");
                return "delivered";
            }
            catch (ExternalWorkflowException ex)
            {
                return ex.Cause;
            }
        });

        Assert.Equal("UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION", result);
    }

    [Fact]
    public async Task ChildWorkflow_IdAlreadyRunning_ParentSeesStartFailure()
    {
        var result = await RunAsync(async input =>
        {
            try
            {
                return await Workflow.ExecuteChildWorkflowAsync(Child, input, new ChildWorkflowOptions { WorkflowId = "order-1" });
            }
            catch (ChildWorkflowException ex)
            {
                return $"{ex.Outcome}: {ex.Reason}";
            }
        });

        Assert.Equal("StartChildWorkflowExecutionFailed: WORKFLOW_ALREADY_RUNNING", result);
    }

    [Fact]
    public async Task ExecuteActivityAsync_InputOverSwfLimit_FailsAtTheCallNamingSizeAndLimit()
    {
        var result = await RunAsync(async _ =>
        {
            try
            {
                return await Workflow.ExecuteActivityAsync(Charge, new string('x', 40_000));
            }
            catch (PayloadTooLargeException ex)
            {
                return ex.Message;
            }
        });

        Assert.Equal("ExecuteActivityAsync(Charge 1) input: the encoded payload has 40,000 characters; SWF accepts at most 32,768.", result);
    }

    [Fact]
    public async Task RandomAndNewGuid_SameRunReplayed_GiveTheSameValues()
    {
        var seen = new List<string>();
        Func<string?, Task<string?>> main = async _ =>
        {
            var value = $"{Workflow.Random.Next()} {Workflow.NewGuid()}";
            seen.Add(value);
            await Workflow.DelayAsync(TimeSpan.FromMinutes(5));
            return value;
        };

        var result = await RunAsync(main);
        WorkflowReplayer.Replay(Define(Main, main), await HistoryAsync(), Execution("run-1"));

        Assert.All(seen, value => Assert.Equal(result, value));
        Assert.True(seen.Count >= 2);
    }

    [Fact]
    public async Task Logger_EveryTaskReplayedFromScratch_LogsEachMessageOnce()
    {
        var logger = new ListLogger();
        using var factory = new SingleLoggerFactory(logger);

        // Without a cache every decision task replays the run from event 1.
        await RunAsync(
            async input =>
            {
                Workflow.Logger.LogInformation("charging {Order}", input);
                var first = await Workflow.ExecuteActivityAsync(Charge, input);
                Workflow.Logger.LogInformation("refunding {Order}", input);
                return await Workflow.ExecuteActivityAsync(Refund, first);
            },
            loggerFactory: factory,
            cacheSize: 0);

        Assert.Single(logger.Lines, l => l.Contains("charging order-1", StringComparison.Ordinal));
        Assert.Single(logger.Lines, l => l.Contains("refunding order-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decider_NonDeterministicCode_LeavesDecisionTaskUnanswered()
    {
        await RunAsync(input => Workflow.ExecuteActivityAsync(Charge, input), input: "a");
        await _engine.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = Domain, WorkflowId = "order-2", WorkflowType = Main, Input = "b" });
        var first = new WorkflowWorker(_engine, new WorkflowWorkerOptions { Domain = Domain, TaskList = Decisions, StickyExecution = false }, [Define(Main, input => Workflow.ExecuteActivityAsync(Charge, input))]);
        Assert.True(await first.PollOnceAsync(Decisions));
        await new ActivityWorker(_engine, new ActivityWorkerOptions { Domain = Domain, TaskList = Activities, TimeProvider = _clock }, [new ActivityDefinition { ActivityType = Charge, Execute = (_, i) => Task.FromResult(i) }]).PollOnceAsync();

        // A deployment whose code now calls Refund first cannot continue the run; it must not answer.
        var changed = new WorkflowWorker(_engine, new WorkflowWorkerOptions { Domain = Domain, TaskList = Decisions, StickyExecution = false }, [Define(Main, input => Workflow.ExecuteActivityAsync(Refund, input))]);
        Assert.True(await changed.PollOnceAsync(Decisions));

        Assert.Equal(1, changed.Counters.DecisionTaskFailures);
        var history = new List<HistoryEvent>();
        await foreach (var e in new WorkflowClient(_engine, new WorkflowClientOptions { Domain = Domain }).GetHandle("order-2").GetHistoryAsync())
        {
            history.Add(e);
        }

        Assert.Equal(EventType.DecisionTaskStarted, history[^1].EventType);
    }

    // ---- markers replayed from event 1 (GetVersion, SideEffect, RecordMarker) ---------------

    private static async Task<string?> EveryMarkerApi(string? input)
    {
        var version = Workflow.GetVersion("add-refund", Workflow.DefaultVersion, 1);
        var stamp = Workflow.SideEffect(() => "stamp-1");
        Workflow.RecordMarker("audit", "charging " + input);
        var first = await Workflow.ExecuteActivityAsync(Charge, input);
        await Workflow.DelayAsync(TimeSpan.FromHours(1));

        // A second call for the same change returns the first answer; a change first met in a later
        // decision task records its marker there.
        var again = Workflow.GetVersion("add-refund", Workflow.DefaultVersion, 1);
        var late = Workflow.GetVersion("late-change", Workflow.DefaultVersion, 2);
        var second = version == 1 ? await Workflow.ExecuteActivityAsync(Refund, first) : first;
        return $"{second} {stamp} v{again} v{late}";
    }

    [Fact]
    public async Task MarkerApis_HistoryTheEngineRecorded_ReplaysFromEventOne()
    {
        Assert.Equal("refunded charged order-1 stamp-1 v1 v2", await RunAsync(EveryMarkerApi));
        var history = await HistoryAsync();
        Assert.Equal(
            ["Version:add-refund", "SideEffect:1", "audit", "Version:late-change"],
            history.Where(e => e.EventType == EventType.MarkerRecorded).Select(e => e.MarkerRecordedEventAttributes!.MarkerName));

        WorkflowReplayer.Replay(Define(Main, EveryMarkerApi), history, Execution("run-1"));
    }

    [Fact]
    public async Task MarkerApis_DeciderWithoutCache_EveryTaskReplaysFromEventOneAndRunCompletes()
    {
        var result = await RunAsync(EveryMarkerApi, cacheSize: 0);

        Assert.Equal("refunded charged order-1 stamp-1 v1 v2", result);
        Assert.Equal(4, (await HistoryAsync()).Count(e => e.EventType == EventType.MarkerRecorded));
    }

    // ---- cancellation follows the workflow's token ------------------------------------------

    [Fact]
    public async Task CancelWorkflow_ActivityGivenWorkflowToken_ActivityCanceledAndWorkflowEndsCanceled()
    {
        CancelWhenDecided(DecisionType.ScheduleActivityTask);

        // Nobody polls "slow": the activity stays scheduled until it is canceled.
        await Assert.ThrowsAsync<WorkflowCanceledException>(() => RunAsync(
            input => Workflow.ExecuteActivityAsync(Charge, input, new ActivityOptions { TaskList = "slow" }, Workflow.CancellationToken)));

        var types = (await HistoryAsync()).Select(e => e.EventType).ToList();
        Assert.Contains(EventType.ActivityTaskCanceled, types);
        Assert.Equal(EventType.WorkflowExecutionCanceled, types[^1]);
    }

    [Fact]
    public async Task CancelWorkflow_ActivityGivenNoToken_FollowsTheWorkflowAndIsCanceled()
    {
        CancelWhenDecided(DecisionType.ScheduleActivityTask);

        await Assert.ThrowsAsync<WorkflowCanceledException>(() => RunAsync(
            input => Workflow.ExecuteActivityAsync(Charge, input, new ActivityOptions { TaskList = "slow" })));

        var types = (await HistoryAsync()).Select(e => e.EventType).ToList();
        Assert.Contains(EventType.ActivityTaskCancelRequested, types);
        Assert.Equal(EventType.WorkflowExecutionCanceled, types[^1]);
    }

    [Fact]
    public async Task CancelWorkflow_CleanupActivityGivenNoneToken_RunsAfterCancellationThenWorkflowEndsCanceled()
    {
        CancelWhenDecided(DecisionType.ScheduleActivityTask);

        await Assert.ThrowsAsync<WorkflowCanceledException>(() => RunAsync(async input =>
        {
            try
            {
                return await Workflow.ExecuteActivityAsync(Charge, input, new ActivityOptions { TaskList = "slow" }, Workflow.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                // CancellationToken.None: not cancelled by the workflow, so the compensation runs.
                _log.Add(await Workflow.ExecuteActivityAsync(Refund, input, null, CancellationToken.None) ?? "null");
                throw;
            }
        }));

        Assert.Equal(["refunded order-1"], _log);
        Assert.Equal(EventType.WorkflowExecutionCanceled, (await HistoryAsync())[^1].EventType);
    }

    [Fact]
    public async Task CancelWorkflow_WaitingOnChild_ChildCanceledAndParentEndsCanceled()
    {
        // Cancel the parent once the child has started its day-long timer.
        CancelWhenDecided(DecisionType.StartTimer);

        await Assert.ThrowsAsync<WorkflowCanceledException>(() => RunAsync(
            input => Workflow.ExecuteChildWorkflowAsync(Child, input, new ChildWorkflowOptions { WorkflowId = "order-1-child" }, Workflow.CancellationToken),
            child: async _ =>
            {
                await Workflow.DelayAsync(TimeSpan.FromDays(1), Workflow.CancellationToken);
                return "child done";
            }));

        var parent = (await HistoryAsync()).Select(e => e.EventType).ToList();
        Assert.Contains(EventType.ChildWorkflowExecutionCanceled, parent);
        Assert.Equal(EventType.WorkflowExecutionCanceled, parent[^1]);
        Assert.Equal(EventType.WorkflowExecutionCanceled, (await HistoryAsync("order-1-child"))[^1].EventType);
    }

    // ---- failure messages --------------------------------------------------------------------

    [Fact]
    public async Task ActivityFailed_CaughtInWorkflow_MessageIsTypeAndMessage()
    {
        ChargeImplementation = _ => throw new ArgumentException("card number invalid");

        var result = await RunAsync(async input =>
        {
            try
            {
                return await Workflow.ExecuteActivityAsync(Charge, input);
            }
            catch (ActivityFailedException ex)
            {
                return ex.Message;
            }
        });

        Assert.Equal("ArgumentException: card number invalid", result);
    }

    [Fact]
    public async Task WorkflowFailed_ActivityFailureEscapes_ClientMessageIsReadable()
    {
        ChargeImplementation = _ => throw new ArgumentException("card number invalid");

        var failure = await Assert.ThrowsAsync<WorkflowFailedException>(() => RunAsync(input => Workflow.ExecuteActivityAsync(Charge, input)));

        Assert.Equal("ActivityFailedException: ArgumentException: card number invalid", failure.Message);
    }

    // ---- plumbing -------------------------------------------------------------------------

    private static readonly ActivityType Refund = new() { Name = "Refund", Version = "1" };

    private static class ApprovalState
    {
        public static bool Approved { get; set; }
    }

    private static WorkflowExecution Execution(string runId) => new() { WorkflowId = "order-1", RunId = runId };

    private WorkflowDefinition Define(WorkflowType type, Func<string?, Task<string?>> run, IReadOnlyDictionary<string, Func<object, string?, Task>>? signals = null) => new()
    {
        WorkflowType = type,
        CreateInstance = () => new object(),
        Run = (_, input) => run(input),
        Signals = signals ?? new Dictionary<string, Func<object, string?, Task>>
        {
            ["note"] = (_, input) =>
            {
                _log.Add("signal " + input);
                return Task.CompletedTask;
            },
        },
    };

    private async Task<string?> RunAsync(
        Func<string?, Task<string?>> main,
        string input = "order-1",
        bool stealFirstActivityTask = false,
        IReadOnlyDictionary<string, Func<object, string?, Task>>? signals = null,
        ILoggerFactory? loggerFactory = null,
        int cacheSize = 1000,
        Func<string?, Task<string?>>? child = null)
    {
        await RegisterAsync();
        var childDefinition = Define(Child, child ?? (async childInput => "child " + await Workflow.ExecuteActivityAsync(Charge, childInput)));
        var decider = new WorkflowWorker(_client.Client, new WorkflowWorkerOptions { Domain = Domain, TaskList = Decisions, Identity = "decider", LoggerFactory = loggerFactory, CacheSize = cacheSize, StickyExecution = cacheSize > 0 }, [Define(Main, main, signals), childDefinition]);
        using var activities = new ActivityWorker(
            _client.Client,
            new ActivityWorkerOptions { Domain = Domain, TaskList = Activities, TimeProvider = _clock },
            [
                new ActivityDefinition { ActivityType = Charge, Execute = (_, i) => ChargeImplementation(i) },
                new ActivityDefinition { ActivityType = Refund, Execute = (_, i) => Task.FromResult<string?>("refunded " + i) },
            ]);
        var driver = new EngineDriver(_engine, _clock, Domain).Add(decider, Decisions).Add(activities, Activities);
        var workflows = new WorkflowClient(_client.Client, new WorkflowClientOptions { Domain = Domain, TimeProvider = _clock });
        var handle = await workflows.StartAsync(Main, "order-1", input);

        if (stealFirstActivityTask)
        {
            await driver.StepAsync();
            var stolen = await _engine.PollForActivityTaskAsync(new PollForActivityTaskRequest { Domain = Domain, TaskList = new TaskList { Name = Activities }, Identity = "doomed" });
            Assert.NotNull(stolen.ActivityTask.TaskToken);
        }

        await driver.RunUntilAllClosedAsync();
        return await workflows.GetHandle("order-1").GetResultAsync();
    }

    private async Task RegisterAsync()
    {
        await _engine.RegisterDomainAsync(new RegisterDomainRequest { Name = Domain, WorkflowExecutionRetentionPeriodInDays = "30" });
        foreach (var type in new[] { Main, Child })
        {
            await _engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
            {
                Domain = Domain,
                Name = type.Name,
                Version = type.Version,
                DefaultTaskList = new TaskList { Name = Decisions },
                DefaultExecutionStartToCloseTimeout = "31536000",
                DefaultTaskStartToCloseTimeout = "30",
                DefaultChildPolicy = ChildPolicy.Terminate,
            });
        }

        foreach (var type in new[] { Charge, Refund })
        {
            await _engine.RegisterActivityTypeAsync(new RegisterActivityTypeRequest
            {
                Domain = Domain,
                Name = type.Name,
                Version = type.Version,
                DefaultTaskList = new TaskList { Name = Activities },
                DefaultTaskScheduleToStartTimeout = "NONE",
                DefaultTaskScheduleToCloseTimeout = "NONE",
                DefaultTaskStartToCloseTimeout = "600",
            });
        }
    }

    private void CancelWhenDecided(DecisionType decisionType)
    {
        var requested = false;
        _client.Before = request =>
        {
            if (!requested && request is RespondDecisionTaskCompletedRequest r && r.Decisions!.Any(d => d.DecisionType == decisionType))
            {
                requested = true;
                return _engine.RequestCancelWorkflowExecutionAsync(new RequestCancelWorkflowExecutionRequest { Domain = Domain, WorkflowId = "order-1" });
            }

            return Task.CompletedTask;
        };
    }

    private async Task<List<HistoryEvent>> HistoryAsync(string workflowId = "order-1")
    {
        var events = new List<HistoryEvent>();
        await foreach (var e in new WorkflowClient(_engine, new WorkflowClientOptions { Domain = Domain }).GetHandle(workflowId).GetHistoryAsync())
        {
            events.Add(e);
        }

        return events;
    }

    private static HistoryEvent Renumbered(HistoryEvent e, long newId)
    {
        // Round-trip through JSON, shifting every id that points at or after the inserted event.
        var json = JsonSerializer.Serialize(e, SwfJsonContext.Default.HistoryEvent);
        var copy = JsonSerializer.Deserialize(json, SwfJsonResponses.For<HistoryEvent>())!;
        copy.EventId = newId;
        var node = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(copy, SwfJsonContext.Default.HistoryEvent))!.AsObject();
        foreach (var (name, value) in node.ToList())
        {
            if (value is System.Text.Json.Nodes.JsonObject attributes)
            {
                foreach (var (field, fieldValue) in attributes.ToList())
                {
                    if (field.EndsWith("EventId", StringComparison.Ordinal) && fieldValue!.GetValue<long>() >= 3)
                    {
                        attributes[field] = fieldValue.GetValue<long>() + 1;
                    }
                }
            }
        }

        return JsonSerializer.Deserialize(node.ToJsonString(), SwfJsonResponses.For<HistoryEvent>())!;
    }
}
