using Swf.Client;
using Swf.Exceptions;
using Swf.Hosting;
using Swf.Model;
using Swf.Payloads;
using Swf.Serialization;
using Swf.Testing;
using Swf.Worker;
using UserApp.Tests.Typed;

namespace UserApp.Tests;

/// <summary>
/// The typed workflow API on the test environment: generated child stubs, typed continue-as-new, typed side effects,
/// external handles, named timers, queries and the history budget; then replay of the recorded histories through
/// the AWS CLI's JSON, and mutations of them caught at the event that changed.
/// </summary>
public sealed class TypedApiTests
{
    private static void AddTyped(ISwfBuilder swf) => swf
        .AddWorkflow<DispatchWorkflow>()
        .AddWorkflow<ShipmentWorkflow>()
        .AddWorkflow<CounterWorkflow>()
        .AddWorkflow<TickerWorkflow>()
        .AddWorkflow<StatusWorkflow>();

    private static async Task<(string Result, SwfTestEnvironment Env)> DispatchAsync(string mode, SwfTestEnvironmentOptions? options = null)
    {
        var env = await SwfTestEnvironment.StartAsync(AddTyped, options: options);
        var client = new DispatchWorkflowClient(env.Client);
        var handle = await client.StartAsync(mode, "dispatch-" + mode);
        await env.RunUntilClosedAsync();
        return (await handle.GetResultAsync(), env);
    }

    private static async Task<List<HistoryEvent>> HistoryAsync(SwfTestEnvironment env, string workflowId, string? runId = null)
    {
        var events = new List<HistoryEvent>();
        await foreach (var e in env.Client.GetHandle(workflowId, runId).GetHistoryAsync())
        {
            events.Add(e);
        }

        // Through the JSON the AWS CLI prints, as a recorded history would come back.
        return HistoryJson.Parse(HistoryJson.Write(events), workflowId);
    }

    private static WorkflowExecution ExecutionOf(string workflowId, string runId) => new() { WorkflowId = workflowId, RunId = runId };

    [Fact]
    public async Task ChildRunAsync_TypedStubWithOptions_StartsTheChildWithThemAndDecodesItsResult()
    {
        var (result, env) = await DispatchAsync("run");
        await using var _ = env;

        Assert.Equal("p1 unlabelled", result);
        var history = await HistoryAsync(env, "dispatch-run");
        var initiated = Assert.Single(history, e => e.StartChildWorkflowExecutionInitiatedEventAttributes is not null).StartChildWorkflowExecutionInitiatedEventAttributes!;
        Assert.Equal("ship-run", initiated.WorkflowId);
        Assert.Equal(ShipmentWorkflow.SwfDefinition.WorkflowType.Name, initiated.WorkflowType.Name);
        Assert.Equal(["parcel"], initiated.TagList);
        Assert.Equal("3", initiated.TaskPriority);
        Assert.Equal("\"p1\"", initiated.Input);
    }

    [Fact]
    public async Task ChildStartAsync_SignalThenAwait_ChildSeesTheSignalAndTheHandleKnowsTheRun()
    {
        var (result, env) = await DispatchAsync("start");
        await using var _ = env;

        Assert.Equal("p2 labelled L-7 (ship-start, run id known: True)", result);
    }

    [Fact]
    public async Task ChildRequestCancelAsync_StartedChild_ResultIsChildWorkflowCanceled()
    {
        var (result, env) = await DispatchAsync("cancel");
        await using var _ = env;

        Assert.Equal("child canceled", result);
        var child = await HistoryAsync(env, "ship-cancel");
        Assert.Equal(EventType.WorkflowExecutionCanceled, child[^1].EventType);
    }

    [Fact]
    public async Task ChildRunAsync_WorkflowIdAlreadyRunning_ThrowsChildWorkflowStartFailedWithTheCause()
    {
        var (result, env) = await DispatchAsync("duplicate");
        await using var _ = env;

        Assert.Equal("not started: WORKFLOW_ALREADY_RUNNING", result);
    }

    [Fact]
    public async Task ExternalSignalAsync_ByWorkflowId_TargetReceivesTheTypedSignal()
    {
        var (result, env) = await DispatchAsync("external");
        await using var _ = env;

        Assert.Equal("p5 labelled EXT", result);
        var history = await HistoryAsync(env, "dispatch-external");
        var signal = Assert.Single(history, e => e.SignalExternalWorkflowExecutionInitiatedEventAttributes is not null).SignalExternalWorkflowExecutionInitiatedEventAttributes!;
        Assert.Equal(("ship-external", "Label", "\"EXT\""), (signal.WorkflowId, signal.SignalName, signal.Input));
    }

    [Fact]
    public async Task SideEffect_TypedValues_RecordedThroughTheConverterAndReturned()
    {
        var (result, env) = await DispatchAsync("side-effect");
        await using var _ = env;

        Assert.Equal("42 forty-two", result);
        var markers = (await HistoryAsync(env, "dispatch-side-effect")).Where(e => e.MarkerRecordedEventAttributes is not null).Select(e => e.MarkerRecordedEventAttributes!.Details).ToList();
        // The int goes through the payload converter (JSON); a string lambda binds to the untyped SideEffect(Func<string?>), recorded as is.
        Assert.Equal(["42", "forty-two"], markers);
    }

