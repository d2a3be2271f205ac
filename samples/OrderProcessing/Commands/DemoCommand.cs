using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderProcessing.Data;
using OrderProcessing.Hosting;
using OrderProcessing.Orders;
using OrderProcessing.Workflows;
using Swf.Client;
using Swf.Model;

namespace OrderProcessing.Commands;

/// <summary>
/// <c>demo</c> (the default): runs the workers in this process, places four orders and answers them the
/// way people would (approve one and choose its payment, reject one, approve one that cannot ship, leave
/// one unanswered), then prints one order's history and the database. Approval timers are seconds here
/// (<c>--remind-after</c>, <c>--deadline</c>) so it finishes quickly; exits 1 if any order ended unexpectedly.
/// </summary>
public static class DemoCommand
{
    /// <summary>Runs the demo.</summary>
    /// <param name="commandLine">The command line.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var database = Path.Combine(Path.GetTempPath(), $"swf-orders-demo-{Environment.ProcessId}.db");
        commandLine = commandLine.WithDefaults(new Dictionary<string, string?> { ["Orders:Database:Path"] = database });
        var policy = new ApprovalPolicy(
            TimeSpan.Parse(commandLine.Configuration["remind-after"] ?? "00:00:02", CultureInfo.InvariantCulture),
            TimeSpan.Parse(commandLine.Configuration["deadline"] ?? "00:00:04", CultureInfo.InvariantCulture));

        // Against a shared SWF (swf-local, AWS) each run gets its own order ids.
        var suffix = commandLine.UsesLocalEngine ? string.Empty : "-" + Guid.NewGuid().ToString("N")[..6];
        (Order Order, OrderStatus Expected)[] orders =
        [
            (new Order("1001" + suffix, "Ada", "SKU-LAPTOP", 1, 1299.00m, Payment: null, policy), OrderStatus.Delivered),
            (new Order("1002" + suffix, "Grace", "SKU-PHONE", 2, 1598.00m, PaymentMethod.Card, policy), OrderStatus.Rejected),
            (new Order("1003" + suffix, "Linus", "SKU-SOLD-OUT", 1, 89.90m, PaymentMethod.Wallet, policy), OrderStatus.Refunded),
            (new Order("1004" + suffix, "Alan", "SKU-BOOK", 3, 45.00m, PaymentMethod.Card, policy), OrderStatus.Rejected),
        ];

        using var host = SampleHost.BuildWorkerHost(commandLine);
        var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OrderProcessing.Demo");
        await host.StartAsync();
        log.LogInformation("Demo: workers running against {Target}; database {Database}", commandLine.Target, host.Services.GetRequiredService<OrderDatabase>().Path);

        var client = new OrderWorkflowClient(host.Services.GetRequiredService<WorkflowClient>());
        var handles = new List<OrderWorkflowHandle>();
        foreach (var (order, _) in orders)
        {
            handles.Add(await client.StartAsync(order, Order.WorkflowId(order.Id)));
            log.LogInformation("Demo: placed order {OrderId}: {Quantity} x {Item} for {Customer}, {Total}, paying by {Payment}", order.Id, order.Quantity, order.Item, order.Customer, order.Total, order.Payment?.ToString() ?? "(to be chosen)");
        }

        // People answer a moment later (the workflows wait durably however long that takes).
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        log.LogInformation("Demo: Maria approves order {OrderId}; Ada chooses net banking", orders[0].Order.Id);
        await handles[0].SignalApproveAsync(new Approval("maria"));
        await handles[0].SignalChoosePaymentAsync(PaymentMethod.NetBanking);
        log.LogInformation("Demo: Maria rejects order {OrderId}", orders[1].Order.Id);
        await handles[1].SignalRejectAsync(new Approval("maria", "the address looks fraudulent"));
        log.LogInformation("Demo: Maria approves order {OrderId}", orders[2].Order.Id);
        await handles[2].SignalApproveAsync(new Approval("maria"));
        log.LogInformation("Demo: nobody answers order {OrderId}", orders[3].Order.Id);

        var results = await Task.WhenAll(handles.Select(h => h.GetResultAsync()));
        var history = new List<HistoryEvent>();
        await foreach (var e in handles[0].Handle.GetHistoryAsync())
        {
            history.Add(e);
        }

        var rows = await host.Services.GetRequiredService<OrderDatabase>().ListOrdersAsync();
        var charges = await host.Services.GetRequiredService<OrderDatabase>().ListChargesAsync();
        await host.StopAsync();
        host.Dispose(); // flushes the console logger before the report

        var output = Console.Out;
        output.WriteLine();
        output.WriteLine("Results:");
        var failures = 0;
        for (var i = 0; i < orders.Length; i++)
        {
            var ok = results[i].Status == orders[i].Expected;
            failures += ok ? 0 : 1;
            output.WriteLine($"  {results[i].OrderId,-12} {results[i].Status,-10} {results[i].Detail}{(ok ? string.Empty : $"   <-- expected {orders[i].Expected}")}");
        }

        output.WriteLine();
        output.WriteLine($"History of {handles[0].WorkflowId} (decision tasks left out):");
        HistoryTimeline.Write(history, output);
        output.WriteLine();
        output.WriteLine($"Rows of the orders table ({database}):");
        foreach (var row in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {row.OrderId,-12} {row.Customer,-6} {row.Item,-13} {row.Total,8:0.00} {row.Payment ?? "-",-11} {row.Status,-10} {row.ChargeId ?? "-",-10} {row.TrackingNumber ?? "-",-10} {row.Detail}"));
        }

        output.WriteLine("Rows of the charges table:");
        foreach (var charge in charges)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {charge.OrderId,-12} {charge.ChargeId,-10} {charge.Amount,8:0.00} {charge.Method,-11} attempts {charge.Attempts}{(charge.Refunded ? ", refunded" : string.Empty)}"));
        }

        if (commandLine.Configuration["Orders:Database:Path"] == database)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
            File.Delete(database + "-wal");
            File.Delete(database + "-shm");
        }

        output.WriteLine();
        output.WriteLine(failures == 0 ? "Demo finished: every order ended as expected." : $"Demo finished: {failures} order(s) ended unexpectedly.");
        return failures == 0 ? 0 : 1;
    }
}
