using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Swf.Converters;
using Swf.Hosting;

namespace UserApp.Tests.Travel;

/// <summary>Adds the travel desk to a host's SWF workers (or a test environment): <c>services.AddSwf(...).AddTravelBooking()</c>.</summary>
public static class TravelBookingBuilderExtensions
{
    public static ISwfBuilder AddTravelBooking(this ISwfBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<TravelDesk>();
        return builder
            .AddWorkflow<TripWorkflow>()
            .AddWorkflow<VisaWorkflow>()
            .AddWorkflow<FareWatchWorkflow>()
            .AddActivities<IBookingActivities, BookingActivities>()
            .AddActivities<IVisaActivities, VisaActivities>()
            .UsePayloadConverter(new JsonPayloadConverter(TravelJsonContext.Default));
    }
}
