using System.Globalization;

namespace Swf.Model;

/// <summary>Converts between <see cref="TimeSpan"/> and SWF's durations: whole seconds as a string, or <c>NONE</c>.</summary>
public static class SwfDuration
{
    /// <summary>The wire value for "no limit".</summary>
    public const string None = "NONE";

    /// <summary>Formats a duration as whole seconds, rounding up (SWF counts whole seconds).</summary>
    /// <param name="value">The duration; <see cref="Timeout.InfiniteTimeSpan"/> gives <c>NONE</c>.</param>
    /// <returns>The wire value.</returns>
    public static string ToWire(TimeSpan value)
    {
        if (value == Timeout.InfiniteTimeSpan)
        {
            return None;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
        return ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Formats an optional duration.</summary>
    /// <param name="value">The duration, or null.</param>
    /// <returns>The wire value, or null.</returns>
    public static string? ToWire(TimeSpan? value) => value is { } v ? ToWire(v) : null;

    /// <summary>Parses a wire duration.</summary>
    /// <param name="value">Whole seconds, or <c>NONE</c>.</param>
    /// <returns>The duration, or null for <c>NONE</c>.</returns>
    /// <exception cref="FormatException">The value is neither.</exception>
    public static TimeSpan? Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value == None)
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : throw new FormatException($"'{value}' is not an SWF duration (whole seconds or NONE).");
    }
}
