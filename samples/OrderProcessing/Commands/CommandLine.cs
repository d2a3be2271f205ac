using Microsoft.Extensions.Configuration;

namespace OrderProcessing.Commands;

/// <summary>
/// The command line: a command (<c>demo</c> when none is given), its operands, and the options as
/// configuration. <c>--endpoint</c>, <c>--region</c>, <c>--profile</c>, <c>--domain</c> and <c>--db</c>
/// are short for the <c>Swf:</c> and <c>Orders:</c> settings; any setting can be given as
/// <c>--Section:Key value</c> or as an environment variable <c>ORDERS_Section__Key</c>.
/// </summary>
public sealed class CommandLine
{
    private static readonly Dictionary<string, string> Shorthands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--db"] = "Orders:Database:Path",
        ["--domain"] = "Swf:Domain",
        ["--endpoint"] = "Swf:Connection:Endpoint",
        ["--profile"] = "Swf:Connection:Profile",
        ["--region"] = "Swf:Connection:Region",
    };

    private static readonly Dictionary<string, string?> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Swf:Domain"] = "order-processing",
        ["Swf:DomainRetentionDays"] = "1",
    };

    private CommandLine(string command, IReadOnlyList<string> operands, IConfiguration configuration)
    {
        Command = command;
        Operands = operands;
        Configuration = configuration;
    }

    /// <summary>Gets the command.</summary>
    public string Command { get; }

    /// <summary>Gets the arguments that are not options, after the command.</summary>
    public IReadOnlyList<string> Operands { get; }

    /// <summary>Gets the settings: defaults, then environment variables, then options.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>Gets a value indicating whether no endpoint or region was given, so the embedded engine runs in this process.</summary>
    public bool UsesLocalEngine =>
        string.IsNullOrEmpty(Configuration["Swf:Connection:Endpoint"]) && string.IsNullOrEmpty(Configuration["Swf:Connection:Region"]);

    /// <summary>Gets a readable name of where SWF is.</summary>
    public string Target =>
        Configuration["Swf:Connection:Endpoint"] is { Length: > 0 } endpoint ? endpoint
        : Configuration["Swf:Connection:Region"] is { Length: > 0 } region ? $"AWS {region}" + (Configuration["Swf:Connection:Profile"] is { Length: > 0 } profile ? $" (profile {profile})" : string.Empty)
        : "the embedded engine";

    /// <summary>Parses the arguments.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The command line.</returns>
    public static CommandLine Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = "demo";
        var start = 0;
        if (args.Length > 0 && !args[0].StartsWith('-'))
        {
            command = args[0];
            start = 1;
        }

        var operands = new List<string>();
        var options = new List<string>();
        for (var i = start; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                operands.Add(arg);
            }
            else if (arg.Contains('=', StringComparison.Ordinal))
            {
                options.Add(arg);
            }
            else
            {
                // "--flag" alone (or before another option) means true.
                options.Add(arg);
                options.Add(i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true");
            }
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Defaults)
            .AddEnvironmentVariables("ORDERS_")
            .AddCommandLine([.. options], Shorthands)
            .Build();
        return new CommandLine(command, operands, configuration);
    }

    /// <summary>Returns the same command line with settings that apply unless the user gave them.</summary>
    /// <param name="defaults">The settings.</param>
    /// <returns>The command line.</returns>
    public CommandLine WithDefaults(IDictionary<string, string?> defaults) =>
        new(Command, Operands, new ConfigurationBuilder().AddInMemoryCollection(defaults).AddConfiguration(Configuration).Build());

    /// <summary>Returns an operand.</summary>
    /// <param name="index">Its position.</param>
    /// <param name="name">Its name, for the error.</param>
    /// <returns>The operand.</returns>
    /// <exception cref="UsageException">It is missing.</exception>
    public string Operand(int index, string name) =>
        index < Operands.Count ? Operands[index] : throw new UsageException($"{Command}: missing {name}");
}
