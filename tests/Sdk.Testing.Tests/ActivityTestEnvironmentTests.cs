using Swf.Activities;

namespace Swf.Testing.Tests;

public class ActivityTestEnvironmentTests
{
    /// <summary>An activity that reports progress and stops when asked.</summary>
    private static async Task<int> PackBoxesAsync(int boxes)
    {
        var context = ActivityContext.Current!;
        for (var i = 1; i <= boxes; i++)
        {
            if (await context.HeartbeatAsync($"packed {i} of {boxes}"))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }
        }

        return boxes;
    }

    [Fact]
    public async Task RunAsync_ActivityHeartbeats_CapturesEveryHeartbeat()
    {
        using var env = new ActivityTestEnvironment();

        var packed = await env.RunAsync(() => PackBoxesAsync(3));

        Assert.Equal(3, packed);
        Assert.Equal(["packed 1 of 3", "packed 2 of 3", "packed 3 of 3"], env.Heartbeats);
    }

    [Fact]
    public async Task RunAsync_CancellationRequested_NextHeartbeatCancelsTheToken()
    {
        using var env = new ActivityTestEnvironment();
        env.RequestCancellation();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => env.RunAsync(() => PackBoxesAsync(3)));

        Assert.True(env.Context.CancellationToken.IsCancellationRequested);
        Assert.Single(env.Heartbeats);
    }
}
