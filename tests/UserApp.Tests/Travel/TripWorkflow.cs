using Swf.Exceptions;
using Swf.Workflows;

namespace UserApp.Tests.Travel;

/// <summary>
/// Books a trip: the flight, the hotel and a car at once (and the visa, a child workflow on its own task list),
/// then waits a day for the traveler's confirmation and charges the card. Whatever was booked is released when
/// the trip does not go ahead: expired, declined, refused, or canceled.
/// </summary>
[Workflow(TaskList = "trips", ExecutionStartToCloseTimeout = "60.00:00:00", TaskStartToCloseTimeout = "00:00:30", ChildPolicy = "REQUEST_CANCEL")]
public partial class TripWorkflow
{
    private readonly IBookingActivities _bookings = Workflow.Activities<IBookingActivities>();

    // A busy bank is retried with backoff; a declined card is final.
    private readonly IBookingActivities _payments = Workflow.Activities<IBookingActivities>(new ActivityOptions
    {
        Retry = new RetryPolicy { MaximumAttempts = 4, InitialInterval = TimeSpan.FromSeconds(10), NonRetryableErrorTypes = { nameof(CardDeclinedException) } },
    });

    // Releasing must also run after the trip was canceled: these calls are not cancelled by the workflow's token.
    private readonly IBookingActivities _releases = Workflow.Activities<IBookingActivities>(new ActivityOptions { CancellationToken = CancellationToken.None });

    private readonly ICarRentalActivities _cars = Workflow.Activities<ICarRentalActivities>();

    private Confirmation? _confirmation;

    [WorkflowRun]
    public async Task<TripResult> RunAsync(Trip trip)
    {
        var reference = Workflow.SideEffect(BookingReference.New)!;
        var reservations = new List<Reservation>();
        try
        {
            // Fan out: everything is asked for at once; fan in when all answered.
            var bookings = new List<Task<Reservation>> { _bookings.ReserveFlightAsync(trip), _bookings.ReserveHotelAsync(trip) };
            if (trip.RentCar)
            {
                bookings.Add(_cars.ReserveCarAsync(trip, Workflow.CancellationToken));
            }

            var visa = trip.NeedsVisa ? ApplyForVisaAsync(trip) : Task.FromResult<VisaResult?>(null);
            try
            {
                await Task.WhenAll(bookings.Cast<Task>().Append(visa));
            }
            finally
            {
                foreach (var booking in bookings.Where(b => b.IsCompletedSuccessfully))
                {
                    reservations.Add(await booking);
                }
            }

            if (await visa is { Granted: false } refused)
            {
                await ReleaseAsync(reservations);
                return new(trip.Id, TripStatus.VisaRefused, refused.Detail, reference);
            }

            // The traveler has a day to confirm.
            if (!await Workflow.WaitConditionAsync(() => _confirmation is not null, TimeSpan.FromDays(1)))
            {
                await ReleaseAsync(reservations);
                return new(trip.Id, TripStatus.Expired, "not confirmed within a day", reference);
            }

            Receipt receipt;
            try
            {
                receipt = await _payments.ChargeAsync(new Charge(trip.Id, trip.Price));
            }
            catch (ActivityFailedException declined)
            {
                await ReleaseAsync(reservations);
                return new(trip.Id, TripStatus.Declined, $"{declined.Message} (after {declined.Attempts} attempts)", reference);
            }

            return new(trip.Id, TripStatus.Booked, "confirmed by " + _confirmation!.By, reference, receipt.ChargeId);
        }
        catch (OperationCanceledException) when (Workflow.CancellationToken.IsCancellationRequested)
        {
            // Canceled: give back what was booked, then let the cancellation end the trip canceled.
            await ReleaseAsync(reservations);
            throw;
        }
    }

    /// <summary>The traveler confirms the trip.</summary>
    [Signal]
    public Task ConfirmAsync(Confirmation confirmation)
    {
        _confirmation ??= confirmation;
        return Task.CompletedTask;
    }

    private async Task<VisaResult?> ApplyForVisaAsync(Trip trip)
    {
        // A child workflow on the visas task list (its type's default); it follows this trip's cancellation.
        var converter = Workflow.PayloadConverter;
        var result = await Workflow.ExecuteChildWorkflowAsync(
            VisaWorkflow.SwfDefinition.WorkflowType,
            converter.Serialize(new VisaApplication(trip.Id, trip.Traveler, trip.Destination)),
            new ChildWorkflowOptions { WorkflowId = trip.Id + "-visa" });
        return converter.Deserialize<VisaResult>(result);
    }

    private Task ReleaseAsync(List<Reservation> reservations) =>
        Task.WhenAll(reservations.Select(r => _releases.ReleaseAsync(r)));
}
