using System.Text.Json;

namespace Swf.Exceptions;

/// <summary>
/// A failure as SWF carried it (a reason and a details string), decoded: the exception type, its message and
/// stack trace, and the failure that caused it. When the SDK wrote the details they are a small JSON document
/// and every field is filled; when another framework or a person wrote them (a Java Flow history, a plain
/// string), <see cref="Type"/> is the raw reason and <see cref="Message"/> the raw details.
/// </summary>
/// <param name="Type">The exception type's full name (the SWF reason when the details are not the SDK's), or null.</param>
/// <param name="Message">The exception's message, or the raw details.</param>
/// <param name="StackTrace">Where it was thrown, when known.</param>
/// <param name="Inner">The failure that caused it (the exception's inner exception, or an activity's or child's failure), if any.</param>
public sealed record FailureInfo(string? Type, string Message, string? StackTrace = null, FailureInfo? Inner = null)
{
    /// <summary>Gets the type's short name: <c>PaymentDeclinedException</c> for <c>Shop.Payments.PaymentDeclinedException</c>.</summary>
    public string? ShortType => Type is null ? null : ShortName(Type);

    /// <summary>Gets the one-line form used as exception messages: <c>PaymentDeclinedException: card expired</c>.</summary>
    public string Summary => (ShortType, Message) switch
    {
        (null or "", "") => "unknown failure",
        (null or "", var message) => message,
        (var type, "") => type!,
        (var type, var message) => $"{type}: {message}",
    };

    /// <summary>
    /// Decodes SWF's failure fields. Details the SDK wrote (<c>{"type":…,"message":…,"stackTrace":…,"inner":{…}}</c>,
    /// or the older <c>{"message":…,"stackTrace":…}</c>) are read field by field; anything else is kept as raw text.
    /// </summary>
    /// <param name="reason">The SWF reason: by the SDK's convention the exception type's full name.</param>
    /// <param name="details">The SWF details.</param>
    /// <returns>The failure; never null.</returns>
    public static FailureInfo FromSwf(string? reason, string? details)
    {
        if (!string.IsNullOrEmpty(details) && details[0] == '{')
        {
            try
            {
                using var document = JsonDocument.Parse(details, new JsonDocumentOptions { MaxDepth = 64 });
                if (Read(document.RootElement, reason) is { } ours)
                {
                    return ours;
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: fall through to the raw text.
            }
        }

        return new FailureInfo(string.IsNullOrEmpty(reason) ? null : reason, details ?? string.Empty);
    }

    /// <summary>Returns the summary followed by each inner failure's summary.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Inner is null ? Summary : $"{Summary} ---> {Inner}";

    private static FailureInfo? Read(JsonElement element, string? reason)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : reason;
        var stackTrace = element.TryGetProperty("stackTrace", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var inner = element.TryGetProperty("inner", out var i) ? Read(i, null) : null;
        return new FailureInfo(string.IsNullOrEmpty(type) ? null : type, message.GetString()!, stackTrace, inner);
    }

    private static string ShortName(string type)
    {
        // Only a dotted identifier is a type name; a free-text reason ("declined by bank 2.1") is kept whole.
        var start = 0;
        for (var i = 0; i < type.Length; i++)
        {
            var c = type[i];
            if (c is '.' or '+')
            {
                if (i == start || i == type.Length - 1)
                {
                    return type;
                }

                start = i + 1;
            }
            else if (!(char.IsLetterOrDigit(c) || c is '_' or '`') || (i == start && char.IsDigit(c)))
            {
                return type;
            }
        }

        return type[start..];
    }
}
