using Microsoft.Extensions.DependencyInjection;
using Swf.Hosting;
using Swf.Model;
using Swf.Testing;
using UserApp.Tests.Travel;

namespace UserApp.Tests;

/// <summary>The travel desk on <see cref="SwfTestEnvironment"/>: fake clock, fake back-ends, a slow car rental partner.</summary>
internal sealed class TravelApp : IAsyncDisposable
{
    private TravelApp(SwfTestEnvironment environment, CarRentalPartner partner)
    {
        Environment = environment;
        Partner = partner;
        Desk = environment.Services.GetRequiredService<TravelDesk>();
        Trips = new TripWorkflowClient(environment.Client);
        Visas = new VisaWorkflowClient(environment.Client);
        FareWatches = new FareWatchWorkflowClient(environment.Client);
    }

    public SwfTestEnvironment Environment { get; }

    public CarRentalPartner Partner { get; }

    public TravelDesk Desk { get; }

    public TripWorkflowClient Trips { get; }

    public VisaWorkflowClient Visas { get; }

    public FareWatchWorkflowClient FareWatches { get; }

    /// <summary>Starts the app as the host would run it, or with other registrations (older code) when given.</summary>
    public static async Task<TravelApp> StartAsync(SwfTestEnvironmentOptions? options = null, Action<ISwfBuilder>? configure = null)
    {
        var environment = await SwfTestEnvironment.StartAsync(configure ?? (swf => swf.AddTravelBooking()), options: options);
        return new TravelApp(environment, await CarRentalPartner.JoinAsync(environment));
    }

    /// <summary>The run of a workflow id: the given run, or the open or latest one.</summary>
    public async Task<WorkflowExecution> ExecutionAsync(string workflowId, string? runId = null)
    {
        var detail = await Environment.Client.GetHandle(workflowId, runId).DescribeAsync();
        return detail.ExecutionInfo.Execution;
    }

    public async Task<List<HistoryEvent>> HistoryAsync(WorkflowExecution execution)
    {
        var events = new List<HistoryEvent>();
        await foreach (var e in Environment.Client.GetHandle(execution.WorkflowId, execution.RunId).GetHistoryAsync())
        {
            events.Add(e);
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        Partner.Dispose();
        await Environment.DisposeAsync();
    }
}
