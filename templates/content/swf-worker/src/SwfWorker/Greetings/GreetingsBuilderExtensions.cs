using Swf.Converters;
using Swf.Hosting;

namespace SwfWorker.Greetings;

/// <summary>Adds the greetings to a host's SWF workers; the tests use the same registration.</summary>
public static class GreetingsBuilderExtensions
{
    /// <summary>Adds the workflow, its activities and the JSON payloads.</summary>
    /// <param name="builder">The SWF builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISwfBuilder AddGreetings(this ISwfBuilder builder) => builder
        .AddWorkflow<GreetingWorkflow>()
        .AddActivities<IGreetingActivities, GreetingActivities>()
        .UsePayloadConverter(new JsonPayloadConverter(GreetingJsonContext.Default));
}
