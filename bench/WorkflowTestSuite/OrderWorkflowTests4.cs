namespace Swf.Benchmarks;

/// <summary>Collection 4 of the suite.</summary>
public sealed class OrderWorkflowTests4 : OrderWorkflowTests
{
}
