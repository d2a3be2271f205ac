namespace Swf.Benchmarks;

/// <summary>Collection 2 of the suite.</summary>
public sealed class OrderWorkflowTests2 : OrderWorkflowTests
{
}
