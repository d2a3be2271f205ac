using Microsoft.Extensions.Time.Testing;
using Swf.Exceptions;
using Swf.LocalEngine;
using Swf.Model;
using Swf.Tests.TestSupport;
using Swf.Worker;
using Swf.Workflows;

namespace Swf.Tests.Worker;

public sealed class WorkflowWorkerTests : IDisposable
{
    private const string Domain = "shop";
    private const string Decisions = "decisions";
    private const string Activities = "activities";
    private static readonly WorkflowType Sequential = new() { Name = "Sequential", Version = "1" };
    private static readonly ActivityType Step = new() { Name = "Step", Version = "1" };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly LocalSwfEngine _engine;
    private int _runIds;

    public WorkflowWorkerTests()
    {
        _engine = new LocalSwfEngine(new LocalSwfEngineOptions { TimeProvider = _clock, RunIdGenerator = () => $"run-{++_runIds}" });
    }

    public void Dispose() => _engine.Dispose();

    /// <summary>Runs n activities one after another, each given the previous result, and returns the last.</summary>
    private sealed class SequentialWorkflow
    {
        public async Task<string?> RunAsync(string? input)
        {
            var count = int.Parse(input!, System.Globalization.CultureInfo.InvariantCulture);
            string? last = "0";
            for (var i = 0; i < count; i++)
            {
                last = await Workflow.ExecuteActivityAsync(Step, last);
            }

            return last;
        }
    }

    private static WorkflowDefinition Definition { get; } = new()
    {
        WorkflowType = Sequential,
        CreateInstance = () => new SequentialWorkflow(),
        Run = (w, input) => ((SequentialWorkflow)w).RunAsync(input),
    };

    [Fact]
    public async Task PollOnceAsync_ThreeActivities_CompletesWorkflowWithLastResult()
    {
        await SetUpAsync();
        var worker = NewWorker();
        var runId = await StartAsync("3");

        await RunToCompletionAsync(worker, worker.StickyTaskList);

        var history = await HistoryAsync(runId);
        var last = history[^1];
        Assert.Equal(EventType.WorkflowExecutionCompleted, last.EventType);
        Assert.Equal("3", last.WorkflowExecutionCompletedEventAttributes!.Result);
        Assert.Equal(3, history.Count(e => e.EventType == EventType.ActivityTaskScheduled));
    }

    [Fact]
    public async Task PollOnceAsync_StickyCacheHits_ReadOnlyNewEventsPerDecision()
    {
        await SetUpAsync();
        var worker = NewWorker();
        await StartAsync("200");

        await RunToCompletionAsync(worker, worker.StickyTaskList);

        // One miss for the first task, then every task is a hit that reads only the events since the
        // previous decision task (about 7), however long the history has grown.
        Assert.Equal(1, worker.Counters.CacheMisses);
        Assert.Equal(200, worker.Counters.CacheHits);
        Assert.True(worker.Counters.EventsRead < 201 * 10, $"read {worker.Counters.EventsRead} events");
    }

    [Fact]
    public async Task PollOnceAsync_WorkerGoneMidRun_NewWorkerReplaysAndFinishesWithSameResult()
    {
        await SetUpAsync();
        var first = NewWorker();
        var runId = await StartAsync("4");

        // The first worker decides twice, then disappears without polling its sticky list again.
        Assert.True(await first.PollOnceAsync(Decisions));
        await CompleteActivityAsync();
        Assert.True(await first.PollOnceAsync(first.StickyTaskList));
        await CompleteActivityAsync();

        // SWF times the sticky task out and puts it back on the normal list for any decider.
        _clock.Advance(TimeSpan.FromSeconds(6));
        var second = NewWorker();
        await RunToCompletionAsync(second, second.StickyTaskList);

        var history = await HistoryAsync(runId);
        Assert.Contains(history, e => e.EventType == EventType.DecisionTaskTimedOut);
        Assert.Equal("4", history[^1].WorkflowExecutionCompletedEventAttributes!.Result);
        Assert.Equal(1, second.Counters.CacheMisses);
    }

    [Fact]
    public async Task PollOnceAsync_NoCacheAndSmallPages_ReplaysEveryTaskFromAllPages()
    {
        await SetUpAsync();
        var worker = new WorkflowWorker(
            _engine,
            new WorkflowWorkerOptions { Domain = Domain, TaskList = Decisions, CacheSize = 0, StickyExecution = false, MaximumPageSize = 7 },
            [Definition]);
        var runId = await StartAsync("10");

        await RunToCompletionAsync(worker, Decisions);

        Assert.Equal("10", (await HistoryAsync(runId))[^1].WorkflowExecutionCompletedEventAttributes!.Result);
        Assert.Equal(11, worker.Counters.CacheMisses);
        Assert.True(worker.Counters.HistoryPages > 20, $"fetched {worker.Counters.HistoryPages} extra pages");
    }

