namespace Swf.Tests.Diagnostics;

/// <summary>
/// Runs the tracing tests alone: their tracer provider listens to the SDK's source for the whole process, and the
/// in-memory exporter's list is not safe to read while other tests' spans are added to it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TracingTestGroup
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Tracing";
}
