namespace Swf.Exceptions;

/// <summary>A request broke one of SWF's constraints (a missing member, a value too long, a forbidden character, ...). Thrown by the service, and by the client before sending when it can tell.</summary>
public sealed class ValidationException : SwfException
{
    /// <summary>The error's name on the wire.</summary>
    public const string FaultName = "ValidationException";

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="requestId">The service's request id, when known.</param>
    public ValidationException(string message, int statusCode = 400, string? requestId = null)
        : base(FaultName, message, statusCode, requestId)
    {
    }
}
