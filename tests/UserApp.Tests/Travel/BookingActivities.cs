namespace UserApp.Tests.Travel;

/// <summary>The travel desk's activities, over its back-ends.</summary>
public sealed class BookingActivities(TravelDesk desk) : IBookingActivities
{
    public Task<Reservation> ReserveFlightAsync(Trip trip)
    {
        desk.Record($"reserve flight {trip.Id} to {trip.Destination}");
        return Task.FromResult(new Reservation("flight", "FL-" + trip.Id));
    }

    public Task<Reservation> ReserveHotelAsync(Trip trip)
    {
        desk.Record($"reserve hotel {trip.Id} in {trip.Destination}");
        return Task.FromResult(new Reservation("hotel", "HT-" + trip.Id));
    }

    public Task ReleaseAsync(Reservation reservation)
    {
        desk.Record($"release {reservation.Kind} {reservation.Confirmation}");
        return Task.CompletedTask;
    }

    public Task<Receipt> ChargeAsync(Charge charge)
    {
        desk.Record($"charge {charge.TripId} {TravelDesk.Money(charge.Amount)}");
        if (desk.NextChargeFailure() is { } failure)
        {
            throw failure;
        }

        return Task.FromResult(new Receipt(charge.TripId, charge.Amount, "CH-" + charge.TripId));
    }

    public Task<decimal> QuoteFareAsync(string route)
    {
        var fare = desk.NextFare();
        desk.Record($"quote {route} {TravelDesk.Money(fare)}");
        return Task.FromResult(fare);
    }
}
