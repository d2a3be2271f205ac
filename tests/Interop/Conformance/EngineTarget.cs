using Microsoft.Extensions.Time.Testing;
using Swf.Client;
using Swf.LocalEngine;

namespace Swf.Interop.Tests.Conformance;

/// <summary>The local engine, called in process, on a fake clock.</summary>
public sealed class EngineTarget : ConformanceTarget, IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly LocalSwfEngine _engine;

    public EngineTarget() => _engine = new LocalSwfEngine(_clock);

    public override ISwfClient Client => _engine;

    public override ISwfClient UncheckedClient => _engine;

    public override string? Unsupported(ConformanceFeature feature) => null;

    public override void Advance(TimeSpan by) => _clock.Advance(by);

    public void Dispose() => _engine.Dispose();
}
