using Microsoft.Extensions.DependencyInjection.Extensions;
using Swf.Converters;
using Swf.Hosting;
using Swf.Model;
using Swf.Testing;
using UserApp.Tests.Travel;

namespace UserApp.Tests;

/// <summary>
/// The stories the tests tell, each driving a fresh <see cref="TravelApp"/>: the environment tests assert on
/// what happened, the replay tests record the histories they leave (and replay them from their CLI JSON).
/// </summary>
internal static class TravelScenarios
{
    public static Trip TokyoWithVisaAndCar(string id) => new(id, "Ada", "Tokyo", 1800m, NeedsVisa: true, RentCar: true);

    public static Trip Lisbon(string id) => new(id, "Grace", "Lisbon", 640m);

    /// <summary>Visa granted, car answered, trip confirmed; the bank is busy once, so the charge is retried.</summary>
    public static async Task<ScenarioRun> BookedAsync(SwfTestEnvironmentOptions? options = null)
    {
        var app = await TravelApp.StartAsync(options);
        app.Desk.FailChargesWith(new BankBusyException("the bank did not answer"));
        var trip = TokyoWithVisaAndCar("trip-1");
        var handle = await app.Trips.StartAsync(trip, trip.Id);
        await app.Environment.RunUntilIdleAsync();

        await app.Partner.AnswerAsync();
        await app.Visas.GetHandle("trip-1-visa").SignalDecideAsync(new VisaDecision(true, "officer Sato"));
        await app.Environment.RunUntilIdleAsync();
        await handle.SignalConfirmAsync(new Confirmation("Ada"));
        await app.Environment.RunUntilClosedAsync();

        return new(app, handle.Handle, new()
        {
            ["trip-booked"] = await app.ExecutionAsync(trip.Id, handle.RunId),
            ["visa-granted"] = await app.ExecutionAsync("trip-1-visa"),
        });
    }

    /// <summary>Nobody confirms: the one-day deadline passes and everything is released.</summary>
    public static async Task<ScenarioRun> ExpiredAsync()
    {
        var app = await TravelApp.StartAsync();
        var trip = Lisbon("trip-2");
        var handle = await app.Trips.StartAsync(trip, trip.Id);
        await app.Environment.RunUntilClosedAsync();
        return new(app, handle.Handle, new() { ["trip-expired"] = await app.ExecutionAsync(trip.Id, handle.RunId) });
    }

    /// <summary>Confirmed, but the bank is busy once and then declines the card: not retried, everything released.</summary>
    public static async Task<ScenarioRun> DeclinedAsync()
    {
        var app = await TravelApp.StartAsync();
        app.Desk.FailChargesWith(new BankBusyException("the bank did not answer"), new CardDeclinedException("card expired"));
        var trip = Lisbon("trip-3");
        var handle = await app.Trips.StartAsync(trip, trip.Id);
        await app.Environment.RunUntilIdleAsync();
        await handle.SignalConfirmAsync(new Confirmation("Grace"));
        await app.Environment.RunUntilClosedAsync();
        return new(app, handle.Handle, new() { ["trip-declined"] = await app.ExecutionAsync(trip.Id, handle.RunId) });
    }

    /// <summary>The traveler cancels while the car rental has not answered and the consulate has not decided.</summary>
    public static async Task<ScenarioRun> CanceledAsync()
    {
        var app = await TravelApp.StartAsync();
        var trip = TokyoWithVisaAndCar("trip-4");
        var handle = await app.Trips.StartAsync(trip, trip.Id);
        await app.Environment.RunUntilIdleAsync();

        await handle.RequestCancelAsync();
        await app.Environment.RunUntilClosedAsync();

        return new(app, handle.Handle, new()
        {
            ["trip-canceled"] = await app.ExecutionAsync(trip.Id, handle.RunId),
            ["visa-canceled"] = await app.ExecutionAsync("trip-4-visa"),
        });
    }

    /// <summary>The fare drops to the target on the fifth daily check: the first run checks three times and continues as new.</summary>
    public static async Task<ScenarioRun> FareWatchAsync()
    {
        var app = await TravelApp.StartAsync();
        app.Desk.QuoteFares(520m, 505m, 490m, 470m, 395m);
        var handle = await app.FareWatches.StartAsync(new FareWatch("LIS-NRT", 400m), "fares-lis-nrt");
        await app.Environment.RunUntilClosedAsync();
        return new(app, handle.Handle, new()
        {
            ["fare-watch-run-1"] = await app.ExecutionAsync("fares-lis-nrt", handle.RunId),
            ["fare-watch-run-2"] = await app.ExecutionAsync("fares-lis-nrt"),
        });
    }

    /// <summary>A visa decided by the code from before travelers were notified (see <see cref="VisaWorkflowBeforeNotification"/>).</summary>
    public static async Task<ScenarioRun> VisaBeforeNotificationAsync()
    {
        var app = await TravelApp.StartAsync(configure: swf =>
        {
            swf.Services.TryAddSingleton<TravelDesk>();
            swf.AddWorkflow(VisaWorkflowBeforeNotification.Definition())
                .AddActivities<IVisaActivities, VisaActivities>()
                .UsePayloadConverter(new JsonPayloadConverter(TravelJsonContext.Default));
        });
        var handle = await app.Visas.StartAsync(new VisaApplication("trip-9", "Alan", "Tokyo"), "visa-9");
        await app.Environment.RunUntilIdleAsync();
        await handle.SignalDecideAsync(new VisaDecision(true, "officer Mori"));
        await app.Environment.RunUntilClosedAsync();
        return new(app, handle.Handle, new() { ["visa-before-notification"] = await app.ExecutionAsync("visa-9", handle.RunId) });
    }
}
