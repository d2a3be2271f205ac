namespace Swf.Exceptions;

/// <summary>
/// The Lambda task was canceled before SWF heard of it: its token was cancelled while the
/// <c>ScheduleLambdaFunction</c> decision was not yet sent, so the decision was withdrawn.
/// </summary>
/// <remarks>
/// SWF has no way to cancel a Lambda task once it is scheduled: after that the token changes nothing and the
/// workflow sees the function's outcome. It is an <see cref="OperationCanceledException"/>, so workflow code that
/// lets it escape after a cancel request ends the workflow canceled.
/// </remarks>
public sealed class LambdaFunctionCanceledException : OperationCanceledException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="functionName">The Lambda function's name.</param>
    /// <param name="lambdaId">The Lambda task's id.</param>
    /// <param name="cancellationToken">The token that asked for the cancellation.</param>
    public LambdaFunctionCanceledException(string functionName, string lambdaId, CancellationToken cancellationToken = default)
        : base($"Lambda function {functionName} (id {lambdaId}) was canceled before it was scheduled.", cancellationToken)
    {
        FunctionName = functionName;
        LambdaId = lambdaId;
    }

    /// <summary>Gets the Lambda function's name.</summary>
    public string FunctionName { get; }

    /// <summary>Gets the Lambda task's id.</summary>
    public string LambdaId { get; }
}
