namespace Swf.Benchmarks;

/// <summary>Collection 6 of the suite.</summary>
public sealed class OrderWorkflowTests6 : OrderWorkflowTests
{
}
