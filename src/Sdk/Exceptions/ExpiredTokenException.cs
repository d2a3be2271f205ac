namespace Swf.Exceptions;

/// <summary>The session token has expired.</summary>
public sealed class ExpiredTokenException : SwfException
{
    /// <summary>The error's name on the wire.</summary>
    public const string FaultName = "ExpiredTokenException";

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="requestId">The service's request id, when known.</param>
    public ExpiredTokenException(string message, int statusCode = 400, string? requestId = null)
        : base(FaultName, message, statusCode, requestId)
    {
    }
}
