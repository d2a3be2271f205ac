using Swf.Model;

namespace Swf.Exceptions;

/// <summary>
/// SWF scheduled the Lambda task but could not invoke the function (<c>StartLambdaFunctionFailed</c>): it could not
/// assume the execution's <c>lambdaRole</c> (<c>ASSUME_ROLE_FAILED</c>), or Lambda refused the invocation (a function
/// that does not exist, for instance); <see cref="CauseMessage"/> says what SWF reported.
/// </summary>
public sealed class LambdaFunctionStartFailedException : LambdaFunctionException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="functionName">The Lambda function's name.</param>
    /// <param name="lambdaId">The Lambda task's id.</param>
    /// <param name="cause">The cause SWF recorded, if any.</param>
    /// <param name="causeMessage">SWF's description of the fault, if any.</param>
    public LambdaFunctionStartFailedException(string functionName, string lambdaId, StartLambdaFunctionFailedCause? cause, string? causeMessage)
        : base(functionName, lambdaId, $"SWF could not start Lambda function {functionName} (id {lambdaId}): {Describe(cause, causeMessage)}.")
    {
        Cause = cause;
        CauseMessage = causeMessage;
    }

    /// <summary>Gets the cause SWF recorded, if any.</summary>
    public StartLambdaFunctionFailedCause? Cause { get; }

    /// <summary>Gets SWF's description of the fault, if any.</summary>
    public string? CauseMessage { get; }

    private static string Describe(StartLambdaFunctionFailedCause? cause, string? message) => (cause?.Value, message) switch
    {
        (null, null or "") => "no cause given",
        (null, var m) => m!,
        (var c, null or "") => c,
        (var c, var m) => $"{c}: {m}",
    };
}
