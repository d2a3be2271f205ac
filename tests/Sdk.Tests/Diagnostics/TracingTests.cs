using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Swf.Activities;
using Swf.Client;
using Swf.Diagnostics;
using Swf.Hosting;
using Swf.LocalEngine;
using Swf.Model;
using Swf.Workflows;

namespace Swf.Tests.Diagnostics;

[Collection(TracingTestGroup.Name)]
public sealed class TracingTests
{
    private const string Domain = "shop";
    private static readonly WorkflowType Order = new() { Name = "TracedOrder", Version = "1" };
    private static readonly WorkflowType Invoice = new() { Name = "TracedInvoice", Version = "1" };
    private static readonly ActivityType Charge = new() { Name = "TracedCharge", Version = "1" };

    [Fact]
    public async Task StartWorkflow_ClientDeciderAndActivityWorkerInSeparateHosts_OneTraceWithParentsFromHeaders()
    {
        var orderId = "order-" + Guid.NewGuid().ToString("N");
        var invoiceId = orderId + "-invoice";
        var spans = new List<Activity>();
        using var tracing = OpenTelemetry.Sdk.CreateTracerProviderBuilder().AddSource(SwfTelemetry.Name).AddInMemoryExporter(spans).Build();
        var engine = new LocalSwfEngine();
        using var decider = Host(engine, swf => swf
            .AddWorkflow(Definition(Order, async input =>
            {
                var charged = await Workflow.ExecuteActivityAsync(Charge, input);
                return await Workflow.ExecuteChildWorkflowAsync(Invoice, charged, new ChildWorkflowOptions { WorkflowId = invoiceId });
            }))
            .AddWorkflow(Definition(Invoice, input => Workflow.ExecuteActivityAsync(Charge, "invoice for " + input))));
        using var activities = Host(engine, swf => swf.AddActivities([ChargeActivity]));
        using var client = Host(engine, _ => { });
        await decider.StartAsync();
        await activities.StartAsync();
        await client.StartAsync();

        var handle = await client.Services.GetRequiredService<WorkflowClient>().StartAsync(Order, orderId, "42");
        var result = await handle.GetResultAsync();
        await client.StopAsync();
        await decider.StopAsync();
        await activities.StopAsync();

        Assert.Equal("charged invoice for charged 42", result);
        var ours = Snapshot(spans).Where(s => s.GetTagItem("swf.workflow.id") is string id && (id == orderId || id == invoiceId)).ToList();
        var start = Assert.Single(ours, s => s.OperationName == "swf.start_workflow");
        Assert.Equal(ActivityKind.Producer, start.Kind);
        Assert.All(ours, s => Assert.Equal(start.TraceId, s.TraceId));
        var orderDecisions = Spans(ours, "swf.decision_task", orderId);
        var invoiceDecisions = Spans(ours, "swf.decision_task", invoiceId);
        Assert.NotEmpty(orderDecisions);
        Assert.NotEmpty(invoiceDecisions);
        Assert.All(orderDecisions, s => Assert.Equal(start.SpanId, s.ParentSpanId));
        var orderDecisionIds = orderDecisions.Select(s => s.SpanId).ToHashSet();
        Assert.All(invoiceDecisions, s => Assert.Contains(s.ParentSpanId, orderDecisionIds));
        var orderCharge = Assert.Single(Spans(ours, "swf.activity_task", orderId));
        Assert.Contains(orderCharge.ParentSpanId, orderDecisionIds);
        var invoiceCharge = Assert.Single(Spans(ours, "swf.activity_task", invoiceId));
        Assert.Contains(invoiceCharge.ParentSpanId, invoiceDecisions.Select(s => s.SpanId).ToHashSet());
    }

