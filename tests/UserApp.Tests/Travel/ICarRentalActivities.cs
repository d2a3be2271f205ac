using Swf.Activities;

namespace UserApp.Tests.Travel;

/// <summary>
/// A partner's system: the car rental company runs the workers of the <c>car-rental</c> task list, and may
/// take a day to answer. The token lets the partner stop when the trip is canceled.
/// </summary>
[Activities(TaskList = "car-rental", ScheduleToStartTimeout = "1.00:00:00", ScheduleToCloseTimeout = "1.01:00:00", StartToCloseTimeout = "00:10:00")]
public interface ICarRentalActivities
{
    Task<Reservation> ReserveCarAsync(Trip trip, CancellationToken cancellationToken);
}
