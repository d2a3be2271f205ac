using Swf.Activities;
using Swf.Converters;

namespace Swf.Hosting;

/// <summary>Activity types the host runs; built when the host starts, with the services and the payload converter.</summary>
/// <param name="Definitions">Builds the activity definitions.</param>
internal sealed record SwfActivitiesRegistration(Func<IServiceProvider, IPayloadConverter, IReadOnlyList<ActivityDefinition>> Definitions);
