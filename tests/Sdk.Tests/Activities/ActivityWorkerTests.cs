using Microsoft.Extensions.Time.Testing;
using Swf.Activities;
using Swf.LocalEngine;
using Swf.Model;

namespace Swf.Tests.Activities;

public sealed class ActivityWorkerTests : IDisposable
{
    private const string Domain = "shop";
    private static readonly ActivityType Charge = new() { Name = "Charge", Version = "1" };
    private static readonly WorkflowType Order = new() { Name = "Order", Version = "1" };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly LocalSwfEngine _engine;

    public ActivityWorkerTests()
    {
        _engine = new LocalSwfEngine(new LocalSwfEngineOptions { TimeProvider = _clock });
    }

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task PollOnceAsync_ImplementationReturns_RecordsCompletedWithResult()
    {
        var runId = await ScheduleChargeAsync("42");
        using var worker = NewWorker((_, input) => Task.FromResult<string?>("receipt-" + input));

        Assert.True(await worker.PollOnceAsync());

        var completed = (await HistoryAsync(runId)).Single(e => e.EventType == EventType.ActivityTaskCompleted);
        Assert.Equal("receipt-42", completed.ActivityTaskCompletedEventAttributes!.Result);
    }

    [Fact]
    public async Task PollOnceAsync_ImplementationThrows_RecordsFailedWithExceptionType()
    {
        var runId = await ScheduleChargeAsync("42");
        using var worker = NewWorker((_, _) => throw new TimeoutException("bank down"));

        Assert.True(await worker.PollOnceAsync());

        var failed = (await HistoryAsync(runId)).Single(e => e.EventType == EventType.ActivityTaskFailed);
        Assert.Equal("System.TimeoutException", failed.ActivityTaskFailedEventAttributes!.Reason);
        Assert.Contains("bank down", failed.ActivityTaskFailedEventAttributes.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollOnceAsync_CancelRequestedWhileRunning_HeartbeatCancelsTokenAndRecordsCanceled()
    {
        var runId = await ScheduleChargeAsync("42", heartbeat: "20");
        var started = new TaskCompletionSource();
        using var worker = NewWorker(
            async (context, _) =>
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                return null;
            },
            heartbeat: TimeSpan.FromSeconds(20));

        var running = worker.PollOnceAsync();
        await started.Task;

        // A signal gives the workflow a decision task in which it asks for the activity's cancellation.
        await _engine.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = Domain, WorkflowId = "order-1", SignalName = "cancel" });
        await DecideAsync(new Decision
        {
            DecisionType = DecisionType.RequestCancelActivityTask,
            RequestCancelActivityTaskDecisionAttributes = new() { ActivityId = "a1" },
        });
        _clock.Advance(TimeSpan.FromSeconds(10));
        await running;

