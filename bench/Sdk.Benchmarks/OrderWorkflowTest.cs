using Swf.Hosting;
using Swf.Testing;

namespace Swf.Benchmarks;

/// <summary>One workflow test as a user writes it: start the environment, run the order, read the result, dispose.</summary>
public static class OrderWorkflowTest
{
    /// <summary>The result the test expects for an order.</summary>
    /// <param name="order">The order id.</param>
    /// <returns>The expected result.</returns>
    public static string Expected(string order) => "shipped charged reserved " + order;

    /// <summary>Runs the test once.</summary>
    /// <param name="order">The order id.</param>
    /// <returns>The workflow's result.</returns>
    public static async Task<string> RunAsync(string order)
    {
        await using var env = await SwfTestEnvironment.StartAsync(swf => swf
            .AddWorkflow<OrderWorkflow>()
            .AddActivities<IOrderActivities, OrderActivities>());
        var handle = await new OrderWorkflowClient(env.Client).StartAsync(order, "order-" + order);
        return await handle.GetResultAsync();
    }
}
