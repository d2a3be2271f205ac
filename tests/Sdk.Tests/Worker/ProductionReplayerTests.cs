using Swf.Client;
using Swf.Exceptions;
using Swf.Model;
using Swf.Tests.TestSupport;
using Swf.Worker;

namespace Swf.Tests.Worker;

/// <summary>
/// Bulk replay of what "production" ran: workflows run to completion on the in-process engine, then listed,
/// downloaded and replayed through <see cref="ProductionReplayer"/> against the engine as the SWF client.
/// </summary>
public sealed class ProductionReplayerTests
{
    [Fact]
    public async Task ReplayClosedAsync_RecordedExecutions_EachReplaysAsItselfNewestFirst()
    {
        await using var fleet = await RecordedFleet.RunAsync();
        var closed = await fleet.ClosedAsync();

        var results = await ProductionReplayer.ReplayClosedAsync(fleet.Engine, RecordedFleet.Domain, RecordedFleet.Definitions, Options(fleet));

        // The orders start their children with the default id, derived from the real workflow id: a replay as a
        // stand-in execution would not match; as itself it does.
        Assert.Equal(5, closed.Count);
        Assert.All(results, r => Assert.Equal(ReplayStatus.Succeeded, r.Status));
        Assert.Equal(closed.Select(i => (i.Execution.WorkflowId, i.Execution.RunId)).Order(), results.Select(r => (r.Execution!.WorkflowId, r.Execution.RunId)).Order());
        Assert.Equal(
            ["audit-1", "order-1", "order-1-child-1", "order-2", "order-2-child-1"],
            results.Select(r => r.Execution!.WorkflowId).Order());
        var closeTimes = closed.ToDictionary(i => i.Execution.RunId, i => i.CloseTimestamp!.Value);
        var replayedCloseTimes = results.Select(r => closeTimes[r.Execution!.RunId]).ToList();
        Assert.Equal(replayedCloseTimes.OrderDescending(), replayedCloseTimes);
        Assert.Equal(closed.Select(i => (i.Execution.RunId, i.WorkflowType.Name)).Order(), results.Select(r => (r.Execution!.RunId, r.WorkflowType!.Name)).Order());
        Assert.All(results, r => Assert.True(r.EventCount > 5));
        WorkflowReplayer.ThrowIfAnyFailed(results);
    }

    [Fact]
    public async Task ReplayClosedAsync_ChangedWorkflow_ReportsEachBrokenExecutionWithItsEventId()
    {
        await using var fleet = await RecordedFleet.RunAsync();
        var order = await fleet.HistoryAsync(await fleet.ExecutionAsync("order-1"));
        var scheduled = order.First(e => e.EventType == EventType.ActivityTaskScheduled).EventId;

        var results = await ProductionReplayer.ReplayClosedAsync(
            fleet.Engine, RecordedFleet.Domain, [RecordedFleet.ChangedOrderDefinition, RecordedFleet.ShippingDefinition, RecordedFleet.AuditDefinition], Options(fleet));

        var broken = results.Where(r => !r.Succeeded).ToList();
        Assert.Equal(["order-1", "order-2"], broken.Select(r => r.Execution!.WorkflowId).Order());
        Assert.All(broken, r =>
        {
            Assert.Equal(ReplayStatus.NonDeterministic, r.Status);
            Assert.Equal(scheduled, r.EventId);
            Assert.Contains("but the code made the decision ScheduleActivityTask Refund 1", r.Error!.Message, StringComparison.Ordinal);
        });
        Assert.Equal(3, results.Count(r => r.Succeeded));
        var all = Assert.Throws<AggregateException>(() => WorkflowReplayer.ThrowIfAnyFailed(results));
        Assert.Equal(2, all.InnerExceptions.Count);
        Assert.All(all.InnerExceptions, e => Assert.IsType<NonDeterministicWorkflowException>(e));
    }

    [Fact]
    public async Task ReplayClosedAsync_MaxExecutions_ReplaysTheMostRecentlyClosedAcrossTypes()
    {
        await using var fleet = await RecordedFleet.RunAsync();
        var closed = await fleet.ClosedAsync();
        var swf = FlakySwfClient.Wrap(fleet.Engine);

        var options = Options(fleet);
        options.MaxExecutions = 2;

        var results = await ProductionReplayer.ReplayClosedAsync(swf.Client, RecordedFleet.Domain, RecordedFleet.Definitions, options);

        // The audit closed last; the orders and their children all closed at one (fake) time, just before.
        Assert.Equal(2, results.Count);
        Assert.Equal("audit-1", results[0].Execution!.WorkflowId);
        Assert.Equal(closed[1].CloseTimestamp, closed.Single(i => i.Execution.RunId == results[1].Execution!.RunId).CloseTimestamp);
        Assert.Equal(2, swf.Calls.Count(c => c == nameof(ISwfClient.GetWorkflowExecutionHistoryAsync)));
    }

