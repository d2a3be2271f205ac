using System.Globalization;
using System.Text;
using Swf.Exceptions;

namespace Swf.Validation;

/// <summary>
/// Checks a request against SWF's documented constraints before it is sent (and, in the local
/// engine, when it arrives), collecting every violation with the member's path as SWF names it
/// (<c>decisions.1.member.startTimerDecisionAttributes.timerId</c>).
/// </summary>
internal sealed class SwfValidator
{
    /// <summary>The longest duration SWF accepts: one year, in seconds.</summary>
    public const long MaxDurationSeconds = 31_536_000;

    private readonly List<string> _errors = [];

    /// <summary>Gets the violations found so far.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Validates a request and throws when it breaks a constraint.</summary>
    /// <param name="validate">The request's validation method.</param>
    /// <exception cref="ValidationException">The request breaks one or more constraints.</exception>
    public static void ThrowIfInvalid(Action<SwfValidator, string> validate)
    {
        ArgumentNullException.ThrowIfNull(validate);
        var validator = new SwfValidator();
        validate(validator, string.Empty);
        validator.ThrowIfAny();
    }

    /// <summary>Throws a <see cref="ValidationException"/> listing every violation, if there is any.</summary>
    /// <exception cref="ValidationException">A violation was found.</exception>
    public void ThrowIfAny()
    {
        if (_errors.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"{_errors.Count} validation error{(_errors.Count == 1 ? string.Empty : "s")} detected: ");
        message.AppendJoin("; ", _errors);
        throw new ValidationException(message.ToString());
    }

    /// <summary>Adds a violation.</summary>
    /// <param name="path">The member's path.</param>
    /// <param name="constraint">The constraint it breaks.</param>
    public void Fail(string path, string constraint) =>
        _errors.Add($"Value at '{path}' failed to satisfy constraint: {constraint}");

    /// <summary>Joins a parent path and a member name.</summary>
    /// <param name="path">The parent's path, empty at the top.</param>
    /// <param name="member">The member's wire name.</param>
    /// <returns>The member's path.</returns>
    public static string Path(string path, string member) => path.Length == 0 ? member : path + "." + member;

    /// <summary>The path of a list item, 1-based as SWF names it.</summary>
    /// <param name="path">The list's path.</param>
    /// <param name="index">The item's 0-based index.</param>
    /// <returns>The item's path.</returns>
    public static string Item(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}.{index + 1}.member");

    /// <summary>Checks that a required member is set.</summary>
    /// <param name="value">The member's value.</param>
    /// <param name="path">The member's path.</param>
    public void Required(object? value, string path)
    {
        if (value is null)
        {
            _errors.Add($"Value null at '{path}' failed to satisfy constraint: Member must not be null");
        }
    }

