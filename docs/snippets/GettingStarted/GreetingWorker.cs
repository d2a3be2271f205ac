using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Swf.Client;
using Swf.Hosting;

namespace Docs.Snippets.GettingStarted;

public static class GreetingWorker
{
    public static async Task RunAsync(string[] args)
    {
        #region host
        var builder = Host.CreateApplicationBuilder(args);
        // Binds Swf:Domain, Swf:Connection (Region, or Endpoint for swf-local),
        // Swf:Decider and Swf:ActivityWorkers.
        builder.Services.AddSwf(builder.Configuration.GetSection("Swf"))
            .AddWorkflow<GreetingWorkflow>()
            .AddActivities<IGreetingActivities, GreetingActivities>();
        await builder.Build().RunAsync();
        #endregion
    }

    public static async Task<string?> StartAsync(IServiceProvider services)
    {
        #region client
        // The generator writes GreetingWorkflowClient; AddSwf registers the
        // WorkflowClient it wraps.
        var client = services.GetRequiredService<WorkflowClient>();
        var greetings = new GreetingWorkflowClient(client);
        var handle = await greetings.StartAsync("Ada", workflowId: "greeting-ada");
        string? greeting = await handle.GetResultAsync();
        #endregion
        return greeting;
    }
}
