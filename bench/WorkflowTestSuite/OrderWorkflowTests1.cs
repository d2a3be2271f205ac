namespace Swf.Benchmarks;

/// <summary>Collection 1 of the suite.</summary>
public sealed class OrderWorkflowTests1 : OrderWorkflowTests
{
}
