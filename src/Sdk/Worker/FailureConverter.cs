using System.Text.Json;
using Swf.Exceptions;

namespace Swf.Worker;

/// <summary>
/// Turns an exception into SWF's failure fields: the reason is the exception's type name (at most
/// 256 characters), the details a small JSON document with the message and stack trace (at most
/// 32,768 characters).
/// </summary>
internal static class FailureConverter
{
    public const int MaxReasonLength = 256;
    public const int MaxDetailsLength = 32_768;

    public static (string Reason, string Details) FromException(Exception exception)
    {
        var reason = exception switch
        {
            ActivityFailedException activity when activity.Reason is not null => activity.Reason,
            _ => exception.GetType().FullName ?? exception.GetType().Name,
        };
        if (reason.Length > MaxReasonLength)
        {
            reason = reason[..MaxReasonLength];
        }

        var details = Encode(exception.Message, exception.StackTrace);
        if (details.Length > MaxDetailsLength)
        {
            details = Encode(Truncate(exception.Message, MaxDetailsLength / 2)!, Truncate(exception.StackTrace, MaxDetailsLength / 4));
        }

        return (reason, details);
    }

    private static string Encode(string message, string? stackTrace)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            if (stackTrace is not null)
            {
                writer.WriteString("stackTrace", stackTrace);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
