namespace Swf.Exceptions;

/// <summary>SWF failed while handling the call; retried by the client.</summary>
public sealed class InternalFailureException : SwfException
{
    /// <summary>The error's name on the wire.</summary>
    public const string FaultName = "InternalFailure";

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="requestId">The service's request id, when known.</param>
    public InternalFailureException(string message, int statusCode = 500, string? requestId = null)
        : base(FaultName, message, statusCode, requestId)
    {
    }
}
