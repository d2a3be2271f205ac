namespace Swf.Interop.Tests.Conformance;

/// <summary>The conformance scenarios against swf-local over HTTP, through the SDK's wire client.</summary>
public sealed class SwfLocalConformanceTests : ConformanceScenarios, IAsyncLifetime, IDisposable
{
    private readonly SwfLocalTarget _target = new();

    protected override ConformanceTarget Target => _target;

    public Task InitializeAsync() => _target.InitializeAsync();

    public Task DisposeAsync() => _target.DisposeAsync();

    public void Dispose() => _target.Dispose();
}