    [Fact]
    public async Task DecisionTask_CacheDroppedSoHistoryReplays_NoSpanForReplayedTasks()
    {
        var orderId = "order-" + Guid.NewGuid().ToString("N");
        var spans = new List<Activity>();
        using var tracing = OpenTelemetry.Sdk.CreateTracerProviderBuilder().AddSource(SwfTelemetry.Name).AddInMemoryExporter(spans).Build();
        var engine = new LocalSwfEngine();
        using var host = Host(
            engine,
            swf => swf
                .AddWorkflow(Definition(Order, async input =>
                {
                    var first = await Workflow.ExecuteActivityAsync(Charge, input);
                    return await Workflow.ExecuteActivityAsync(Charge, first);
                }))
                .AddActivities([ChargeActivity]),
            options =>
            {
                // Every decision task starts from a new instance that replays the tasks before it.
                options.Decider.CacheSize = 0;
                options.Decider.StickyExecution = false;
            });
        await host.StartAsync();

        var handle = await host.Services.GetRequiredService<WorkflowClient>().StartAsync(Order, orderId, "42");
        var result = await handle.GetResultAsync();
        await host.StopAsync();

        Assert.Equal("charged charged 42", result);
        var history = await engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
        {
            Domain = Domain,
            Execution = new WorkflowExecution { WorkflowId = orderId, RunId = handle.RunId! },
            MaximumPageSize = 1000,
        });
        var answered = history.History.Events.Count(e => e.EventType == EventType.DecisionTaskCompleted);
        var ours = Snapshot(spans).Where(s => s.GetTagItem("swf.workflow.id") as string == orderId).ToList();
        var start = Assert.Single(ours, s => s.OperationName == "swf.start_workflow");
        var decisions = Spans(ours, "swf.decision_task", orderId).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(3, answered);
        Assert.Equal(answered, decisions.Count);
        Assert.All(decisions, s => Assert.Equal(start.SpanId, s.ParentSpanId));
        // Each activity hangs off the task that scheduled it, not off a later task that replayed the schedule.
        var charges = Spans(ours, "swf.activity_task", orderId).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal([decisions[0].SpanId, decisions[1].SpanId], charges.Select(s => s.ParentSpanId));
    }

    private static ActivityDefinition ChargeActivity { get; } = new()
    {
        ActivityType = Charge,
        DefaultTaskList = "traced-payments",
        DefaultScheduleToStartTimeout = TimeSpan.FromMinutes(1),
        DefaultScheduleToCloseTimeout = TimeSpan.FromMinutes(2),
        DefaultStartToCloseTimeout = TimeSpan.FromMinutes(1),
        Execute = (_, input) => Task.FromResult<string?>("charged " + input),
    };

    private static WorkflowDefinition Definition(WorkflowType type, Func<string?, Task<string?>> run) => new()
    {
        WorkflowType = type,
        DefaultTaskList = "traced-orders",
        DefaultExecutionStartToCloseTimeout = TimeSpan.FromHours(1),
        DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
        DefaultChildPolicy = ChildPolicy.Terminate,
        CreateInstance = () => new object(),
        Run = (_, input) => run(input),
    };

    /// <summary>A host with one role (what <paramref name="roles"/> adds; nothing for a client) and the tracing interceptor.</summary>
    private static IHost Host(LocalSwfEngine engine, Action<ISwfBuilder> roles, Action<SwfOptions>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        var swf = builder.Services.AddSwf(o =>
        {
            o.Domain = Domain;
            o.Decider.PollerCount = 1;
            configure?.Invoke(o);
        }).UseLocalSwfEngine(engine).AddTracing();
        roles(swf);
        return builder.Build();
    }

    private static List<Activity> Spans(IEnumerable<Activity> spans, string name, string workflowId) =>
        [.. spans.Where(s => s.OperationName == name && s.GetTagItem("swf.workflow.id") as string == workflowId)];

    /// <summary>Copies the exported spans, so that a late span from another test cannot change the list while it is read.</summary>
    private static List<Activity> Snapshot(List<Activity> spans) => [.. spans];
}
