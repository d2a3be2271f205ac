using Swf.Client;

namespace Swf.Interop.Tests.Conformance;

/// <summary>An SWF implementation the conformance scenarios run against, and what it can do.</summary>
public abstract class ConformanceTarget
{
    /// <summary>Gets the client that reaches it.</summary>
    public abstract ISwfClient Client { get; }

    /// <summary>
    /// Gets a client that sends requests without the SDK's own checks, so the server's validation is what
    /// answers (the engine is in process, so it is its own validator).
    /// </summary>
    public abstract ISwfClient UncheckedClient { get; }

    /// <summary>
    /// Returns why the target cannot run scenarios that need a feature, or null when it can. moto's
    /// known departures from SWF (swf-protocol.md §15) are listed here, once.
    /// </summary>
    public abstract string? Unsupported(ConformanceFeature feature);

    /// <summary>Moves the target's clock forward (only where <see cref="ConformanceFeature.ClockControl"/> is supported).</summary>
    public abstract void Advance(TimeSpan by);
}
