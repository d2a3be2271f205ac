using Microsoft.Extensions.DependencyInjection;

namespace Swf.Hosting;

/// <summary>The builder <c>services.AddSwf()</c> returns.</summary>
internal sealed class SwfBuilder(IServiceCollection services) : ISwfBuilder
{
    public IServiceCollection Services { get; } = services;
}
