using System.Text.Json.Serialization;
using Swf.Activities;
using Swf.Workflows;

namespace PackageSmoke;

/// <summary>A parcel to ship.</summary>
/// <param name="Id">The parcel's id.</param>
/// <param name="Destination">Where it goes.</param>
public sealed record Parcel(string Id, string Destination);

/// <summary>The shipping activities; the generator writes the workflow-side proxy and the worker-side dispatcher.</summary>
[Activities(Version = "1", TaskList = "shipping", ScheduleToStartTimeout = "00:05:00", StartToCloseTimeout = "00:01:00", ScheduleToCloseTimeout = "00:10:00")]
public interface IShippingActivities
{
    /// <summary>Books a courier.</summary>
    /// <param name="parcel">The parcel.</param>
    /// <returns>The tracking number.</returns>
    Task<string> BookCourierAsync(Parcel parcel);
}

/// <summary>Books couriers by numbering them.</summary>
public sealed class ShippingActivities : IShippingActivities
{
    /// <inheritdoc/>
    public Task<string> BookCourierAsync(Parcel parcel) => Task.FromResult($"TRACK-{parcel.Id}-{parcel.Destination}");
}

/// <summary>Waits a week for the parcel to be packed, then books a courier.</summary>
[Workflow(Version = "1", TaskList = "shipping", ExecutionStartToCloseTimeout = "30.00:00:00", TaskStartToCloseTimeout = "00:00:30", ChildPolicy = "TERMINATE")]
public partial class ShippingWorkflow
{
    private readonly IShippingActivities _shipping = Workflow.Activities<IShippingActivities>();

    /// <summary>Runs the workflow.</summary>
    /// <param name="parcel">The parcel.</param>
    /// <returns>The tracking number.</returns>
    [WorkflowRun]
    public async Task<string> RunAsync(Parcel parcel)
    {
        await Workflow.DelayAsync(TimeSpan.FromDays(7));
        return await _shipping.BookCourierAsync(parcel);
    }
}

/// <summary>The payloads' source-generated JSON metadata.</summary>
[JsonSerializable(typeof(Parcel))]
[JsonSerializable(typeof(string))]
public sealed partial class ShippingJsonContext : JsonSerializerContext
{
}
