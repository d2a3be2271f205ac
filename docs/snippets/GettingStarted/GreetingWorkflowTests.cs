using Swf.Hosting;
using Swf.Testing;

namespace Docs.Snippets.GettingStarted;

public sealed class GreetingWorkflowTests
{
    #region test
    [Fact]
    public async Task RunAsync_Name_ReturnsGreeting()
    {
        await using var env = await SwfTestEnvironment.StartAsync(swf => swf
            .AddWorkflow<GreetingWorkflow>()
            .AddActivities<IGreetingActivities, GreetingActivities>());

        var greetings = new GreetingWorkflowClient(env.Client);
        var handle = await greetings.StartAsync("Ada", "greeting-1");
        await env.RunUntilClosedAsync();

        Assert.Equal("Hello, Ada!", await handle.GetResultAsync());
    }
    #endregion
}
