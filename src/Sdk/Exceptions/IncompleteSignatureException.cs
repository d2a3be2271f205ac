namespace Swf.Exceptions;

/// <summary>The request's signature was missing parts.</summary>
public sealed class IncompleteSignatureException : SwfException
{
    /// <summary>The error's name on the wire.</summary>
    public const string FaultName = "IncompleteSignatureException";

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="requestId">The service's request id, when known.</param>
    public IncompleteSignatureException(string message, int statusCode = 400, string? requestId = null)
        : base(FaultName, message, statusCode, requestId)
    {
    }
}
