using System.Globalization;
using System.Text;

namespace Swf.Cli.Histories;

/// <summary>Formatting shared by the history commands.</summary>
internal static class Text
{
    /// <summary>Puts a value on one line and cuts it to at most <paramref name="max"/> characters, ending with an ellipsis when cut.</summary>
    public static string Shorten(string value, int max)
    {
        var builder = new StringBuilder(Math.Min(value.Length, max));
        var space = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.IsControl(c) ? '?' : c);
            if (builder.Length > max)
            {
                break;
            }
        }

        if (builder.Length > max)
        {
            builder.Length = Math.Max(0, max - 1);
            builder.Append('…');
        }

        return builder.ToString();
    }

    /// <summary>Formats the time from a history's first event: <c>+00:01:30.250</c>, or <c>+3d 04:00:00.000</c> past a day.</summary>
    public static string Relative(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        offset = offset.Duration();
        var clock = offset.ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
        return offset.Days > 0 ? $"{sign}{offset.Days.ToString(CultureInfo.InvariantCulture)}d {clock}" : sign + clock;
    }

    /// <summary>Formats a UTC time as ISO 8601 with milliseconds.</summary>
    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Attributes(IEnumerable<EventAttribute> attributes, int max) =>
        string.Join("  ", attributes.Select(a => $"{a.Name}={Shorten(a.Value, max > 0 ? max : int.MaxValue)}"));
}
