using System.Runtime.CompilerServices;
using OrderProcessing.Orders;
using OrderProcessing.Workflows;
using Swf.Converters;
using Swf.Exceptions;
using Swf.Model;
using Swf.Serialization;
using Swf.Worker;

namespace OrderProcessing.Tests;

/// <summary>
/// Replays the checked-in histories of the sample (in the JSON <c>aws swf get-workflow-execution-history</c>
/// prints) against today's <see cref="OrderWorkflow"/>: a change that would break running orders fails here.
/// Run with <c>UPDATE_HISTORIES=1</c> to record them again after an intended change.
/// </summary>
public sealed class HistoryReplayTests
{
    public static TheoryData<string> Histories => new(Scenarios.Keys);

    private static readonly Dictionary<string, Func<OrderScenario, Task<OrderWorkflowHandle>>> Scenarios = new()
    {
        ["delivered-after-retry"] = async s =>
        {
            var handle = await s.Client.StartAsync(OrderScenario.NewOrder("101", payment: null), Order.WorkflowId("101"));
            await s.Environment.RunUntilIdleAsync();
            await handle.SignalApproveAsync(new Approval("maria"));
            await handle.SignalChoosePaymentAsync(PaymentMethod.NetBanking);
            return handle;
        },
        ["rejected-by-signal"] = async s =>
        {
            var handle = await s.Client.StartAsync(OrderScenario.NewOrder("102"), Order.WorkflowId("102"));
            await s.Environment.RunUntilIdleAsync();
            await handle.SignalRejectAsync(new Approval("maria", "fraud"));
            return handle;
        },
        ["rejected-at-deadline"] = s => s.Client.StartAsync(OrderScenario.NewOrder("103"), Order.WorkflowId("103")),
        ["refunded-out-of-stock"] = async s =>
        {
            var handle = await s.Client.StartAsync(OrderScenario.NewOrder("104", PaymentMethod.Wallet, item: "SKU-SOLD-OUT"), Order.WorkflowId("104"));
            await s.Environment.RunUntilIdleAsync();
            await handle.SignalApproveAsync(new Approval("maria"));
            return handle;
        },
    };

    private static readonly IPayloadConverter Converter = new JsonPayloadConverter(OrderJsonContext.Default);

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task Replay_CheckedInHistory_MatchesTheCode(string name)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_HISTORIES") == "1")
        {
            await RecordAsync(name);
        }

        var events = HistoryJson.Parse(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Histories", name + ".json")), name);

        WorkflowReplayer.Replay(OrderWorkflow.SwfDefinition, events, payloadConverter: Converter);
        Assert.Equal(EventType.WorkflowExecutionCompleted, events[^1].EventType);
    }

    [Fact]
    public async Task Replay_HistoryOfAnotherFlow_IsReportedAsNonDeterministic()
    {
        // A history where the refund came before shipping: what a reordered workflow would have recorded.
        var events = HistoryJson.Parse(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Histories", "refunded-out-of-stock.json")));
        var ship = events.First(e => e.ActivityTaskScheduledEventAttributes?.ActivityType.Name == "WarehouseActivities.ShipOrder");
        ship.ActivityTaskScheduledEventAttributes!.ActivityType = new ActivityType { Name = "OrderActivities.RefundPayment", Version = "1" };

        Assert.Throws<NonDeterministicWorkflowException>(() => WorkflowReplayer.Replay(OrderWorkflow.SwfDefinition, events, payloadConverter: Converter));
    }

    private static async Task RecordAsync(string name, [CallerFilePath] string thisFile = "")
    {
        await using var scenario = await OrderScenario.StartAsync();
        var handle = await Scenarios[name](scenario);
        await scenario.Environment.RunUntilClosedAsync();
        var bytes = HistoryJson.Write(await scenario.HistoryAsync(handle));
        await File.WriteAllBytesAsync(Path.Combine(Path.GetDirectoryName(thisFile)!, "Histories", name + ".json"), bytes);
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Histories", name + ".json"), bytes);
    }
}