    [Fact]
    public async Task DelayAsync_NamedTimer_UsesTheIdAndLeavesTheDefaultNumbering()
    {
        var (result, env) = await DispatchAsync("timer");
        await using var _ = env;

        Assert.Equal("fired", result);
        var timers = (await HistoryAsync(env, "dispatch-timer")).Where(e => e.TimerStartedEventAttributes is not null).Select(e => e.TimerStartedEventAttributes!.TimerId).ToList();
        Assert.Equal(["timer1", "t1"], timers);
    }

    [Fact]
    public async Task ContinueAsNew_TypedWithOptions_NewRunsGetTheArgumentAndTheOptions()
    {
        await using var env = await SwfTestEnvironment.StartAsync(AddTyped);
        var handle = await new CounterWorkflowClient(env.Client).StartAsync(1, "counter");
        await env.RunUntilClosedAsync();

        Assert.Equal(3, await handle.GetResultAsync());
        var first = await HistoryAsync(env, "counter", handle.Handle.RunId);
        var continued = first[^1].WorkflowExecutionContinuedAsNewEventAttributes!;
        Assert.Equal("2", continued.Input);
        Assert.Equal(["round-2"], continued.TagList);
        Assert.Equal("20", continued.TaskStartToCloseTimeout);
        Assert.Equal("typed", continued.TaskList.Name);
    }

    [Fact]
    public async Task IsContinueAsNewSuggested_PastTheThreshold_WorkflowRollsOverByItselfAndFinishes()
    {
        var options = new SwfTestEnvironmentOptions { ContinueAsNewSuggestedAfterEvents = 20 };
        await using var env = await SwfTestEnvironment.StartAsync(AddTyped, options: options);
        var handle = await new TickerWorkflowClient(env.Client).StartAsync(0, "ticker");
        await env.RunUntilClosedAsync();

        Assert.Equal(12, await handle.GetResultAsync());
        var runs = 0;
        for (var runId = handle.Handle.RunId; runId is not null; runs++)
        {
            var history = await HistoryAsync(env, "ticker", runId);
            // Each run stops shortly after the threshold: the decision task that saw it past 20 events continued.
            Assert.True(history.Count < 20 + 10, $"run {runs + 1} has {history.Count} events");
            runId = history[^1].WorkflowExecutionContinuedAsNewEventAttributes?.NewExecutionRunId;
        }

        Assert.True(runs >= 3, $"only {runs} runs");
    }

