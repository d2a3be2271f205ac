namespace Swf.Exceptions;

/// <summary>Maps SWF's wire error names to exceptions and back.</summary>
public static class SwfFaults
{
    private const string SwfNamespace = "com.amazonaws.swf.base.model";

    private static readonly Dictionary<string, Func<string, int, string?, SwfException>> Factories = new(StringComparer.Ordinal)
    {
        [DefaultUndefinedException.FaultName] = (m, s, r) => new DefaultUndefinedException(m, s, r),
        [DomainAlreadyExistsException.FaultName] = (m, s, r) => new DomainAlreadyExistsException(m, s, r),
        [DomainDeprecatedException.FaultName] = (m, s, r) => new DomainDeprecatedException(m, s, r),
        [LimitExceededException.FaultName] = (m, s, r) => new LimitExceededException(m, s, r),
        ["LimitExceededException"] = (m, s, r) => new LimitExceededException(m, s, r),
        [OperationNotPermittedException.FaultName] = (m, s, r) => new OperationNotPermittedException(m, s, r),
        [TooManyTagsException.FaultName] = (m, s, r) => new TooManyTagsException(m, s, r),
        [TypeAlreadyExistsException.FaultName] = (m, s, r) => new TypeAlreadyExistsException(m, s, r),
        [TypeDeprecatedException.FaultName] = (m, s, r) => new TypeDeprecatedException(m, s, r),
        [TypeNotDeprecatedException.FaultName] = (m, s, r) => new TypeNotDeprecatedException(m, s, r),
        [UnknownResourceException.FaultName] = (m, s, r) => new UnknownResourceException(m, s, r),
        [WorkflowExecutionAlreadyStartedException.FaultName] = (m, s, r) => new WorkflowExecutionAlreadyStartedException(m, s, r),
        [ValidationException.FaultName] = (m, s, r) => new ValidationException(m, s, r),
        [ThrottlingException.FaultName] = (m, s, r) => new ThrottlingException(m, s, r),
        ["Throttling"] = (m, s, r) => new ThrottlingException(m, s, r),
        ["ThrottledException"] = (m, s, r) => new ThrottlingException(m, s, r),
        ["RequestLimitExceeded"] = (m, s, r) => new ThrottlingException(m, s, r),
        [AccessDeniedException.FaultName] = (m, s, r) => new AccessDeniedException(m, s, r),
        [UnrecognizedClientException.FaultName] = (m, s, r) => new UnrecognizedClientException(m, s, r),
        [InvalidSignatureException.FaultName] = (m, s, r) => new InvalidSignatureException(m, s, r),
        [IncompleteSignatureException.FaultName] = (m, s, r) => new IncompleteSignatureException(m, s, r),
        [ExpiredTokenException.FaultName] = (m, s, r) => new ExpiredTokenException(m, s, r),
        [InternalFailureException.FaultName] = (m, s, r) => new InternalFailureException(m, s, r),
        ["InternalFailureException"] = (m, s, r) => new InternalFailureException(m, s, r),
        [ServiceUnavailableException.FaultName] = (m, s, r) => new ServiceUnavailableException(m, s, r),
        ["ServiceUnavailableException"] = (m, s, r) => new ServiceUnavailableException(m, s, r),
    };

    /// <summary>
    /// Reads the fault's name from an error's <c>__type</c> (or <c>X-Amzn-ErrorType</c>): the text after
    /// the last <c>#</c>, without any <c>:</c> suffix.
    /// </summary>
    /// <param name="type">The raw type, such as <c>com.amazonaws.swf.base.model#UnknownResourceFault</c>.</param>
    /// <returns>The fault's name, such as <c>UnknownResourceFault</c>.</returns>
    public static string ParseErrorCode(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var code = type;
        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        return code.Trim();
    }

    /// <summary>Creates the exception for a fault: its own type when known, else <see cref="SwfException"/>.</summary>
    /// <param name="errorCode">The fault's name.</param>
    /// <param name="message">The fault's message.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="requestId">The service's request id, when known.</param>
    /// <returns>The exception.</returns>
    public static SwfException Create(string errorCode, string message, int statusCode, string? requestId) =>
        Factories.TryGetValue(errorCode, out var factory)
            ? factory(message, statusCode, requestId)
            : new SwfException(errorCode, message, statusCode, requestId);

    /// <summary>Gives the <c>__type</c> a server sends for an exception, with the namespace SWF uses for it.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The wire type, such as <c>com.amazonaws.swf.base.model#UnknownResourceFault</c>.</returns>
    public static string WireType(SwfException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ValidationException => "com.amazon.coral.validate#ValidationException",
            ThrottlingException => "com.amazon.coral.availability#ThrottlingException",
            InternalFailureException => "com.amazon.coral.service#InternalFailure",
            ServiceUnavailableException => "com.amazon.coral.availability#ServiceUnavailable",
            AccessDeniedException or UnrecognizedClientException or InvalidSignatureException
                or IncompleteSignatureException or ExpiredTokenException => "com.amazon.coral.service#" + exception.ErrorCode,
            _ => SwfNamespace + "#" + exception.ErrorCode,
        };
    }
}
