using System.Text.Json;
using Swf.Exceptions;

namespace Swf.Worker;

/// <summary>
/// Turns an exception into SWF's failure fields: the reason is the exception's type name (at most 256
/// characters), the details a small JSON document (at most 32,768 characters) that <see cref="FailureInfo.FromSwf"/>
/// reads back: <c>{"type":…,"message":…,"stackTrace":…,"inner":{…}}</c>. Readers of earlier versions read
/// <c>message</c> and <c>stackTrace</c>, which keep their names; the other fields are additions.
/// </summary>
internal static class FailureConverter
{
    public const int MaxReasonLength = 256;
    public const int MaxDetailsLength = 32_768;
    private const int MaxDepth = 8;

    public static (string Reason, string Details) FromException(Exception exception)
    {
        var reason = exception switch
        {
            ActivityFailedException activity when activity.Reason is not null => activity.Reason,
            _ => TypeName(exception),
        };
        if (reason.Length > MaxReasonLength)
        {
            reason = reason[..MaxReasonLength];
        }

        var failure = ToFailure(exception, 0);

        // Shrink in steps until it fits: shorter stack traces and fewer inner failures, then a shorter message.
        var details = Encode(failure, int.MaxValue, int.MaxValue, MaxDepth);
        if (details.Length > MaxDetailsLength)
        {
            details = Encode(failure, 4_000, 2_000, 3);
        }

        if (details.Length > MaxDetailsLength)
        {
            details = Encode(failure, MaxDetailsLength / 2, 0, 0);
        }

        return (reason, details);
    }

    /// <summary>The failure an exception stands for, with its causes: inner exceptions, or the remote failure an SDK exception carries.</summary>
    public static FailureInfo ToFailure(Exception exception, int depth)
    {
        var inner = depth >= MaxDepth ? null : exception switch
        {
            ActivityFailedException activity => activity.Failure,
            WorkflowFailedException workflow => workflow.Failure,
            ChildWorkflowException { Failure: { } child } => child,
            { InnerException: { } cause } => ToFailure(cause, depth + 1),
            _ => null,
        };
        return new FailureInfo(TypeName(exception), exception.Message, exception.StackTrace, inner);
    }

    private static string TypeName(Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;

    private static string Encode(FailureInfo failure, int maxMessage, int maxStackTrace, int maxDepth)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, failure, maxMessage, maxStackTrace, maxDepth);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, FailureInfo failure, int maxMessage, int maxStackTrace, int depth)
    {
        writer.WriteStartObject();
        writer.WriteString("message", Truncate(failure.Message, maxMessage));
        if (failure.StackTrace is not null && maxStackTrace > 0)
        {
            writer.WriteString("stackTrace", Truncate(failure.StackTrace, maxStackTrace));
        }

        if (failure.Type is not null)
        {
            writer.WriteString("type", failure.Type);
        }

        if (failure.Inner is not null && depth > 0)
        {
            writer.WritePropertyName("inner");
            Write(writer, failure.Inner, maxMessage, maxStackTrace, depth - 1);
        }

        writer.WriteEndObject();
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
