using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Swf.Cli.Commands;

/// <summary>
/// Builds the kinds of options the commands share, each with its parsing and validation, so that a bad value is
/// reported by the parser, naming the option, before any command runs.
/// </summary>
/// <remarks>
/// Values are parsed by <see cref="Option{T}.CustomParser"/> delegates rather than by System.CommandLine's
/// type-driven conversion: one message says both "not a number" and "out of range", and nothing is bound by reflection.
/// </remarks>
internal static class CliOptions
{
    /// <summary>An option that is on when given and takes no value (<c>--full true</c> leaves <c>true</c> a positional argument).</summary>
    public static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>An option whose value is any text.</summary>
    public static Option<string?> Text(string name, string helpName, string description, string? alias = null) =>
        new(name, alias is null ? [] : [alias]) { Description = description, HelpName = helpName };

    /// <summary>An option whose value is any text, with a default shown in the help.</summary>
    public static Option<string> TextWithDefault(string name, string helpName, string description, string defaultValue) =>
        new(name) { Description = description, HelpName = helpName, DefaultValueFactory = _ => defaultValue };

    /// <summary>An option that must be given, with a value that is not empty.</summary>
    public static Option<string> Required(string name, string helpName, string description)
    {
        var option = new Option<string>(name) { Description = description, HelpName = helpName, Required = true };
        option.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value.Length: 0 }])
            {
                result.AddError($"The option {name} needs a value that is not empty.");
            }
        });
        return option;
    }

    /// <summary>An optional whole number from <paramref name="min"/> to <paramref name="max"/>; null when not given.</summary>
    public static Option<int?> WholeNumber(string name, string helpName, string description, int min, int max) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result => ParseWholeNumber(result, name, min, max),
        };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, with a default shown in the help.</summary>
    public static Option<int> WholeNumber(string name, string helpName, string description, int min, int max, int defaultValue) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => ParseWholeNumber(result, name, min, max) ?? defaultValue,
        };

    /// <summary>A number of seconds above 0 and at most <paramref name="max"/>, with a default shown in the help.</summary>
    public static Option<double> Seconds(string name, string description, double max, double defaultValue) =>
        new(name)
        {
            Description = description,
            HelpName = "SECONDS",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                if (result.Tokens is not [var token])
                {
                    return defaultValue;
                }

                if (double.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= max)
                {
                    return value;
                }

                result.AddError($"The option {name} must be a number of seconds above 0 and at most {max.ToString(CultureInfo.InvariantCulture)}; it is '{token.Value}'.");
                return defaultValue;
            },
        };

    /// <summary>An optional absolute <c>http://</c> or <c>https://</c> URL; null when not given.</summary>
    public static Option<Uri?> HttpUrl(string name, string description) =>
        new(name)
        {
            Description = description,
            HelpName = "URL",
            CustomParser = result =>
            {
                if (result.Tokens is not [var token])
                {
                    return null;
                }

                if (Uri.TryCreate(token.Value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
                {
                    return url;
                }

                result.AddError($"The option {name} must be an http:// or https:// URL; it is '{token.Value}'.");
                return null;
            },
        };

    /// <summary>An optional point in time, as an age back from now or as a date; null when not given.</summary>
    public static Option<SinceValue?> Since(string name, string description) =>
        new(name)
        {
            Description = description,
            HelpName = "WHEN",
            CustomParser = result =>
            {
                if (result.Tokens is not [var token])
                {
                    return null;
                }

                if (SinceValue.Parse(token.Value) is { } value)
                {
                    return value;
                }

                result.AddError($"The option {name} must be {SinceValue.Forms}; it is '{token.Value}'.");
                return null;
            },
        };

    /// <summary>An option that may be given several times, each with one value.</summary>
    public static Option<string[]> Repeated(string name, string helpName, string description) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };

    private static int? ParseWholeNumber(ArgumentResult result, string name, int min, int max)
    {
        if (result.Tokens is not [var token])
        {
            return null;
        }

        if (int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError(
            $"The option {name} must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}; it is '{token.Value}'.");
        return null;
    }
}
