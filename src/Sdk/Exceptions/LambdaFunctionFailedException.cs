namespace Swf.Exceptions;

/// <summary>
/// The Lambda function failed (<c>LambdaFunctionFailed</c>): it threw, or Lambda reported an error. The message is
/// the failure's type and message; the decoded failure is <see cref="Failure"/>, SWF's raw fields
/// <see cref="Reason"/> and <see cref="Details"/>.
/// </summary>
/// <remarks>
/// Lambda reports a function's error as a JSON document (<c>{"errorType":…,"errorMessage":…,"stackTrace":[…]}</c>);
/// <see cref="FailureInfo.FromSwf"/> reads that shape as well as the SDK's own.
/// </remarks>
public sealed class LambdaFunctionFailedException : LambdaFunctionException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="functionName">The Lambda function's name.</param>
    /// <param name="lambdaId">The Lambda task's id.</param>
    /// <param name="reason">The failure's reason, as SWF recorded it.</param>
    /// <param name="details">The failure's details, as SWF recorded them.</param>
    /// <param name="attempts">How many attempts were made, retries included.</param>
    public LambdaFunctionFailedException(string functionName, string lambdaId, string? reason, string? details, int attempts = 1)
        : this(functionName, lambdaId, reason, details, attempts, FailureInfo.FromSwf(reason, details))
    {
    }

    private LambdaFunctionFailedException(string functionName, string lambdaId, string? reason, string? details, int attempts, FailureInfo failure)
        : base(functionName, lambdaId, failure.Summary)
    {
        Reason = reason;
        Details = details;
        Attempts = attempts;
        Failure = failure;
    }

    /// <summary>Gets the failure's reason, as SWF recorded it.</summary>
    public string? Reason { get; }

    /// <summary>Gets the failure's details, as SWF recorded them.</summary>
    public string? Details { get; }

    /// <summary>Gets the failure decoded: type, message and stack trace.</summary>
    public FailureInfo Failure { get; }

    /// <summary>Gets how many attempts were made.</summary>
    public int Attempts { get; }
}
