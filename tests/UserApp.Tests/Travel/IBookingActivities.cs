using Swf.Activities;

namespace UserApp.Tests.Travel;

/// <summary>The travel desk's own steps, run by workers of the <c>bookings</c> task list.</summary>
[Activities(TaskList = "bookings", ScheduleToStartTimeout = "01:00:00", ScheduleToCloseTimeout = "02:00:00", StartToCloseTimeout = "00:01:00")]
public interface IBookingActivities
{
    Task<Reservation> ReserveFlightAsync(Trip trip);

    Task<Reservation> ReserveHotelAsync(Trip trip);

    /// <summary>Gives a reservation back (the compensation of a trip that does not go ahead).</summary>
    Task ReleaseAsync(Reservation reservation);

    Task<Receipt> ChargeAsync(Charge charge);

    Task<decimal> QuoteFareAsync(string route);
}
