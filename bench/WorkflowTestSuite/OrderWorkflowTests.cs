using System.Globalization;
using Swf.Hosting;
using Swf.Testing;

namespace Swf.Benchmarks;

/// <summary>
/// The suite's test, as a user writes it: a fresh environment per test, the order run through its one-day wait,
/// the result checked. Each derived class is one xunit collection, so the classes run in parallel.
/// </summary>
public abstract class OrderWorkflowTests
{
    /// <summary>Tests per class: eight classes make the suite's 1,000.</summary>
    public const int PerClass = 125;

    public static TheoryData<int> Orders => [.. Enumerable.Range(1, PerClass)];

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task RunAsync_OrderWithADayToPay_ShipsWhatWasCharged(int order)
    {
        var id = GetType().Name + "-" + order.ToString(CultureInfo.InvariantCulture);
        await using var env = await SwfTestEnvironment.StartAsync(swf => swf
            .AddWorkflow<OrderWorkflow>()
            .AddActivities<IOrderActivities, OrderActivities>());
        var start = env.Clock.GetUtcNow();

        var handle = await new OrderWorkflowClient(env.Client).StartAsync(id, "order-" + id);
        var result = await handle.GetResultAsync();

        Assert.Equal("shipped charged reserved " + id, result);
        Assert.True(env.Clock.GetUtcNow() - start >= TimeSpan.FromDays(1), "the day's wait was skipped, not left out");
    }
}
