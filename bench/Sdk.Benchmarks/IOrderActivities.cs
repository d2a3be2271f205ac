using Swf.Activities;

namespace Swf.Benchmarks;

/// <summary>The three steps of the workflow-test benchmark's order, as a user declares them.</summary>
[Activities(TaskList = "orders", ScheduleToStartTimeout = "00:05:00", ScheduleToCloseTimeout = "00:10:00", StartToCloseTimeout = "00:05:00")]
public interface IOrderActivities
{
    /// <summary>Reserves the goods.</summary>
    /// <param name="order">The order id.</param>
    /// <returns>The reservation.</returns>
    Task<string> ReserveAsync(string order);

    /// <summary>Charges for the reservation.</summary>
    /// <param name="reservation">The reservation.</param>
    /// <returns>The receipt.</returns>
    Task<string> ChargeAsync(string reservation);

    /// <summary>Ships what was paid for.</summary>
    /// <param name="receipt">The receipt.</param>
    /// <returns>The shipment.</returns>
    Task<string> ShipAsync(string receipt);
}
