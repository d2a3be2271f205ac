using Microsoft.Extensions.DependencyInjection;
using OrderProcessing.Data;
using OrderProcessing.Hosting;
using OrderProcessing.Orders;
using OrderProcessing.Warehouse;
using OrderProcessing.Workflows;
using Swf.Model;
using Swf.Testing;

namespace OrderProcessing.Tests;

/// <summary>The sample on <see cref="SwfTestEnvironment"/>: fake clock, temp database, instant warehouse.</summary>
internal sealed class OrderScenario : IAsyncDisposable
{
    private readonly string _directory;

    private OrderScenario(SwfTestEnvironment environment, string directory)
    {
        _directory = directory;
        Environment = environment;
        Client = new OrderWorkflowClient(environment.Client);
        Database = environment.Services.GetRequiredService<OrderDatabase>();
    }

    public SwfTestEnvironment Environment { get; }

    public OrderWorkflowClient Client { get; }

    public OrderDatabase Database { get; }

    public static async Task<OrderScenario> StartAsync(Action<IServiceCollection>? services = null)
    {
        var directory = Directory.CreateTempSubdirectory("orders-test-").FullName;
        var environment = await SwfTestEnvironment.StartAsync(
            swf => swf.AddOrderProcessing(),
            collection =>
            {
                collection.Configure<OrderDatabaseOptions>(o => o.Path = Path.Combine(directory, "orders.db"));
                collection.Configure<WarehouseOptions>(o => o.StepDuration = TimeSpan.Zero);
                services?.Invoke(collection);
            });
        return new OrderScenario(environment, directory);
    }

    public static Order NewOrder(string id, PaymentMethod? payment = PaymentMethod.Card, string item = "SKU-LAPTOP", decimal total = 1299m) =>
        new(id, "Ada", item, 1, total, payment);

    public async Task<List<HistoryEvent>> HistoryAsync(OrderWorkflowHandle handle)
    {
        var events = new List<HistoryEvent>();
        await foreach (var e in handle.Handle.GetHistoryAsync())
        {
            events.Add(e);
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        await Environment.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
