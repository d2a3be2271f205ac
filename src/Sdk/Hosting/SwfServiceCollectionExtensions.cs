using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Swf.Client;
using Swf.Converters;
using Swf.Hosting;
using Swf.Interceptors;
using Swf.Payloads;
using Swf.Serialization;

#pragma warning disable IDE0130 // Extension methods for IServiceCollection live in its namespace, where users look for them.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Adds SWF workers to a host: <c>services.AddSwf(o =&gt; o.Domain = "shop").AddWorkflow&lt;OrderWorkflow&gt;()</c>.</summary>
public static class SwfServiceCollectionExtensions
{
    /// <summary>Adds the SWF workers, configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add workflows and activities with.</returns>
    public static ISwfBuilder AddSwf(this IServiceCollection services, Action<SwfOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SwfOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services);
    }

    /// <summary>Adds the SWF workers, configured from a configuration section (by default <c>Swf</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section to bind, such as <c>configuration.GetSection("Swf")</c>.</param>
    /// <param name="configure">Sets options after binding.</param>
    /// <returns>A builder to add workflows and activities with.</returns>
    public static ISwfBuilder AddSwf(this IServiceCollection services, IConfiguration configuration, Action<SwfOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = services.AddOptions<SwfOptions>().Bind(configuration);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services);
    }

    private static SwfBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<SwfOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SwfOptions>, SwfOptionsValidator>());
        services.TryAddSingleton<IPayloadConverter>(_ => new JsonPayloadConverter(SwfJsonContext.Default));
        services.TryAddSingleton<ISwfClient>(CreateClient);
        services.AddOptions<PayloadPipelineOptions>();
        services.TryAddSingleton(sp => new PayloadPipeline(sp.GetRequiredService<IOptions<PayloadPipelineOptions>>().Value));
        services.TryAddSingleton(sp =>
        {
            var options = new WorkflowClientOptions
            {
                Domain = sp.GetRequiredService<IOptions<SwfOptions>>().Value.Domain,
                PayloadConverter = sp.GetRequiredService<IPayloadConverter>(),
                PayloadPipeline = sp.GetRequiredService<PayloadPipeline>(),
            };
            foreach (var interceptor in sp.GetServices<ISwfInterceptor>().OfType<IClientInterceptor>())
            {
                options.Interceptors.Add(interceptor);
            }

            return new WorkflowClient(sp.GetRequiredService<ISwfClient>(), options);
        });
        services.TryAddSingleton<SwfWorkerDefinitions>();
        services.TryAddSingleton<SwfWorkerHost>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SwfWorkerHost>(sp => sp.GetRequiredService<SwfWorkerHost>()));
        services.AddHealthChecks().AddCheck<SwfWorkersHealthCheck>("swf-workers");
        return new SwfBuilder(services);
    }

    private static ISwfClient CreateClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SwfOptions>>().Value.Connection;
        if (options.UseLocalEngine)
        {
            throw new InvalidOperationException(
                "Swf:Connection:UseLocalEngine is set, but no local engine is registered: call UseLocalSwfEngine() from Swf.Sdk.LocalEngine on the SWF builder.");
        }

        return new SwfHttpClient(new SwfClientOptions
        {
            Region = options.Region,
            Profile = options.Profile,
            ServiceUrl = options.Endpoint,
            Logger = services.GetService<ILoggerFactory>()?.CreateLogger<SwfHttpClient>(),
        });
    }
}
