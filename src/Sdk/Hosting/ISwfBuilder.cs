using Microsoft.Extensions.DependencyInjection;

namespace Swf.Hosting;

/// <summary>Adds workflows, activities and settings to the SWF workers of a host. Returned by <c>services.AddSwf()</c>.</summary>
public interface ISwfBuilder
{
    /// <summary>Gets the service collection.</summary>
    IServiceCollection Services { get; }
}
