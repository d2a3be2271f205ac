using System.Globalization;
using System.Text.RegularExpressions;

namespace Swf.Cli.Commands;

/// <summary>
/// A point in time as an option gives it: an age (<c>90m</c>, <c>12h</c>, <c>7d</c>, <c>2w</c>) counted back from now,
/// or a date or time (<c>2026-03-01</c>, <c>2026-03-01T12:00:00Z</c>; UTC unless it says otherwise).
/// </summary>
internal sealed partial record SinceValue(string Text, TimeSpan? Age, DateTimeOffset? At)
{
    public const string Forms = "an age such as 90m, 12h, 7d or 2w, or a date or time such as 2026-03-01 or 2026-03-01T12:00:00Z (UTC unless it says otherwise)";

    public static SinceValue? Parse(string text)
    {
        if (AgePattern().Match(text) is { Success: true } match
            && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is > 0 and <= 100_000)
        {
            var unit = match.Groups[2].Value switch
            {
                "m" => TimeSpan.FromMinutes(1),
                "h" => TimeSpan.FromHours(1),
                "d" => TimeSpan.FromDays(1),
                _ => TimeSpan.FromDays(7),
            };
            return new SinceValue(text, unit * count, null);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var at)
            ? new SinceValue(text, null, at)
            : null;
    }

    /// <summary>The point in time, given what time it is now.</summary>
    public DateTimeOffset Resolve(DateTimeOffset now) => At ?? now - Age!.Value;

    [GeneratedRegex("^([0-9]+)([mhdw])$", RegexOptions.CultureInvariant)]
    private static partial Regex AgePattern();
}