    [Fact]
    public async Task PollOnceAsync_ContinuationFromAnotherThreadBetweenTasks_RunEvictedReportedAndItsNextTaskFailsAtOnce()
    {
        await SetUpAsync();
        var gate = new TaskCompletionSource();
        var failures = new List<WorkflowTaskFailedException>();
        var awaitsGate = new WorkflowDefinition
        {
            WorkflowType = Sequential,
            CreateInstance = () => new object(),
            Run = async (_, input) =>
            {
                await gate.Task;
                return input;
            },
        };
        var worker = new WorkflowWorker(_engine, new WorkflowWorkerOptions { Domain = Domain, TaskList = Decisions, OnDecisionTaskFailed = failures.Add }, [awaitsGate]);
        var runId = await StartAsync("x");
        Assert.True(await worker.PollOnceAsync(Decisions));
        Assert.Equal(1, worker.CachedInstances);

        // The thread pool completes what the code awaits: reported on that thread, at once.
        await Task.Run(gate.SetResult);

        var failure = Assert.Single(failures);
        Assert.Equal((Domain, "order-1", runId, 3L), (failure.Domain, failure.WorkflowId, failure.RunId, failure.StartedEventId));
        Assert.IsType<InvalidWorkflowOperationException>(failure.InnerException);
        Assert.Equal(0, worker.CachedInstances);
        Assert.Equal(1, worker.Counters.DecisionTaskFailures);

        // The run's next decision task fails with the same error, without running the broken code again.
        await _engine.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = Domain, WorkflowId = "order-1", SignalName = "poke" });
        Assert.True(await worker.PollOnceAsync(worker.StickyTaskList));
        Assert.Equal(2, failures.Count);
        Assert.Same(failure.InnerException, failures[1].InnerException);
        Assert.Equal(EventType.DecisionTaskStarted, (await HistoryAsync(runId))[^1].EventType);
    }

    [Fact]
    public async Task PollOnceAsync_CodeBlocksPastTheDeadlockTimeout_TaskFailsWithDeadlockAndRunIsEvicted()
    {
        await SetUpAsync();
        var watchdog = new FakeTimeProvider();
        using var gate = new ManualResetEventSlim();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failures = new List<WorkflowTaskFailedException>();
        var blocks = new WorkflowDefinition
        {
            WorkflowType = Sequential,
            CreateInstance = () => new object(),
            Run = (_, input) =>
            {
                entered.TrySetResult();
                gate.Wait();
                return Task.FromResult(input);
            },
        };
        var worker = new WorkflowWorker(
            _engine,
            new WorkflowWorkerOptions { Domain = Domain, TaskList = Decisions, DeadlockTimeout = TimeSpan.FromSeconds(5), TimeProvider = watchdog, OnDecisionTaskFailed = failures.Add },
            [blocks]);
        var runId = await StartAsync("x");

        var polling = worker.PollOnceAsync(Decisions);
        await entered.Task;
        watchdog.Advance(TimeSpan.FromSeconds(4));
        Assert.False(polling.IsCompleted);
        watchdog.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await polling);
        gate.Set();

        var deadlock = Assert.IsType<WorkflowDeadlockException>(Assert.Single(failures).InnerException);
        Assert.Equal(("Sequential", "order-1", runId, TimeSpan.FromSeconds(5)), (deadlock.WorkflowType, deadlock.WorkflowId, deadlock.RunId, deadlock.Timeout));
        Assert.Equal(0, worker.CachedInstances);
        Assert.Equal(EventType.DecisionTaskStarted, (await HistoryAsync(runId))[^1].EventType);
    }

    [Fact]
    public async Task PollOnceAsync_HistoryPastBothThresholds_WarnsOncePerThresholdWithLogAndMetric()
    {
        await SetUpAsync();
        var logger = new ListLogger();
        var measurements = new List<(long Value, string? Level, string? Type)>();
        using var meters = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Swf.Diagnostics.SwfTelemetry.Name && instrument.Name == "swf.workflow.history_length.warnings")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var all = tags.ToArray();
            lock (measurements)
            {
                measurements.Add((value, all.FirstOrDefault(t => t.Key == "swf.history.level").Value as string, all.FirstOrDefault(t => t.Key == "swf.workflow.type").Value as string));
            }
        });
        meters.Start();
        var worker = new WorkflowWorker(
            _engine,
            new WorkflowWorkerOptions { Domain = Domain, TaskList = Decisions, ContinueAsNewSuggestedAfterEvents = 100, LoggerFactory = new SingleLoggerFactory(logger) },
            [Definition]);
        // 3,340 activities, six events each: the run passes 100 events early and SWF's 20,000-event warning line near the end.
        var runId = await StartAsync("3340");

        await RunToCompletionAsync(worker, worker.StickyTaskList);

        var last = (await _engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
        {
            Domain = Domain,
            Execution = new WorkflowExecution { WorkflowId = "order-1", RunId = runId },
            MaximumPageSize = 1,
            ReverseOrder = true,
        })).History.Events[0];
        Assert.Equal(EventType.WorkflowExecutionCompleted, last.EventType);
        Assert.True(last.EventId > WorkflowWorkerOptions.HistoryNearLimitEvents, $"only {last.EventId} events");
        var warnings = logger.Lines.Where(l => l.StartsWith("Warning: ", StringComparison.Ordinal) && l.Contains("history events, past", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains($"order-1 (run {runId})", warnings[0], StringComparison.Ordinal);
        Assert.Contains("past 100;", warnings[0], StringComparison.Ordinal);
        Assert.Contains("past 20000;", warnings[1], StringComparison.Ordinal);
        Assert.Contains("25000", warnings[1], StringComparison.Ordinal);
        lock (measurements)
        {
            var ours = measurements.Where(m => m.Type == Sequential.Name).ToList();
            Assert.Equal([(1L, "continue_as_new_suggested", "Sequential"), (1L, "near_limit", "Sequential")], ours);
        }
    }

    private WorkflowWorker NewWorker() =>
        new(_engine, new WorkflowWorkerOptions { Domain = Domain, TaskList = Decisions, Identity = "test-worker" }, [Definition]);

    private async Task SetUpAsync()
    {
        await _engine.RegisterDomainAsync(new RegisterDomainRequest { Name = Domain, WorkflowExecutionRetentionPeriodInDays = "1" });
        await _engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = Domain,
            Name = Sequential.Name,
            Version = Sequential.Version,
            DefaultTaskList = new TaskList { Name = Decisions },
            DefaultExecutionStartToCloseTimeout = "86400",
            DefaultTaskStartToCloseTimeout = "30",
            DefaultChildPolicy = ChildPolicy.Terminate,
        });
        await _engine.RegisterActivityTypeAsync(new RegisterActivityTypeRequest
        {
            Domain = Domain,
            Name = Step.Name,
            Version = Step.Version,
            DefaultTaskList = new TaskList { Name = Activities },
            DefaultTaskScheduleToStartTimeout = "60",
            DefaultTaskScheduleToCloseTimeout = "120",
            DefaultTaskStartToCloseTimeout = "60",
        });
    }

    private async Task<string> StartAsync(string input) =>
        (await _engine.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest
        {
            Domain = Domain,
            WorkflowId = "order-1",
            WorkflowType = Sequential,
            Input = input,
        })).Run.RunId!;

    private async Task RunToCompletionAsync(WorkflowWorker worker, string stickyList)
    {
        Assert.True(await worker.PollOnceAsync(Decisions));
        while (await CompleteActivityAsync())
        {
            Assert.True(await worker.PollOnceAsync(stickyList));
        }
    }

    /// <summary>Completes the waiting activity task, if any, with its input plus one.</summary>
    private async Task<bool> CompleteActivityAsync()
    {
        var pending = await _engine.CountPendingActivityTasksAsync(new CountPendingActivityTasksRequest { Domain = Domain, TaskList = new TaskList { Name = Activities } });
        if (pending.PendingTaskCount.Count == 0)
        {
            return false;
        }

        var task = (await _engine.PollForActivityTaskAsync(new PollForActivityTaskRequest { Domain = Domain, TaskList = new TaskList { Name = Activities } })).ActivityTask;
        var next = int.Parse(task.Input!, System.Globalization.CultureInfo.InvariantCulture) + 1;
        await _engine.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest
        {
            TaskToken = task.TaskToken!,
            Result = next.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return true;
    }

    private async Task<List<HistoryEvent>> HistoryAsync(string runId)
    {
        var response = await _engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
        {
            Domain = Domain,
            Execution = new WorkflowExecution { WorkflowId = "order-1", RunId = runId },
            MaximumPageSize = 1000,
        });
        return response.History.Events;
    }
}
