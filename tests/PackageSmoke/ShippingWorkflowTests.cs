using Swf.Converters;
using Swf.Hosting;
using Swf.Testing;

namespace PackageSmoke;

public sealed class ShippingWorkflowTests
{
    [Fact]
    public async Task RunAsync_WeekLongTimer_SkipsTimeAndBooksCourier()
    {
        await using var env = await SwfTestEnvironment.StartAsync(swf => swf
            .AddWorkflow<ShippingWorkflow>()
            .AddActivities<IShippingActivities, ShippingActivities>()
            .UsePayloadConverter(new JsonPayloadConverter(ShippingJsonContext.Default)));
        var start = env.Clock.GetUtcNow();

        var handle = await new ShippingWorkflowClient(env.Client).StartAsync(new Parcel("p-1", "Lisbon"), "ship-p-1");
        await env.RunUntilClosedAsync();

        Assert.Equal("TRACK-p-1-Lisbon", await handle.GetResultAsync());
        Assert.True(env.Clock.GetUtcNow() - start >= TimeSpan.FromDays(7), "the fake clock skipped the week");
        Assert.Equal("ShippingWorkflow", ShippingWorkflow.SwfDefinition.WorkflowType.Name);
    }
}
