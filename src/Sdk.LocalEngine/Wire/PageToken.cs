using System.Globalization;
using System.Text;
using Swf.Exceptions;

namespace Swf.LocalEngine.Wire;

/// <summary>
/// SWF's opaque paging tokens: base64 of the token's kind, when it was issued and where the next
/// page starts. A token of another operation, a forged one or one older than 24 hours is refused
/// with a ValidationException, as SWF does.
/// </summary>
internal static class PageToken
{
    /// <summary>SWF's documented token lifetime.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    // Names and ids may not hold control characters, so one separates the parts unambiguously.
    private const char Separator = '\u001f';
    private const string Version = "swf-local-1";

    public static string Encode(string kind, DateTime issued, params string[] parts)
    {
        var text = string.Join(Separator, [Version, kind, issued.Ticks.ToString(CultureInfo.InvariantCulture), .. parts]);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Decodes a token of the given kind and returns its parts.</summary>
    /// <exception cref="ValidationException">The token is malformed, of another kind or expired.</exception>
    public static string[] Decode(string token, string kind, DateTime now, int partCount)
    {
        string[] fields;
        try
        {
            fields = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(Separator);
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        if (fields.Length != partCount + 3 || fields[0] != Version || fields[1] != kind
            || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            throw Invalid();
        }

        if (now - new DateTime(ticks, DateTimeKind.Utc) > Lifetime)
        {
            throw new ValidationException("Specified token has exceeded its maximum lifetime");
        }

        return fields[3..];
    }

    public static long ParseLong(string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result) ? result : throw Invalid();

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static ValidationException Invalid() => new("Invalid value for nextPageToken: the token was not issued by this operation.");
}
