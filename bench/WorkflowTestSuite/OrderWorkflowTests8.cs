namespace Swf.Benchmarks;

/// <summary>Collection 8 of the suite.</summary>
public sealed class OrderWorkflowTests8 : OrderWorkflowTests
{
}
