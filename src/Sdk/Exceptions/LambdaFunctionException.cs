namespace Swf.Exceptions;

/// <summary>
/// A Lambda task called from a workflow did not complete: the function failed or timed out, or SWF could not
/// schedule or start it. Its subclasses say how. A Lambda task withdrawn before it was sent is a
/// <see cref="LambdaFunctionCanceledException"/>, which is an <see cref="OperationCanceledException"/> instead.
/// </summary>
public abstract class LambdaFunctionException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="functionName">The Lambda function's name (or ARN) as the workflow gave it.</param>
    /// <param name="lambdaId">The Lambda task's id in the history.</param>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    protected LambdaFunctionException(string functionName, string lambdaId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        FunctionName = functionName;
        LambdaId = lambdaId;
    }

    /// <summary>Gets the Lambda function's name (or ARN) as the workflow gave it.</summary>
    public string FunctionName { get; }

    /// <summary>Gets the Lambda task's id in the history.</summary>
    public string LambdaId { get; }
}
