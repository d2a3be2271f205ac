using System;
using System.Globalization;
using System.Linq;

namespace Swf.Generators.Helpers;

/// <summary>SWF's rules for names, versions and durations, checked at compile time.</summary>
internal static class SwfNames
{
    public const int MaxNameLength = 256;
    public const int MaxVersionLength = 64;

    /// <summary>Returns why <paramref name="value"/> breaks SWF's naming rules, or null when it follows them.</summary>
    public static string? Validate(string value, int maxLength)
    {
        if (value.Length == 0)
        {
            return "it is empty";
        }

        if (value.Length > maxLength)
        {
            return $"it has {value.Length} characters, more than the {maxLength} SWF allows";
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[value.Length - 1]))
        {
            return "it starts or ends with whitespace";
        }

        foreach (var c in value)
        {
            if (c is ':' or '/' or '|' || c <= '\u001f' || (c >= '\u007f' && c <= '\u009f'))
            {
                return "it contains ':', '/', '|' or a control character";
            }
        }

        if (value == "arn")
        {
            return "it is the literal string 'arn'";
        }

        return null;
    }

    /// <summary>Parses a duration attribute value into whole positive seconds.</summary>
    public static bool TryParseSeconds(string value, out long seconds)
    {
        seconds = 0;
        if (!TimeSpan.TryParseExact(value, "c", CultureInfo.InvariantCulture, out var span)
            || span <= TimeSpan.Zero
            || span.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return false;
        }

        seconds = span.Ticks / TimeSpan.TicksPerSecond;
        return true;
    }

    /// <summary>The most whole seconds a <see cref="TimeSpan"/> holds.</summary>
    public const long MaxTimeSpanSeconds = long.MaxValue / TimeSpan.TicksPerSecond;

    /// <summary>
    /// Whether a duration value is a bare integer (digits, an optional sign, surrounding whitespace), which
    /// TimeSpan reads as days; <paramref name="number"/> is its value, or 0 when it does not fit a long.
    /// </summary>
    public static bool IsBareNumber(string value, out long number)
    {
        number = 0;
        var text = value.Trim();
        var digits = text.Length > 0 && text[0] is '+' or '-' ? text.Substring(1) : text;
        if (digits.Length == 0 || !digits.All(c => c is >= '0' and <= '9'))
        {
            return false;
        }

        // A number too large for a long keeps 0, and the message then gives no conversion.
        _ = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
        return true;
    }

    /// <summary>Formats whole seconds as the TimeSpan string the attributes take, such as <c>00:05:00</c>.</summary>
    public static string FormatSeconds(long seconds) => TimeSpan.FromTicks(seconds * TimeSpan.TicksPerSecond).ToString("c", CultureInfo.InvariantCulture);

    /// <summary>Strips an <c>Async</c> suffix from a method name.</summary>
    public static string WithoutAsync(string methodName) =>
        methodName.Length > 5 && methodName.EndsWith("Async", StringComparison.Ordinal) ? methodName.Substring(0, methodName.Length - 5) : methodName;

    /// <summary>Strips the leading <c>I</c> of an interface name.</summary>
    public static string WithoutInterfacePrefix(string name) =>
        name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]) ? name.Substring(1) : name;
}
