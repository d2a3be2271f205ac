namespace Swf.Benchmarks;

/// <summary>Collection 7 of the suite.</summary>
public sealed class OrderWorkflowTests7 : OrderWorkflowTests
{
}