    [Fact]
    public async Task QueryAsync_AfterEachDecisionTask_ReadsTheValueAsOfThatTask()
    {
        await using var env = await SwfTestEnvironment.StartAsync(AddTyped);
        var handle = await new StatusWorkflowClient(env.Client).StartAsync("job", "status");
        await env.RunUntilIdleAsync();

        var stage = await handle.QueryStageAsync();
        Assert.Equal("waiting", stage.Value);
        var started = (await HistoryAsync(env, "status")).Last(e => e.EventType == EventType.DecisionTaskStarted);
        Assert.Equal(started.EventTimestamp, stage.AsOf);

        await handle.SignalPokeAsync(0);
        await env.RunUntilIdleAsync();
        Assert.Equal("poked", (await handle.QueryStageAsync()).Value);
        Assert.Equal(1, (await handle.QuerySignalCountAsync()).Value);

        // Raw access, as a client in another language reads it: the JSON object with the task's time.
        var raw = await handle.Handle.GetExecutionContextAsync();
        Assert.NotNull(raw);
        Assert.StartsWith("{\"$asOf\":\"", raw, StringComparison.Ordinal);
        Assert.Contains("\"signals\":1", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_WithAnEncryptingPipeline_ContextIsEncryptedInSwfAndReadsBack()
    {
        var options = new PayloadPipelineOptions();
        options.Codecs.Add(new AesGcmPayloadCodec(new InMemoryEncryptionKeyProvider("k1", new Dictionary<string, byte[]> { ["k1"] = [.. Enumerable.Range(1, 32).Select(i => (byte)i)] })));
        await using var env = await SwfTestEnvironment.StartAsync(AddTyped, options: new SwfTestEnvironmentOptions { PayloadPipeline = new PayloadPipeline(options) });
        var handle = await new StatusWorkflowClient(env.Client).StartAsync("job", "status-encrypted");
        await env.RunUntilIdleAsync();

        Assert.Equal("waiting", (await handle.QueryStageAsync()).Value);
        // What SWF holds is the envelope, not the query values.
        var stored = (await env.Engine.DescribeWorkflowExecutionAsync(new DescribeWorkflowExecutionRequest { Domain = "test", Execution = ExecutionOf("status-encrypted", handle.Handle.RunId!) })).WorkflowExecutionDetail;
        Assert.StartsWith("{\"swf-payload\":1,", stored.LatestExecutionContext, StringComparison.Ordinal);
        Assert.DoesNotContain("waiting", stored.LatestExecutionContext, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_ContextOverSwfLimit_DecisionStillSentAndPreviousContextKept()
    {
        await using var env = await SwfTestEnvironment.StartAsync(AddTyped);
        var handle = await new StatusWorkflowClient(env.Client).StartAsync("job", "status-big");
        await env.RunUntilIdleAsync();
        await handle.SignalPokeAsync(0);
        await env.RunUntilIdleAsync();

        await handle.SignalPokeAsync(WorkflowQueryResults.MaxLength);
        await env.RunUntilClosedAsync();

        // The run completed (its decisions went out) and the context is still the one from before the big value.
        Assert.Equal("job done", await handle.GetResultAsync());
        Assert.Equal(1, (await handle.QuerySignalCountAsync()).Value);
        var completed = (await HistoryAsync(env, "status-big")).Where(e => e.DecisionTaskCompletedEventAttributes is not null).ToList();
        Assert.Null(completed[^1].DecisionTaskCompletedEventAttributes!.ExecutionContext);
    }

    [Fact]
    public async Task QueryAsync_NoDecisionTaskYet_ThrowsWorkflowQueryException()
    {
        await using var env = await SwfTestEnvironment.StartAsync(AddTyped);
        var handle = await new StatusWorkflowClient(env.Client).StartAsync("job", "status-new");

        var ex = await Assert.ThrowsAsync<WorkflowQueryException>(() => handle.QueryStageAsync());
        Assert.Equal("status-new", ex.WorkflowId);
    }

    // ---- replay and mutations ---------------------------------------------------------------

    [Theory]
    [InlineData("run")]
    [InlineData("start")]
    [InlineData("cancel")]
    [InlineData("duplicate")]
    [InlineData("external")]
    [InlineData("side-effect")]
    [InlineData("timer")]
    public async Task Replay_RecordedTypedHistory_MatchesTheCode(string mode)
    {
        var (_, env) = await DispatchAsync(mode);
        await using var _ = env;
        var runId = (await env.Client.GetHandle("dispatch-" + mode).DescribeAsync()).ExecutionInfo.Execution.RunId;
        var history = await HistoryAsync(env, "dispatch-" + mode, runId);

        WorkflowReplayer.Replay(DispatchWorkflow.SwfDefinition, history, ExecutionOf("dispatch-" + mode, runId), env.Definitions.PayloadConverter);
    }

    [Fact]
    public async Task Replay_ChildStartedWithAnotherWorkflowId_CaughtAtTheInitiatedEvent()
    {
        var (_, env) = await DispatchAsync("run");
        await using var _ = env;
        var runId = (await env.Client.GetHandle("dispatch-run").DescribeAsync()).ExecutionInfo.Execution.RunId;
        var history = await HistoryAsync(env, "dispatch-run", runId);
        var initiated = history.Single(e => e.StartChildWorkflowExecutionInitiatedEventAttributes is not null);
        initiated.StartChildWorkflowExecutionInitiatedEventAttributes!.WorkflowId = "ship-other";

        var ex = Assert.Throws<NonDeterministicWorkflowException>(() => WorkflowReplayer.Replay(DispatchWorkflow.SwfDefinition, history, ExecutionOf("dispatch-run", runId), env.Definitions.PayloadConverter));
        Assert.Equal(initiated.EventId, ex.EventId);
    }

    [Fact]
    public async Task Replay_SideEffectMarkerRenamed_CaughtAtTheMarker()
    {
        var (_, env) = await DispatchAsync("side-effect");
        await using var _ = env;
        var runId = (await env.Client.GetHandle("dispatch-side-effect").DescribeAsync()).ExecutionInfo.Execution.RunId;
        var history = await HistoryAsync(env, "dispatch-side-effect", runId);
        var marker = history.First(e => e.MarkerRecordedEventAttributes is not null);
        // As if the code had one side effect more before this one: its marker decision no longer matches.
        marker.MarkerRecordedEventAttributes!.MarkerName = "SideEffect:7";

        var ex = Assert.Throws<NonDeterministicWorkflowException>(() => WorkflowReplayer.Replay(DispatchWorkflow.SwfDefinition, history, ExecutionOf("dispatch-side-effect", runId), env.Definitions.PayloadConverter));
        Assert.Equal(marker.EventId, ex.EventId);
    }

    [Fact]
    public async Task Replay_RunThatNowCompletesInsteadOfContinuing_CaughtAtTheContinuedAsNewEvent()
    {
        await using var env = await SwfTestEnvironment.StartAsync(AddTyped);
        var handle = await new CounterWorkflowClient(env.Client).StartAsync(1, "counter-mutated");
        await env.RunUntilClosedAsync();
        var history = await HistoryAsync(env, "counter-mutated", handle.Handle.RunId);
        // The same events given round 3: the code now completes where history continued as new.
        history[0].WorkflowExecutionStartedEventAttributes!.Input = "3";

        var ex = Assert.Throws<NonDeterministicWorkflowException>(() => WorkflowReplayer.Replay(CounterWorkflow.SwfDefinition, history, ExecutionOf("counter-mutated", handle.Handle.RunId!), env.Definitions.PayloadConverter));
        Assert.Equal(history[^1].EventId, ex.EventId);
    }
}
