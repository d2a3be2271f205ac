namespace Swf.Workflows;

/// <summary>Checks of option values against SWF's constraints, so a bad value fails at the call that gave it, naming the option.</summary>
internal static class OptionChecks
{
    /// <summary>The longest name SWF accepts (workflow id, task list, timer id, tag).</summary>
    public const int MaxNameLength = 256;

    /// <summary>Checks an SWF name: 1 to 256 characters, no <c>:</c>, <c>/</c>, <c>|</c> or control characters, not <c>arn</c>.</summary>
    /// <param name="value">The value; null is not checked.</param>
    /// <param name="option">The option's name, for the message.</param>
    public static void Name(string? value, string option)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException($"{option} must have 1 to {MaxNameLength} characters (it has {value.Length}).", option);
        }

        foreach (var c in value)
        {
            if (c is ':' or '/' or '|' || char.IsControl(c))
            {
                throw new ArgumentException($"{option} must not contain ':', '/', '|' or control characters: '{value}'.", option);
            }
        }

        if (value == "arn")
        {
            throw new ArgumentException($"{option} must not be the literal string 'arn'.", option);
        }
    }

    /// <summary>Checks a timeout: positive (SWF counts whole seconds, so it is rounded up), at most one year, or infinite.</summary>
    /// <param name="value">The value; null is not checked.</param>
    /// <param name="option">The option's name, for the message.</param>
    public static void Timeout(TimeSpan? value, string option)
    {
        if (value is not { } v || v == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return;
        }

        if (v <= TimeSpan.Zero || v > TimeSpan.FromDays(365))
        {
            throw new ArgumentOutOfRangeException(option, v, $"{option} must be positive and at most 365 days (or Timeout.InfiniteTimeSpan).");
        }
    }

    /// <summary>Checks a tag list: at most 5 tags of at most 256 characters.</summary>
    /// <param name="tags">The tags; null is not checked.</param>
    /// <param name="option">The option's name, for the message.</param>
    public static void Tags(ICollection<string>? tags, string option)
    {
        if (tags is null)
        {
            return;
        }

        if (tags.Count > ChildWorkflowOptions.MaxTags)
        {
            throw new ArgumentException($"{option} has {tags.Count} tags; SWF accepts at most {ChildWorkflowOptions.MaxTags}.", option);
        }

        foreach (var tag in tags)
        {
            if (tag is null || tag.Length > MaxNameLength)
            {
                throw new ArgumentException($"{option} holds a tag that is null or longer than {MaxNameLength} characters.", option);
            }
        }
    }
}
