namespace Swf.Exceptions;

/// <summary>
/// A history was replayed without knowing which execution it is, and the workflow's decisions depend on its
/// workflow id or run id (default child workflow ids, <c>Workflow.NewGuid</c>, <c>Workflow.Random</c>): replayed
/// under two stand-in executions it decided differently, so a failure under either says nothing about the code.
/// It is not a non-determinism: replay again with the real execution.
/// </summary>
public sealed class ReplayExecutionRequiredException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="firstAttempt">What the replay under the first stand-in execution reported.</param>
    public ReplayExecutionRequiredException(Exception firstAttempt)
        : base(
            "This history does not say which execution it is; the workflow's decisions depend on its workflow id or run id " +
            "(child ids, Workflow.NewGuid, Workflow.Random): pass the execution, or download it with `swf history get` which records it.",
            firstAttempt)
    {
    }
}
