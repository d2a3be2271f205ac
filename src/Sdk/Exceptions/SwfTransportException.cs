namespace Swf.Exceptions;

/// <summary>
/// The call did not get a usable answer: the connection failed, timed out, or the response was
/// not SWF's JSON (an HTML error page, an empty or truncated body). The message shows the status
/// and the start of the body.
/// </summary>
public sealed class SwfTransportException : SwfException
{
    /// <summary>The name used as <see cref="SwfException.ErrorCode"/>.</summary>
    public const string FaultName = "TransportError";

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status, or 0 when no response arrived.</param>
    /// <param name="requestId">The service's request id, when known.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    /// <param name="isRetryable">Whether retrying may help (network errors and 5xx).</param>
    public SwfTransportException(string message, int statusCode, string? requestId = null, Exception? innerException = null, bool isRetryable = false)
        : base(FaultName, message, statusCode, requestId, innerException)
    {
        Retryable = isRetryable;
    }

    private bool Retryable { get; }

    /// <inheritdoc/>
    public override bool IsRetryable => Retryable || StatusCode >= 500;
}
