namespace Swf.Worker;

/// <summary>
/// Why a decision task was answered without an execution context: a query threw (or broke a rule of queries), its
/// value was not JSON, or the whole context was longer than SWF accepts.
/// </summary>
/// <param name="QueryName">The query at fault: the one that failed, or the largest when the context was too long.</param>
/// <param name="Error">What the query threw, or null when the context was too long.</param>
/// <param name="ContextLength">The context's length in characters when it was too long; otherwise 0.</param>
/// <param name="Sizes">Each query's encoded length, largest first, when the context was too long; otherwise null.</param>
internal sealed record QueryProblem(string QueryName, Exception? Error, int ContextLength, string? Sizes);
