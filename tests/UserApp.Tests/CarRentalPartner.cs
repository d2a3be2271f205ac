using Swf.Activities;
using Swf.Converters;
using Swf.Hosting;
using Swf.Model;
using Swf.Registration;
using Swf.Testing;
using UserApp.Tests.Travel;

namespace UserApp.Tests;

/// <summary>
/// Plays the car rental company: its activity type is registered the way the partner would, and its worker
/// answers only when the test says so (the partner is slow), so a trip can be canceled while the car is pending.
/// </summary>
internal sealed class CarRentalPartner : ICarRentalActivities, IDisposable
{
    private readonly SwfTestEnvironment _environment;
    private readonly ActivityWorker _worker;
    private readonly IReadOnlyList<ActivityDefinition> _definitions;

    private CarRentalPartner(SwfTestEnvironment environment, IPayloadConverter converter)
    {
        _environment = environment;
        _definitions = SwfRegistry.CreateActivityDefinitions<ICarRentalActivities>(this, converter);
        _worker = new ActivityWorker(
            environment.Engine,
            new ActivityWorkerOptions { Domain = environment.Client.Options.Domain, TaskList = "car-rental", Identity = "car-rental-company", TimeProvider = environment.Clock },
            _definitions);
    }

    public List<string> Calls { get; } = [];

    public static async Task<CarRentalPartner> JoinAsync(SwfTestEnvironment environment)
    {
        var partner = new CarRentalPartner(environment, environment.Definitions.PayloadConverter);
        var registrar = new SwfTypeRegistrar(environment.Engine, new SwfOptions { Domain = environment.Client.Options.Domain }, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await registrar.RegisterAsync([], partner._definitions, CancellationToken.None);
        return partner;
    }

    /// <summary>Answers the car reservations waiting for the partner.</summary>
    public async Task AnswerAsync()
    {
        while ((await _environment.Engine.CountPendingActivityTasksAsync(new CountPendingActivityTasksRequest
        {
            Domain = _environment.Client.Options.Domain,
            TaskList = new TaskList { Name = "car-rental" },
        })).PendingTaskCount.Count > 0)
        {
            await _worker.PollOnceAsync();
        }
    }

    public Task<Reservation> ReserveCarAsync(Trip trip, CancellationToken cancellationToken)
    {
        Calls.Add("reserve car " + trip.Id);
        return Task.FromResult(new Reservation("car", "CAR-" + trip.Id));
    }

    public void Dispose() => _worker.Dispose();
}
