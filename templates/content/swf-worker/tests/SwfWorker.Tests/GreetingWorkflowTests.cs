using Swf.Testing;
using SwfWorker.Greetings;

namespace SwfWorker.Tests;

/// <summary>
/// Runs the workflow and its activities in process on the local engine, with a fake clock that jumps to the
/// next timer whenever the workers are idle: the day-long wait takes milliseconds.
/// </summary>
public sealed class GreetingWorkflowTests
{
    [Fact]
    public async Task RunAsync_NobodyConfirms_GivesUpAfterADay()
    {
        await using var env = await SwfTestEnvironment.StartAsync(swf => swf.AddGreetings());
        var start = env.Clock.GetUtcNow();

        var handle = await new GreetingWorkflowClient(env.Client).StartAsync("Ada", "greeting-ada");
        await env.RunUntilClosedAsync();

        Assert.Equal("Hello, Ada! (not confirmed within a day)", await handle.GetResultAsync());
        Assert.True(env.Clock.GetUtcNow() - start >= TimeSpan.FromDays(1), "the fake clock skipped the day");
    }

    [Fact]
    public async Task RunAsync_Confirmed_ReturnsWhoConfirmed()
    {
        await using var env = await SwfTestEnvironment.StartAsync(swf => swf.AddGreetings());

        var handle = await new GreetingWorkflowClient(env.Client).StartAsync("Grace", "greeting-grace");
        await env.RunUntilIdleAsync();
        await handle.SignalConfirmAsync("Linus");
        await env.RunUntilClosedAsync();

        Assert.Equal("Hello, Grace! (confirmed by Linus)", await handle.GetResultAsync());
    }
}
