using Swf.Model;

namespace Swf.Exceptions;

/// <summary>
/// SWF refused to schedule the Lambda task (<c>ScheduleLambdaFunctionFailed</c>): its id is in use by an open
/// Lambda task, the run has too many open Lambda tasks, the creation rate was exceeded, or Lambda is not
/// available in the region.
/// </summary>
public sealed class LambdaFunctionScheduleFailedException : LambdaFunctionException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="functionName">The Lambda function's name.</param>
    /// <param name="lambdaId">The Lambda task's id.</param>
    /// <param name="cause">Why SWF refused.</param>
    public LambdaFunctionScheduleFailedException(string functionName, string lambdaId, ScheduleLambdaFunctionFailedCause cause)
        : base(functionName, lambdaId, $"SWF could not schedule Lambda function {functionName} (id {lambdaId}): {cause}.")
    {
        Cause = cause;
    }

    /// <summary>Gets why SWF refused.</summary>
    public ScheduleLambdaFunctionFailedCause Cause { get; }
}
