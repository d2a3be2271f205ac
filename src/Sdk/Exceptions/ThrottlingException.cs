namespace Swf.Exceptions;

/// <summary>SWF refused the call because the account's rate for it was exceeded; retried by the client.</summary>
public sealed class ThrottlingException : SwfException
{
    /// <summary>The error's name on the wire.</summary>
    public const string FaultName = "ThrottlingException";

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="requestId">The service's request id, when known.</param>
    public ThrottlingException(string message, int statusCode = 400, string? requestId = null)
        : base(FaultName, message, statusCode, requestId)
    {
    }

    /// <inheritdoc/>
    public override bool IsRetryable => true;
}
