namespace Swf.Exceptions;

/// <summary>The request's signature did not match; check the secret key and the machine's clock.</summary>
public sealed class InvalidSignatureException : SwfException
{
    /// <summary>The error's name on the wire.</summary>
    public const string FaultName = "InvalidSignatureException";

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="requestId">The service's request id, when known.</param>
    public InvalidSignatureException(string message, int statusCode = 400, string? requestId = null)
        : base(FaultName, message, statusCode, requestId)
    {
    }
}
