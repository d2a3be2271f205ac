namespace Swf.Benchmarks;

/// <summary>Collection 5 of the suite.</summary>
public sealed class OrderWorkflowTests5 : OrderWorkflowTests
{
}
