namespace Swf.Exceptions;

/// <summary>SWF could not take the call right now; retried by the client.</summary>
public sealed class ServiceUnavailableException : SwfException
{
    /// <summary>The error's name on the wire.</summary>
    public const string FaultName = "ServiceUnavailable";

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="requestId">The service's request id, when known.</param>
    public ServiceUnavailableException(string message, int statusCode = 503, string? requestId = null)
        : base(FaultName, message, statusCode, requestId)
    {
    }
}
