using System.Globalization;

namespace Swf.Cli;

/// <summary>
/// The options and arguments of one command: <c>--name value</c>, <c>--name=value</c>, short aliases
/// such as <c>-o value</c>, flags, and positional arguments (everything after <c>--</c> is positional).
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];

    private CommandLine()
    {
    }

    public IReadOnlyList<string> Positionals => _positionals;

    public bool Help { get; private set; }

    /// <summary>Parses a command's arguments.</summary>
    /// <param name="args">The arguments after the command's words.</param>
    /// <param name="spec">The options the command takes.</param>
    /// <exception cref="CliException">An unknown option, a missing value, or an option given twice.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args, CommandSpec spec)
    {
        var result = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                result._positionals.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg is "-h" or "--help" or "-?")
            {
                result.Help = true;
                continue;
            }

            if (arg.Length < 2 || arg[0] != '-')
            {
                result._positionals.Add(arg);
                continue;
            }

            string name;
            string? inline = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                inline = arg[(equals + 1)..];
            }
            else
            {
                name = arg;
            }

            var option = spec.Find(name) ?? throw CliException.Usage($"Unknown option {name}.");
            if (option.IsFlag)
            {
                if (inline is not null)
                {
                    throw CliException.Usage($"The option {option.Name} takes no value.");
                }

                result._flags.Add(option.Name);
                continue;
            }

            var value = inline;
            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw CliException.Usage($"The option {option.Name} needs a value ({option.ValueName}).");
                }

                value = args[++i];
            }

            if (!result._values.TryAdd(option.Name, value))
            {
                throw CliException.Usage($"The option {option.Name} is given more than once.");
            }
        }

        return result;
    }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw CliException.Usage($"The option {name} is required.");

    public bool Flag(string name) => _flags.Contains(name);

    public int? Int(string name, int min, int max)
    {
        if (Value(name) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw CliException.Usage($"The option {name} must be a whole number from {min} to {max}; it is '{text}'.");
    }

    public double? Seconds(string name)
    {
        if (Value(name) is not { } text)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= 3600
            ? value
            : throw CliException.Usage($"The option {name} must be a number of seconds above 0 and at most 3600; it is '{text}'.");
    }
}
