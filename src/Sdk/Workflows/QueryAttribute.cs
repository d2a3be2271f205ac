namespace Swf.Workflows;

/// <summary>
/// Marks a property or a method of a <see cref="WorkflowAttribute">[Workflow]</see> class whose value clients can
/// read without sending a signal: SWF's own way, through the execution context. After every decision task it runs
/// (not while history is replayed), the runtime evaluates each query on the workflow scheduler and sends the values
/// in <c>RespondDecisionTaskCompleted.executionContext</c>; clients read them from
/// <c>DescribeWorkflowExecution.latestExecutionContext</c> (the generated handle's <c>QueryXxxAsync</c>). A value is
/// therefore as of the last completed decision task. See docs/queries.md.
/// </summary>
/// <remarks>
/// A query is a property with a getter or a method without parameters, returning a value synchronously (not
/// <see cref="Task"/>); the value is encoded with the workflow's payload converter and must be JSON. It must not
/// change the workflow's state and cannot make decisions: the Workflow API's timers, activities, children, markers,
/// side effects, <see cref="Workflow.NewGuid"/> and <see cref="Workflow.Random"/> throw an
/// <see cref="Exceptions.InvalidWorkflowOperationException"/> inside a query.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class QueryAttribute : Attribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="name">The query's name in the execution context; null for the member's name (a method's without a <c>Get</c> prefix).</param>
    public QueryAttribute(string? name = null)
    {
        Name = name;
    }

    /// <summary>Gets the query's name; null means the member's name (a method's without a <c>Get</c> prefix).</summary>
    public string? Name { get; }
}
