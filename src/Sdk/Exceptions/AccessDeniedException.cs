namespace Swf.Exceptions;

/// <summary>The caller's credentials are not allowed to perform the call.</summary>
public sealed class AccessDeniedException : SwfException
{
    /// <summary>The error's name on the wire.</summary>
    public const string FaultName = "AccessDeniedException";

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="requestId">The service's request id, when known.</param>
    public AccessDeniedException(string message, int statusCode = 400, string? requestId = null)
        : base(FaultName, message, statusCode, requestId)
    {
    }
}
