using Microsoft.Extensions.Time.Testing;
using Swf.Exceptions;
using Swf.LocalEngine;
using Swf.Model;
using Swf.Registration;
using Swf.Workflows;

namespace Swf.Generators.Tests.Samples;

/// <summary>Runs the generated code of the samples in this assembly end to end on the local engine.</summary>
public sealed class GeneratedSampleTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly LocalSwfEngine _engine;
    private readonly SampleRunner _runner;

    public GeneratedSampleTests()
    {
        _engine = new LocalSwfEngine(new LocalSwfEngineOptions { TimeProvider = _clock });
        _runner = new SampleRunner(_engine, _clock);
    }

    public void Dispose()
    {
        _runner.Dispose();
        _engine.Dispose();
    }

    [Fact]
    public async Task RunOrder_SignalThenActivities_ReturnsTypedReceipt()
    {
        await _runner.RegisterAsync();

        var receipt = await _runner.RunOrderAsync("42", 12.5m, "ana");

        Assert.Equal(new Receipt("42", 12.5m, "ana"), receipt);
        Assert.Equal(["audit 42", "charge 42 12.5 ana"], _runner.Payments.Calls);
    }

    [Fact]
    public async Task RunOrder_Rejected_ResultThrowsWorkflowFailed()
    {
        await _runner.RegisterAsync();
        var handle = await _runner.Client.StartAsync(new Order("7", 1m), "order-7");
        await _runner.RunUntilIdleAsync();

        await handle.SignalApproveAsync(new Approval(false, "bob"));
        await _runner.RunUntilIdleAsync();

        var failure = await Assert.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
        Assert.Contains("rejected by bob", failure.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestCancelAsync_ProxyMethodWithoutToken_ActivityFollowsTheWorkflowAndIsCanceled()
    {
        await _runner.RegisterAsync();
        var handle = await _runner.Client.StartAsync(new Order("9", 1m), "order-9");

        // AuditAsync has no CancellationToken parameter: its proxy must follow the workflow's token.
        await _runner.RunDecisionsUntilIdleAsync();
        await handle.RequestCancelAsync();
        await _runner.RunDecisionsUntilIdleAsync();

        var history = new List<HistoryEvent>();
        await foreach (var e in handle.Handle.GetHistoryAsync())
        {
            history.Add(e);
        }

        Assert.Contains(history, e => e.EventType == EventType.ActivityTaskCancelRequested);
        Assert.Equal(EventType.WorkflowExecutionCanceled, history[^1].EventType);
        await Assert.ThrowsAsync<WorkflowCanceledException>(() => handle.GetResultAsync());
        Assert.Empty(_runner.Payments.Calls);
    }

    [Fact]
    public async Task TerminateAsync_OpenExecution_Terminates()
    {
        await _runner.RegisterAsync();
        var handle = await _runner.Client.StartAsync(new Order("8", 1m), "order-8");
        await _runner.RunUntilIdleAsync();

        await handle.TerminateAsync("test");

        await Assert.ThrowsAsync<WorkflowTerminatedException>(() => handle.GetResultAsync());
    }

    [Fact]
    public void Registry_GeneratedDefinition_CarriesAttributeDefaults()
    {
        var definition = SwfRegistry.GetWorkflowDefinition<OrderWorkflow>();

        Assert.Same(OrderWorkflow.SwfDefinition, definition);
        Assert.Equal("OrderWorkflow", definition.WorkflowType.Name);
        Assert.Equal("orders", definition.DefaultTaskList);
        Assert.Equal(TimeSpan.FromDays(1), definition.DefaultExecutionStartToCloseTimeout);
        Assert.Equal(ChildPolicy.Terminate, definition.DefaultChildPolicy);
        Assert.Equal(["Approve"], definition.Signals.Keys);
        Assert.Contains(definition, Swf.Generated.GeneratedSwfTypes.WorkflowDefinitions);
    }

    [Fact]
    public void Registry_ActivityDefinitions_CarryNamesAndDefaults()
    {
        var definitions = SwfRegistry.CreateActivityDefinitions<IPaymentActivities>(new PaymentActivities(), new Converters.JsonPayloadConverter(SampleJsonContext.Default));

        Assert.Equal(["PaymentActivities.Charge", "PaymentActivities.Audit"], definitions.Select(d => d.ActivityType.Name));
        Assert.Equal(TimeSpan.FromSeconds(30), definitions[0].DefaultHeartbeatTimeout);
        Assert.Null(definitions[1].DefaultHeartbeatTimeout);
        Assert.All(definitions, d => Assert.Equal("payments", d.DefaultTaskList));
    }

    [Fact]
    public void Activities_OutsideWorkflow_CreatesProxyWithoutContext()
    {
        var proxy = Workflow.Activities<IPaymentActivities>();

        Assert.IsType<PaymentActivitiesProxy>(proxy);
    }
}
