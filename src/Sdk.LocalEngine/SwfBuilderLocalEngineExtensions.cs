using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Swf.Client;
using Swf.Hosting;

namespace Swf.LocalEngine;

/// <summary>Runs a host's SWF workers against the embedded local engine instead of AWS.</summary>
public static class SwfBuilderLocalEngineExtensions
{
    /// <summary>
    /// Uses a <see cref="LocalSwfEngine"/> as the host's SWF: the given one, or a new one on the
    /// container's <see cref="TimeProvider"/> (the system clock when none is registered).
    /// </summary>
    /// <param name="builder">The SWF builder.</param>
    /// <param name="engine">The engine to use, or null to create one.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISwfBuilder UseLocalSwfEngine(this ISwfBuilder builder, LocalSwfEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(sp => engine ?? new LocalSwfEngine(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.Replace(ServiceDescriptor.Singleton<ISwfClient>(sp => sp.GetRequiredService<LocalSwfEngine>()));
        builder.Services.Configure<SwfOptions>(o => o.Connection.UseLocalEngine = true);
        return builder;
    }
}