    /// <summary>Checks a string's length.</summary>
    /// <param name="value">The value; null is not checked.</param>
    /// <param name="path">The member's path.</param>
    /// <param name="min">The shortest allowed length.</param>
    /// <param name="max">The longest allowed length.</param>
    public void Length(string? value, string path, int min, int max)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > max)
        {
            Fail(path, $"Member must have length less than or equal to {max} (its length is {value.Length})");
        }
        else if (value.Length < min)
        {
            Fail(path, $"Member must have length greater than or equal to {min} (its length is {value.Length})");
        }
    }

    /// <summary>Checks a list's item count.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="value">The list; null is not checked.</param>
    /// <param name="path">The member's path.</param>
    /// <param name="min">The fewest items allowed.</param>
    /// <param name="max">The most items allowed.</param>
    public void Count<T>(List<T>? value, string path, int min, int max)
    {
        if (value is null)
        {
            return;
        }

        if (value.Count > max)
        {
            Fail(path, $"Member must have at most {max} items (it has {value.Count})");
        }
        else if (value.Count < min)
        {
            Fail(path, $"Member must have at least {min} items (it has {value.Count})");
        }
    }

    /// <summary>Checks a number's range.</summary>
    /// <param name="value">The value; null is not checked.</param>
    /// <param name="path">The member's path.</param>
    /// <param name="min">The smallest allowed value.</param>
    /// <param name="max">The largest allowed value.</param>
    public void Range(long? value, string path, long min, long max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Fail(path, $"Member must have value between {min} and {max} (it is {v})");
        }
    }

    /// <summary>
    /// Checks an SWF name (domain, type name, version, task list, workflow id, activity id, timer id):
    /// not blank (only whitespace), no <c>:</c>, <c>/</c>, <c>|</c> or control characters, not the
    /// literal <c>arn</c>, and for a domain no leading or trailing whitespace.
    /// </summary>
    /// <remarks>
    /// SWF documents "must not start or end with whitespace" for domains and for the task lists of
    /// polls and child workflows, so a name of only whitespace is never valid there; it names nothing a
    /// person can see (a task list <c>" "</c> is easily mistaken for another), so it is refused for
    /// every name.
    /// </remarks>
    /// <param name="value">The value; null is not checked.</param>
    /// <param name="path">The member's path.</param>
    /// <param name="isDomain">Whether the value names a domain.</param>
    public void SwfName(string? value, string path, bool isDomain)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > 0 && string.IsNullOrWhiteSpace(value))
        {
            Fail(path, "Member must not be blank (it holds only whitespace)");
            return;
        }

        foreach (var c in value)
        {
            if (c is ':' or '/' or '|' || char.IsControl(c))
            {
                Fail(path, $"Member must not contain ':', '/', '|' or control characters (found {Describe(c)})");
                return;
            }
        }

        if (value == "arn")
        {
            Fail(path, "Member must not be the literal string 'arn'");
        }
        else if (isDomain && value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            Fail(path, "Member must not start or end with whitespace");
        }
    }

    /// <summary>Checks a duration: whole seconds as a string, at most one year, or <c>NONE</c>.</summary>
    /// <remarks>
    /// An empty string is not a duration: the model lets optional durations be 0 characters long, but
    /// an empty value can only mean "unset", which is said by leaving the member out. Whether NONE is
    /// allowed depends on the member; callers that forbid it check that themselves.
    /// </remarks>
    /// <param name="value">The value; null is not checked.</param>
    /// <param name="path">The member's path.</param>
    public void Duration(string? value, string path)
    {
        if (value is null || value == "NONE")
        {
            return;
        }

        if (!IsDigits(value) || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            Fail(path, $"Member must be a whole number of seconds or NONE (it is '{Shorten(value)}')");
        }
        else if (seconds > MaxDurationSeconds)
        {
            Fail(path, $"Member must be at most {MaxDurationSeconds} seconds, one year (it is {seconds})");
        }
    }

    /// <summary>Checks a domain's retention period: whole days from 0 to 90, or <c>NONE</c>.</summary>
    /// <param name="value">The value; null is not checked.</param>
    /// <param name="path">The member's path.</param>
    public void RetentionDays(string? value, string path)
    {
        if (value is null || value == "NONE")
        {
            return;
        }

        if (!IsDigits(value) || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days > 90)
        {
            Fail(path, $"Member must be a whole number of days from 0 to 90, or NONE (it is '{Shorten(value)}')");
        }
    }

    /// <summary>Checks a task priority: an integer from <see cref="int.MinValue"/> to <see cref="int.MaxValue"/> as a string.</summary>
    /// <param name="value">The value; null is not checked.</param>
    /// <param name="path">The member's path.</param>
    public void TaskPriority(string? value, string path)
    {
        if (value is not null && !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            Fail(path, $"Member must be an integer from {int.MinValue} to {int.MaxValue} (it is '{Shorten(value)}')");
        }
    }

    /// <summary>Checks a resource tag's key or value: letters, digits, whitespace and <c>_ . : / = + - @</c>.</summary>
    /// <param name="value">The value; null is not checked.</param>
    /// <param name="path">The member's path.</param>
    public void ResourceTagText(string? value, string path)
    {
        if (value is null)
        {
            return;
        }

        foreach (var c in value)
        {
            if (!(char.IsLetterOrDigit(c) || char.IsWhiteSpace(c) || "_.:/=+-@".Contains(c, StringComparison.Ordinal)))
            {
                Fail(path, $"Member must contain only letters, digits, whitespace and _ . : / = + - @ (found {Describe(c)})");
                return;
            }
        }
    }

    private static bool IsDigits(string value)
    {
        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return value.Length > 0;
    }

    private static string Describe(char c) =>
        char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}") : $"'{c}'";

    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "...";
}
