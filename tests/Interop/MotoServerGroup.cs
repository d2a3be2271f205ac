namespace Swf.Interop.Tests;

/// <summary>
/// The interop tests share one moto_server. Each test registers its own uniquely named domain, so the
/// tests do not depend on each other or on their order.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MotoServerGroup : ICollectionFixture<MotoServerFixture>
{
    public const string Name = "moto";
}
