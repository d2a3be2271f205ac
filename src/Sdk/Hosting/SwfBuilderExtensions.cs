using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Swf.Activities;
using Swf.Converters;
using Swf.Interceptors;
using Swf.Payloads;
using Swf.Registration;
using Swf.Workflows;

namespace Swf.Hosting;

/// <summary>Adds workflows and activities to the SWF workers of a host.</summary>
public static class SwfBuilderExtensions
{
    /// <summary>Runs a <c>[Workflow]</c> class, using the definition the source generator made for it.</summary>
    /// <typeparam name="TWorkflow">The workflow class.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISwfBuilder AddWorkflow<TWorkflow>(this ISwfBuilder builder)
        where TWorkflow : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new SwfWorkflowRegistration(SwfRegistry.GetWorkflowDefinition<TWorkflow>));
        return builder;
    }

    /// <summary>Runs a workflow given by its definition (written by hand or generated).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="definition">The definition.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISwfBuilder AddWorkflow(this ISwfBuilder builder, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(definition);
        builder.Services.AddSingleton(new SwfWorkflowRegistration(() => definition));
        return builder;
    }

    /// <summary>
    /// Runs the activities of an <c>[Activities]</c> interface, implemented by <typeparamref name="TImplementation"/>
    /// resolved from DI in a new scope for each task.
    /// </summary>
    /// <typeparam name="TActivities">The activities interface.</typeparam>
    /// <typeparam name="TImplementation">Its implementation; registered as the interface's scoped service unless one is already registered.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISwfBuilder AddActivities<TActivities, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation>(this ISwfBuilder builder)
        where TActivities : class
        where TImplementation : class, TActivities
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Resolved through the interface, so a test can replace the implementation (with a mock, say).
        builder.Services.TryAddScoped<TActivities, TImplementation>();
        builder.Services.AddSingleton(new SwfActivitiesRegistration((services, converter) =>
            SwfRegistry.CreateActivityDefinitions<TActivities>(() => ActivityScope.Current.GetRequiredService<TActivities>(), converter)));
        return builder;
    }

    /// <summary>Runs activities given by their definitions (written by hand or generated).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="definitions">The definitions.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISwfBuilder AddActivities(this ISwfBuilder builder, IEnumerable<ActivityDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(definitions);
        IReadOnlyList<ActivityDefinition> list = [.. definitions];
        builder.Services.AddSingleton(new SwfActivitiesRegistration((_, _) => list));
        return builder;
    }

    /// <summary>Sets the converter of workflow and activity payloads (for example a <see cref="JsonPayloadConverter"/> over your JsonSerializerContext).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="converter">The converter.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISwfBuilder UsePayloadConverter(this ISwfBuilder builder, IPayloadConverter converter)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(converter);
        builder.Services.Replace(ServiceDescriptor.Singleton(converter));
        return builder;
    }

    /// <summary>
    /// Adds a payload codec to the end of the chain (the first added runs first when writing): add compression
    /// before encryption. The workers, the client and the test environment of this container all use the chain.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="codec">The codec.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISwfBuilder AddPayloadCodec(this ISwfBuilder builder, IPayloadCodec codec)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(codec);
        builder.Services.Configure<PayloadPipelineOptions>(o => o.Codecs.Add(codec));
        return builder;
    }

    /// <summary>Turns on the claim check: payloads longer than the threshold (after the codecs) go to the store.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="store">The store (<c>S3PayloadStore</c> from Swf.Sdk.S3, <see cref="FileSystemPayloadStore"/>, <see cref="InMemoryPayloadStore"/>).</param>
    /// <param name="threshold">The length in characters above which payloads are stored; by default just under SWF's limit.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISwfBuilder UsePayloadStore(this ISwfBuilder builder, IPayloadStore store, int threshold = PayloadPipelineOptions.DefaultStoreThreshold)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(store);
        builder.Services.Configure<PayloadPipelineOptions>(o =>
        {
            o.Store = store;
            o.StoreThreshold = threshold;
        });
        return builder;
    }

    /// <summary>Uses a payload pipeline built elsewhere (shared with a client outside the container, say), instead of the codecs and store added here.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="pipeline">The pipeline.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISwfBuilder UsePayloadPipeline(this ISwfBuilder builder, PayloadPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(pipeline);
        builder.Services.Replace(ServiceDescriptor.Singleton(pipeline));
        return builder;
    }

    /// <summary>
    /// Adds an interceptor (a type implementing <see cref="IWorkflowInterceptor"/>, <see cref="IActivityInterceptor"/>
    /// and/or <see cref="IClientInterceptor"/>), created once from the container. The workers and the client of this
    /// container use it. Interceptors nest in the order added: the first added is the outermost (see docs/interceptors.md).
    /// </summary>
    /// <typeparam name="T">The interceptor's type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISwfBuilder AddInterceptor<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(this ISwfBuilder builder)
        where T : class, ISwfInterceptor
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<T>();
        builder.Services.AddSingleton<ISwfInterceptor>(sp => sp.GetRequiredService<T>());
        return builder;
    }

    /// <summary>Adds an interceptor instance (see <see cref="AddInterceptor{T}(ISwfBuilder)"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="interceptor">The interceptor.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISwfBuilder AddInterceptor(this ISwfBuilder builder, ISwfInterceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(interceptor);
        builder.Services.AddSingleton(interceptor);
        return builder;
    }

    /// <summary>
    /// Adds <see cref="SwfTracingInterceptor"/>, so that the SDK's spans form one trace from the client's start through
    /// the decision and activity tasks to child workflows (W3C trace context in the header map; see docs/tracing.md).
    /// Same as <c>AddInterceptor&lt;SwfTracingInterceptor&gt;()</c>: add it on every host that takes part.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISwfBuilder AddTracing(this ISwfBuilder builder) => builder.AddInterceptor<SwfTracingInterceptor>();
}
