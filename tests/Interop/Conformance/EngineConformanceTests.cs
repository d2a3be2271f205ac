namespace Swf.Interop.Tests.Conformance;

/// <summary>The conformance scenarios against the local engine in process.</summary>
public sealed class EngineConformanceTests : ConformanceScenarios, IDisposable
{
    private readonly EngineTarget _target = new();

    protected override ConformanceTarget Target => _target;

    public void Dispose() => _target.Dispose();
}