        Assert.Contains(await HistoryAsync(runId), e => e.EventType == EventType.ActivityTaskCanceled);
    }

    [Fact]
    public async Task RunAsync_StoppedWhileTaskRuns_StopsPollingAndDrainsTheRunningTask()
    {
        var runId = await ScheduleChargeAsync("42");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var worker = NewWorker(async (_, input) =>
        {
            started.SetResult();
            await release.Task;
            return "receipt-" + input;
        });
        using var stopping = new CancellationTokenSource();

        var running = worker.RunAsync(stopping.Token);
        await started.Task;
        await stopping.CancelAsync();
        Assert.False(running.IsCompleted, "The worker must wait for the running task before it stops.");
        release.SetResult();
        await running;

        var completed = (await HistoryAsync(runId)).Single(e => e.EventType == EventType.ActivityTaskCompleted);
        Assert.Equal("receipt-42", completed.ActivityTaskCompletedEventAttributes!.Result);
    }

    [Fact]
    public async Task PollOnceAsync_CompleteManually_LeavesTaskOpenUntilCompletedByToken()
    {
        var runId = await ScheduleChargeAsync("42");
        string? token = null;
        using var worker = NewWorker((context, _) =>
        {
            context.CompleteManually = true;
            token = context.TaskToken;
            return Task.FromResult<string?>(null);
        });

        await worker.PollOnceAsync();
        Assert.DoesNotContain(await HistoryAsync(runId), e => e.EventType == EventType.ActivityTaskCompleted);
        await _engine.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = token!, Result = "approved by a clerk" });

        var completed = (await HistoryAsync(runId)).Single(e => e.EventType == EventType.ActivityTaskCompleted);
        Assert.Equal("approved by a clerk", completed.ActivityTaskCompletedEventAttributes!.Result);
    }

    [Fact]
    public async Task PollOnceAsync_TaskRun_RecordsSpanAndMetricsForOpenTelemetry()
    {
        var spans = new List<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == Swf.Diagnostics.SwfTelemetry.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            // The listener is process-wide: spans of tests running in parallel arrive on their threads too.
            ActivityStopped = span =>
            {
                lock (spans)
                {
                    spans.Add(span);
                }
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        var outcomes = new List<string?>();
        using var meters = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Swf.Diagnostics.SwfTelemetry.Name && instrument.Name == "swf.activity_task.count")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            lock (outcomes)
            {
                outcomes.Add(tags.ToArray().FirstOrDefault(t => t.Key == "swf.outcome").Value as string);
            }
        });
        meters.Start();
        await ScheduleChargeAsync("42");
        using var worker = NewWorker((_, input) => Task.FromResult<string?>("receipt-" + input));

        await worker.PollOnceAsync();

        lock (spans)
        {
            Assert.Contains(spans, s => s.OperationName == "swf.activity_task" && (string?)s.GetTagItem("swf.activity.id") == "a1");
        }

        lock (outcomes)
        {
            Assert.Contains("completed", outcomes);
        }
    }

    private ActivityWorker NewWorker(Func<ActivityContext, string?, Task<string?>> execute, TimeSpan? heartbeat = null) =>
        new(
            _engine,
            new ActivityWorkerOptions { Domain = Domain, TaskList = "payments", TimeProvider = _clock },
            [new ActivityDefinition { ActivityType = Charge, DefaultHeartbeatTimeout = heartbeat, Execute = execute }]);

    /// <summary>Starts an order and answers its first decision task with one Charge activity.</summary>
    private async Task<string> ScheduleChargeAsync(string input, string heartbeat = "NONE")
    {
        await _engine.RegisterDomainAsync(new RegisterDomainRequest { Name = Domain, WorkflowExecutionRetentionPeriodInDays = "1" });
        await _engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = Domain,
            Name = Order.Name,
            Version = Order.Version,
            DefaultTaskList = new TaskList { Name = "decisions" },
            DefaultExecutionStartToCloseTimeout = "3600",
            DefaultTaskStartToCloseTimeout = "30",
            DefaultChildPolicy = ChildPolicy.Terminate,
        });
        await _engine.RegisterActivityTypeAsync(new RegisterActivityTypeRequest
        {
            Domain = Domain,
            Name = Charge.Name,
            Version = Charge.Version,
            DefaultTaskList = new TaskList { Name = "payments" },
            DefaultTaskScheduleToStartTimeout = "60",
            DefaultTaskScheduleToCloseTimeout = "600",
            DefaultTaskStartToCloseTimeout = "300",
            DefaultTaskHeartbeatTimeout = heartbeat,
        });
        var run = await _engine.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = Domain, WorkflowId = "order-1", WorkflowType = Order });
        await DecideAsync(new Decision
        {
            DecisionType = DecisionType.ScheduleActivityTask,
            ScheduleActivityTaskDecisionAttributes = new() { ActivityType = Charge, ActivityId = "a1", Input = input },
        });
        return run.Run.RunId!;
    }

    private async Task DecideAsync(Decision decision)
    {
        var task = (await _engine.PollForDecisionTaskAsync(new PollForDecisionTaskRequest { Domain = Domain, TaskList = new TaskList { Name = "decisions" } })).DecisionTask;
        await _engine.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest { TaskToken = task.TaskToken!, Decisions = [decision] });
    }

    private async Task<List<HistoryEvent>> HistoryAsync(string runId) =>
        (await _engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
        {
            Domain = Domain,
            Execution = new WorkflowExecution { WorkflowId = "order-1", RunId = runId },
        })).History.Events;
}
