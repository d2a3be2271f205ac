using System.Globalization;

namespace Swf.LocalEngine.Wire;

/// <summary>SWF's duration strings: whole seconds, or NONE for unlimited.</summary>
internal static class Durations
{
    public const string None = "NONE";

    /// <summary>Parses a validated duration; null for NONE.</summary>
    public static TimeSpan? Parse(string value) =>
        value == None ? null : TimeSpan.FromSeconds(long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture));

    public static string Format(TimeSpan value) => ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    public static int ParsePriority(string? value) =>
        value is null ? 0 : int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public static string FormatPriority(int value) => value.ToString(CultureInfo.InvariantCulture);
}
