using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderProcessing.Hosting;
using OrderProcessing.Orders;
using Swf.Model;

namespace OrderProcessing.Tests;

/// <summary>An order far over SWF's 32,768-character limit goes end to end through the sample's claim check.</summary>
public sealed class LargeOrderTests
{
    [Fact]
    public async Task RunAsync_OrderOfThousandsOfLines_GoesEndToEndWithOnlyReferencesInHistory()
    {
        var folder = Directory.CreateTempSubdirectory("orders-payloads-").FullName;
        try
        {
            await using var scenario = await OrderScenario.StartAsync(s => s.Configure<OrderPayloadOptions>(o =>
            {
                o.Store = OrderPayloadStore.FileSystem;
                o.Folder = folder;
            }));
            var lines = Enumerable.Range(1, 3_000).Select(i => new OrderLine($"SKU-{i:D5}", 1 + (i % 2), 0.25m + (i % 3 * 0.25m))).ToList();
            var order = new Order("big-1", "Ada", "SKU-RESTOCK", lines.Sum(l => l.Quantity), lines.Sum(l => l.Quantity * l.UnitPrice), PaymentMethod.Card, Lines: lines);
            var orderJson = JsonSerializer.Serialize(order, OrderJsonContext.Default.Order);
            Assert.True(orderJson.Length > 4 * 32_768, $"the order is {orderJson.Length} characters");

            var handle = await scenario.Client.StartAsync(order, Order.WorkflowId("big-1"));
            await scenario.Environment.RunUntilIdleAsync();
            await handle.SignalApproveAsync(new Approval("maria"));
            await scenario.Environment.RunUntilClosedAsync();

            // Placed, verified, approved, paid, shipped, notified and recorded.
            Assert.Equal(new OrderResult("big-1", OrderStatus.Delivered, "delivered, paid by Card", "ch_big-1", "TRK-big-1"), await handle.GetResultAsync());
            var row = Assert.Single(await scenario.Database.ListOrdersAsync());
            Assert.Equal(("big-1", "Delivered", order.Total), (row.OrderId, row.Status, row.Total));

            // SWF's history, read from the engine without the pipeline: every payload fits, and the order is only a
            // reference to the store wherever it was sent (the start's input, and each activity that takes it).
            var raw = await RawHistoryAsync(scenario, handle.Handle.WorkflowId, handle.Handle.RunId!);
            var started = raw[0].WorkflowExecutionStartedEventAttributes!.Input!;
            var orderInputs = raw.Select(e => e.ActivityTaskScheduledEventAttributes).OfType<ActivityTaskScheduledEventAttributes>()
                .Where(a => a.ActivityType.Name is "OrderActivities.VerifyOrder" or "WarehouseActivities.ShipOrder" or "OrderActivities.NotifyDelivery" or "OrderActivities.RecordOrder")
                .Select(a => a.Input!)
                .ToList();
            Assert.Equal(4, orderInputs.Count);
            foreach (var reference in orderInputs.Prepend(started))
            {
                Assert.StartsWith("{\"swf-payload\":1,\"store\":\"file\",\"ref\":", reference, StringComparison.Ordinal);
                Assert.True(reference.Length < 500, $"a reference of {reference.Length} characters");
                Assert.DoesNotContain("SKU-00042", reference, StringComparison.Ordinal);
            }

            Assert.All(raw, e => Assert.True(JsonSerializer.Serialize(e, Swf.Serialization.SwfJsonContext.Default.HistoryEvent).Length < Swf.Exceptions.PayloadTooLargeException.DataLimit, $"event {e.EventId} is too large for SWF"));
            Assert.NotEmpty(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));

            // The reference reads back as the whole order, all 3,000 lines.
            var decoded = await scenario.Environment.Payloads.DecodeAsync(started);
            Assert.Equal(3_000, System.Text.RegularExpressions.Regex.Count(decoded!, "\"SKU-\\d{5}\""));
            Assert.Contains("\"SKU-03000\"", decoded, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_OrderOfThousandsOfLinesWithoutAStore_FailsNamingTheLimit()
    {
        await using var scenario = await OrderScenario.StartAsync();
        var lines = Enumerable.Range(1, 3_000).Select(i => new OrderLine($"SKU-{i:D5}", 1, 1m)).ToList();
        var order = new Order("big-2", "Ada", "SKU-RESTOCK", 3_000, 3_000m, PaymentMethod.Card, Lines: lines);

        var error = await Assert.ThrowsAsync<Swf.Exceptions.PayloadTooLargeException>(() => scenario.Client.StartAsync(order, Order.WorkflowId("big-2")));

        Assert.Contains("32,768", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<HistoryEvent>> RawHistoryAsync(OrderScenario scenario, string workflowId, string runId)
    {
        var events = new List<HistoryEvent>();
        string? token = null;
        do
        {
            var page = (await scenario.Environment.Engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
            {
                Domain = new Swf.Testing.SwfTestEnvironmentOptions().Domain,
                Execution = new WorkflowExecution { WorkflowId = workflowId, RunId = runId },
                NextPageToken = token,
            })).History;
            events.AddRange(page.Events);
            token = page.NextPageToken;
        }
        while (token is not null);

        return events;
    }
}
