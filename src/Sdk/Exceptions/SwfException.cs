namespace Swf.Exceptions;

/// <summary>
/// An error from SWF (or from the client on SWF's behalf): the fault's wire name, its message,
/// the HTTP status and the service's request id. Each modelled fault has its own subclass.
/// </summary>
public class SwfException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="errorCode">The fault's name on the wire, such as <c>UnknownResourceFault</c>.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="requestId">The service's request id, when known.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public SwfException(string errorCode, string message, int statusCode, string? requestId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>Gets the fault's name on the wire (the text after <c>#</c> in <c>__type</c>).</summary>
    public string ErrorCode { get; }

    /// <summary>Gets the HTTP status of the response (0 when no response arrived).</summary>
    public int StatusCode { get; }

    /// <summary>Gets the service's request id, when known.</summary>
    public string? RequestId { get; }

    /// <summary>Gets a value indicating whether retrying the same call may succeed (throttling and server errors).</summary>
    public virtual bool IsRetryable => StatusCode >= 500;
}
