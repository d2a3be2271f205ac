using Swf.Model;

namespace Swf.Exceptions;

/// <summary>The Lambda function did not finish within its start-to-close timeout (<c>LambdaFunctionTimedOut</c>).</summary>
public sealed class LambdaFunctionTimedOutException : LambdaFunctionException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="functionName">The Lambda function's name.</param>
    /// <param name="lambdaId">The Lambda task's id.</param>
    /// <param name="timeoutType">Which timeout expired (SWF has only <c>START_TO_CLOSE</c>), if SWF said.</param>
    /// <param name="attempts">How many attempts were made, retries included.</param>
    public LambdaFunctionTimedOutException(string functionName, string lambdaId, LambdaFunctionTimeoutType? timeoutType, int attempts = 1)
        : base(functionName, lambdaId, $"Lambda function {functionName} (id {lambdaId}) timed out ({timeoutType?.Value ?? "START_TO_CLOSE"}).")
    {
        TimeoutType = timeoutType;
        Attempts = attempts;
    }

    /// <summary>Gets which timeout expired, if SWF said.</summary>
    public LambdaFunctionTimeoutType? TimeoutType { get; }

    /// <summary>Gets how many attempts were made.</summary>
    public int Attempts { get; }
}