    [Theory]
    [InlineData("Audit", null, new[] { "audit-1" })]
    [InlineData("Order", "1", new[] { "order-1", "order-2" })]
    [InlineData("Shipping", null, new[] { "order-1-child-1", "order-2-child-1" })]
    public async Task ReplayClosedAsync_WorkflowTypeFilter_ReplaysOnlyThatType(string name, string? version, string[] expected)
    {
        await using var fleet = await RecordedFleet.RunAsync();
        var options = Options(fleet);
        options.WorkflowTypes.Add(new WorkflowTypeFilter { Name = name, Version = version });

        var results = await ProductionReplayer.ReplayClosedAsync(fleet.Engine, RecordedFleet.Domain, RecordedFleet.Definitions, options);

        Assert.Equal(expected, results.Select(r => r.Execution!.WorkflowId).Order());
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
    }

    [Fact]
    public async Task ReplayClosedAsync_WorkflowTypeFilterWithoutDefinition_ThrowsNamingTheTypes()
    {
        await using var fleet = await RecordedFleet.RunAsync();
        var options = Options(fleet);
        options.WorkflowTypes.Add(new WorkflowTypeFilter { Name = "Order", Version = "2" });

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ProductionReplayer.ReplayClosedAsync(fleet.Engine, RecordedFleet.Domain, RecordedFleet.Definitions, options));

