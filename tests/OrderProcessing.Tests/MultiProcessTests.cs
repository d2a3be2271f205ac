using System.Text.RegularExpressions;
using Amazon.Runtime;
using Microsoft.Extensions.Options;
using OrderProcessing.Data;
using OrderProcessing.Orders;
using OrderProcessing.Workflows;
using Swf.Client;
using Swf.Converters;

namespace OrderProcessing.Tests;

/// <summary>
/// The sample as SWF means it to run: swf-local and two worker processes; one worker is killed while it
/// ships an order, and every order still ends exactly as it would have, recorded once.
/// </summary>
public sealed partial class MultiProcessTests : IDisposable
{
    private static readonly Dictionary<string, string> AwsEnvironment = new()
    {
        ["AWS_ACCESS_KEY_ID"] = "local",
        ["AWS_SECRET_ACCESS_KEY"] = "local",
        ["AWS_REGION"] = "us-east-1",
    };

    // The sample runs from its own output folder: the test's folder has the ASP.NET Core shared framework's
    // copies of Microsoft.Extensions.* (swf-local is a web app), which the sample's runtimeconfig does not name.
    private static readonly string SampleDll = Path.Combine(
        AppContext.BaseDirectory.Replace(Path.Combine("tests", "OrderProcessing.Tests"), Path.Combine("samples", "OrderProcessing"), StringComparison.Ordinal),
        "OrderProcessing.dll");

    private readonly string _directory = Directory.CreateTempSubdirectory("orders-multi-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Workers_OneKilledMidRun_EveryOrderCompletesOnce()
    {
        using var server = ChildProcess.Start(Path.Combine(AppContext.BaseDirectory, "swf-local.dll"), ["--port", "0"]);
        var endpoint = new Uri(Listening().Match(await server.WaitForLineAsync(l => Listening().IsMatch(l), TimeSpan.FromSeconds(60))).Groups[1].Value);
        var database = Path.Combine(_directory, "orders.db");
        string[] workerArgs = ["worker", "--endpoint", endpoint.ToString(), "--db", database, "--domain", "multi", "--Warehouse:StepDuration", "00:00:01"];
        using var first = ChildProcess.Start(SampleDll, workerArgs, AwsEnvironment);
        using var second = ChildProcess.Start(SampleDll, workerArgs, AwsEnvironment);
        await first.WaitForLineAsync(l => l.Contains("running against", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        await second.WaitForLineAsync(l => l.Contains("running against", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        using var swf = new SwfHttpClient(new SwfClientOptions { ServiceUrl = endpoint, Region = "us-east-1", Credentials = new BasicAWSCredentials("local", "local") });
        var client = new OrderWorkflowClient(new WorkflowClient(swf, new WorkflowClientOptions { Domain = "multi", PayloadConverter = new JsonPayloadConverter(OrderJsonContext.Default) }));
        (Order Order, bool Approve, OrderStatus Expected)[] orders =
        [
            (new("m1", "Ada", "SKU-LAPTOP", 1, 1299m, PaymentMethod.Card), true, OrderStatus.Delivered),
            (new("m2", "Grace", "SKU-PHONE", 1, 799m, PaymentMethod.NetBanking), true, OrderStatus.Delivered),
            (new("m3", "Linus", "SKU-BOOK", 2, 40m, PaymentMethod.Wallet), true, OrderStatus.Delivered),
            (new("m4", "Alan", "SKU-DESK", 1, 350m, PaymentMethod.CashOnDelivery), true, OrderStatus.Delivered),
            (new("m5", "Barbara", "SKU-SOLD-OUT", 1, 89.90m, PaymentMethod.Wallet), true, OrderStatus.Refunded),
            (new("m6", "Edsger", "SKU-PHONE", 1, 799m, PaymentMethod.Card), false, OrderStatus.Rejected),
        ];
        var handles = new List<OrderWorkflowHandle>();
        foreach (var (order, approve, _) in orders)
        {
            var handle = await client.StartAsync(order, Order.WorkflowId(order.Id));
            await (approve ? handle.SignalApproveAsync(new Approval("maria")) : handle.SignalRejectAsync(new Approval("maria", "no")));
            handles.Add(handle);
        }

        // Kill the first worker seen shipping: it dies holding a heartbeating activity (and whatever else).
        static bool Shipping(string line) => line.Contains("Warehouse: order", StringComparison.Ordinal) && line.EndsWith(": picking", StringComparison.Ordinal);
        var shipping = await Task.WhenAny(
            first.WaitForLineAsync(Shipping, TimeSpan.FromSeconds(30)),
            second.WaitForLineAsync(Shipping, TimeSpan.FromSeconds(30)));
        await shipping;
        var victim = first.Lines.Any(Shipping) ? first : second;
        await victim.KillAsync();
        var lost = ShippingOrder().Match(victim.Lines.First(Shipping)).Groups[1].Value;

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var results = await Task.WhenAll(handles.Select(h => h.GetResultAsync(timeout.Token)));
        Assert.Equal(orders.Select(o => (o.Order.Id, o.Expected)), results.Select(r => (r.OrderId, r.Status)));
        Assert.All(results.Where(r => r.Status == OrderStatus.Delivered), r => Assert.Equal("TRK-" + r.OrderId, r.TrackingNumber));

        // The order the victim was shipping timed out (no heartbeat) and was shipped by the survivor.
        var history = new List<Swf.Model.HistoryEvent>();
        await foreach (var e in handles[Array.FindIndex(orders, o => o.Order.Id == lost)].Handle.GetHistoryAsync())
        {
            history.Add(e);
        }

        Assert.Contains(history, e => e.ActivityTaskTimedOutEventAttributes is not null);

        using var db = new OrderDatabase(Options.Create(new OrderDatabaseOptions { Path = database }), TimeProvider.System);
        var rows = await db.ListOrdersAsync();
        Assert.Equal(orders.Select(o => (o.Order.Id, o.Expected.ToString())), rows.Select(r => (r.OrderId, r.Status)));
        var charges = await db.ListChargesAsync();
        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], charges.Select(c => c.OrderId));
        Assert.Equal(["m5"], charges.Where(c => c.Refunded).Select(c => c.OrderId));
    }

    [GeneratedRegex(@"Warehouse: order (\S+): picking")]
    private static partial Regex ShippingOrder();

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();
}
