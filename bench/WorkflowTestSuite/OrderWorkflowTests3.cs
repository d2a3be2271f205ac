namespace Swf.Benchmarks;

/// <summary>Collection 3 of the suite.</summary>
public sealed class OrderWorkflowTests3 : OrderWorkflowTests
{
}
