using Docs.Snippets.GettingStarted;
using Microsoft.Extensions.DependencyInjection;
using Swf.Activities;
using Swf.Hosting;
using Swf.Testing;

namespace Docs.Snippets.Interceptors;

public sealed class TenantInterceptorTests
{
    [Fact]
    public async Task StartAsync_WithTenant_ActivitySeesIt()
    {
        #region register
        await using var env = await SwfTestEnvironment.StartAsync(swf => swf
            .AddWorkflow<GreetingWorkflow>()
            .AddActivities<IGreetingActivities, GreetingActivities>()
            .AddInterceptor<TenantInterceptor>()
            .AddInterceptor<TenantRecorder>());
        #endregion

        TenantInterceptor.Current.Value = "acme";
        var handle = await new GreetingWorkflowClient(env.Client).StartAsync("Ada", "greeting-1");
        await env.RunUntilClosedAsync();

        Assert.Equal("Hello, Ada!", await handle.GetResultAsync());
        Assert.Equal(["acme"], env.Services.GetRequiredService<TenantRecorder>().Seen);
    }

    /// <summary>Records the tenant header each activity task carries.</summary>
    private sealed class TenantRecorder : Swf.Interceptors.IActivityInterceptor
    {
        public List<string?> Seen { get; } = [];

        public Swf.Interceptors.ActivityInboundInterceptor InterceptActivity(Swf.Interceptors.ActivityInboundInterceptor nextInterceptor) => new Side(nextInterceptor, this);

        private sealed class Side(Swf.Interceptors.ActivityInboundInterceptor next, TenantRecorder owner) : Swf.Interceptors.ActivityInboundInterceptor(next)
        {
            public override Task<string?> ExecuteActivityAsync(Swf.Interceptors.ExecuteActivityInput input)
            {
                owner.Seen.Add(ActivityContext.Current?.Headers.GetValueOrDefault(TenantInterceptor.Header));
                return base.ExecuteActivityAsync(input);
            }
        }
    }
}
