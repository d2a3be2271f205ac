using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Swf.Client;

namespace SwfWorker.Greetings;

/// <summary>On the embedded engine, starts one greeting, confirms it and logs the result; the workers keep running.</summary>
/// <param name="client">The workflow client over the configured SWF.</param>
/// <param name="logger">The logger.</param>
public sealed partial class GreetingDemo(WorkflowClient client, ILogger<GreetingDemo> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var handle = await new GreetingWorkflowClient(client).StartAsync("world", $"greeting-{Guid.NewGuid():N}", cancellationToken: stoppingToken);
        await handle.SignalConfirmAsync("the demo", stoppingToken);
        LogResult(await handle.GetResultAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Greeting workflow finished: {Result}. The workers keep running; Ctrl+C stops them.")]
    private partial void LogResult(string result);
}
