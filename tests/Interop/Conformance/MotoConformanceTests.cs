namespace Swf.Interop.Tests.Conformance;

/// <summary>The conformance scenarios against moto_server, where moto is faithful to SWF.</summary>
[Collection(MotoServerGroup.Name)]
public sealed class MotoConformanceTests(MotoServerFixture moto) : ConformanceScenarios, IDisposable
{
    private readonly MotoTarget _target = new(moto);

    protected override ConformanceTarget Target => _target;

    protected override void SkipIfUnavailable() => Skip.If(_target.SkipReason is not null, _target.SkipReason);

    public void Dispose() => _target.Dispose();
}
