namespace Swf.Client;

/// <summary>
/// A query's value read from the execution context, and when the workflow computed it: the start of the decision task
/// after which it was sent (<c>DecisionTaskStarted</c>'s timestamp, <see cref="Workflows.Workflow.UtcNow"/> of that task).
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The decoded value.</param>
/// <param name="AsOf">The decision task's time (UTC) the value is as of; events after it are not reflected.</param>
public sealed record QueryResult<T>(T Value, DateTime AsOf);
