using Microsoft.Extensions.Logging;

namespace Swf.Tests.TestSupport;

/// <summary>A logger factory whose loggers all write to one logger.</summary>
internal sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
{
    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => logger;

    public void Dispose()
    {
    }
}