        Assert.Contains("No workflow definition is of type Order/2; the types are: Order/1, Shipping/1, Audit/1.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayClosedAsync_Throttled_RidesThroughWithBackoff()
    {
        await using var fleet = await RecordedFleet.RunAsync();
        var swf = FlakySwfClient.Wrap(fleet.Engine);
        swf.ThrottleFirst = 3;

        // Then every other call, so that every call is throttled once before it passes (one call at a time, so the pattern holds).
        var calls = 0;
        swf.ThrottleAlways = (_, _) => ++calls % 2 == 1;
        var options = Options(fleet);
        options.MaxConcurrency = 1;
        options.Retry.BaseDelay = TimeSpan.Zero;

        var results = await ProductionReplayer.ReplayClosedAsync(swf.Client, RecordedFleet.Domain, RecordedFleet.Definitions, options);

        // DescribeDomain was throttled 4 times, then 3 listings and 5 downloads once each, before each passed.
        Assert.Equal(4 + 8, swf.Throttled);
        Assert.Equal(5 + (8 * 2), swf.Calls.Count);
        Assert.Equal(5, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
    }

    [Fact]
    public async Task ReplayClosedAsync_HistoryThrottledPastTheLastAttempt_ReportsThatExecutionAsAnError()
    {
        await using var fleet = await RecordedFleet.RunAsync();
        var swf = FlakySwfClient.Wrap(fleet.Engine);
        swf.ThrottleAlways = (operation, request) =>
            request is GetWorkflowExecutionHistoryRequest { Execution.WorkflowId: "audit-1" };
        var options = Options(fleet);
        options.Retry.BaseDelay = TimeSpan.Zero;
        options.Retry.MaxAttempts = 3;

        var results = await ProductionReplayer.ReplayClosedAsync(swf.Client, RecordedFleet.Domain, RecordedFleet.Definitions, options);

        var failed = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal("audit-1", failed.Execution!.WorkflowId);
        Assert.Equal(ReplayStatus.Error, failed.Status);
        Assert.IsType<ThrottlingException>(failed.Error);
        Assert.Equal(3, swf.Throttled);
        Assert.Equal(4, results.Count(r => r.Succeeded));
    }

    [Fact]
    public async Task StreamClosedAsync_MaxConcurrency_BoundsDownloadsUnderWay()
    {
        await using var fleet = await RecordedFleet.RunAsync();
        var swf = FlakySwfClient.Wrap(fleet.Engine);
        var gate = new TaskCompletionSource();
        var waiting = new TaskCompletionSource();
        swf.HistoryGate = gate.Task;
        swf.WhenWaiting = (2, waiting);

        var options = Options(fleet);
        options.MaxConcurrency = 2;

        var replay = ProductionReplayer.ReplayClosedAsync(swf.Client, RecordedFleet.Domain, RecordedFleet.Definitions, options);
        await waiting.Task.WaitAsync(TimeSpan.FromMinutes(1));
        gate.SetResult();
        var results = await replay;

        Assert.Equal(5, results.Count);
        Assert.Equal(2, swf.MaxInFlight);
    }

    [Fact]
    public async Task ReplayClosedAsync_ClosedAfter_ReplaysOnlyThoseClosedSince()
    {
        await using var fleet = await RecordedFleet.RunAsync();
        fleet.Environment.Clock.Advance(TimeSpan.FromDays(3));
        var since = fleet.Environment.Clock.GetUtcNow();
        await fleet.RunMoreAsync(RecordedFleet.Order, "order-3");

        var closed = await ProductionReplayer.ReplayClosedAsync(
            fleet.Engine, RecordedFleet.Domain, RecordedFleet.Definitions, new ProductionReplayOptions { ClosedAfter = since, TimeProvider = fleet.Environment.Clock });
        var started = await ProductionReplayer.ReplayClosedAsync(
            fleet.Engine, RecordedFleet.Domain, RecordedFleet.Definitions, new ProductionReplayOptions { StartedAfter = since, TimeProvider = fleet.Environment.Clock });

        Assert.Equal(["order-3", "order-3-child-1"], closed.Select(r => r.Execution!.WorkflowId).Order());
        Assert.Equal(["order-3", "order-3-child-1"], started.Select(r => r.Execution!.WorkflowId).Order());
        Assert.All(closed.Concat(started), r => Assert.True(r.Succeeded, r.ToString()));
    }

    [Fact]
    public async Task ReplayClosedAsync_ClosedAfterBeforeRetention_IsMovedUpToItAndSaysSo()
    {
        await using var fleet = await RecordedFleet.RunAsync();
        var now = fleet.Environment.Clock.GetUtcNow();
        var logger = new ListLogger();
        var swf = FlakySwfClient.Wrap(fleet.Engine);

        var results = await ProductionReplayer.ReplayClosedAsync(
            swf.Client,
            RecordedFleet.Domain,
            RecordedFleet.Definitions,
            new ProductionReplayOptions { ClosedAfter = now.AddDays(-30), TimeProvider = fleet.Environment.Clock, Logger = logger });

        Assert.Equal(5, results.Count);
        Assert.Contains(nameof(ISwfClient.DescribeDomainAsync), swf.Calls);
        var retentionStart = now.AddDays(-7);
        Assert.Contains(
            $"Warning: Domain shop has a 7-day retention period: replaying the executions closed since {retentionStart:u}, not since {now.AddDays(-30):u}",
            logger.Lines);
        Assert.Contains($"Information: Replaying the executions of domain shop closed since {retentionStart:u} (the domain has a 7-day retention period)", logger.Lines);
    }

    [Fact]
    public async Task ReplayClosedAsync_BadOptions_ThrowNamingTheSetting()
    {
        await using var fleet = await RecordedFleet.RunAsync();
        var now = DateTimeOffset.UtcNow;

        var both = await Assert.ThrowsAsync<ArgumentException>(() => ProductionReplayer.ReplayClosedAsync(
            fleet.Engine, RecordedFleet.Domain, RecordedFleet.Definitions, new ProductionReplayOptions { ClosedAfter = now, StartedAfter = now }));
        var concurrency = await Assert.ThrowsAsync<ArgumentException>(() => ProductionReplayer.ReplayClosedAsync(
            fleet.Engine, RecordedFleet.Domain, RecordedFleet.Definitions, new ProductionReplayOptions { MaxConcurrency = 0 }));
        var max = await Assert.ThrowsAsync<ArgumentException>(() => ProductionReplayer.ReplayClosedAsync(
            fleet.Engine, RecordedFleet.Domain, RecordedFleet.Definitions, new ProductionReplayOptions { MaxExecutions = 0 }));

        Assert.Contains("Set ClosedAfter or StartedAfter, not both", both.Message, StringComparison.Ordinal);
        Assert.Contains("MaxConcurrency must be at least 1; it is 0.", concurrency.Message, StringComparison.Ordinal);
        Assert.Contains("MaxExecutions must be at least 1 when set; it is 0.", max.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayClosedAsync_UnknownDomain_ThrowsUnknownResource()
    {
        await using var fleet = await RecordedFleet.RunAsync();

        await Assert.ThrowsAsync<UnknownResourceException>(() => ProductionReplayer.ReplayClosedAsync(fleet.Engine, "nowhere", RecordedFleet.Definitions, Options(fleet)));
    }

    [Fact]
    public async Task ReplayClosedAsync_ZeroRetentionDomain_ReplaysNothingAndSaysSo()
    {
        await using var fleet = await RecordedFleet.RunAsync();
        await fleet.Engine.RegisterDomainAsync(new RegisterDomainRequest { Name = "forgetful", WorkflowExecutionRetentionPeriodInDays = "0" });
        var options = Options(fleet);
        var logger = new ListLogger();
        options.Logger = logger;

        var results = await ProductionReplayer.ReplayClosedAsync(fleet.Engine, "forgetful", RecordedFleet.Definitions, options);

        Assert.Empty(results);
        Assert.Contains("Warning: Domain forgetful keeps no closed executions (retention 0): there is nothing to replay", logger.Lines);
    }

    /// <summary>The options of a replay "now" on the fleet's clock (the default, the system clock, is far from the fake one).</summary>
    private static ProductionReplayOptions Options(RecordedFleet fleet) => new() { TimeProvider = fleet.Environment.Clock };
}
