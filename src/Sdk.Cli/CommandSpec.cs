namespace Swf.Cli;

/// <summary>The options one command takes, for parsing and for its usage text.</summary>
internal sealed class CommandSpec
{
    private readonly List<OptionSpec> _options = [];

    public IReadOnlyList<OptionSpec> Options => _options;

    public CommandSpec Value(string name, string valueName, string description, string? alias = null)
    {
        _options.Add(new OptionSpec(name, alias, valueName, description));
        return this;
    }

    public CommandSpec Flag(string name, string description, string? alias = null)
    {
        _options.Add(new OptionSpec(name, alias, null, description));
        return this;
    }

    public OptionSpec? Find(string name) => _options.Find(o => o.Name == name || o.Alias == name);

    public void WriteOptions(TextWriter writer)
    {
        if (_options.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("Options:");
        var rows = _options.Select(o => (Left: (o.Alias is null ? string.Empty : o.Alias + ", ") + o.Name + (o.IsFlag ? string.Empty : " " + o.ValueName), o.Description)).ToList();
        var width = rows.Max(r => r.Left.Length) + 2;
        foreach (var (left, description) in rows)
        {
            writer.WriteLine("  " + left.PadRight(width) + description);
        }

        writer.WriteLine("  " + "-h, --help".PadRight(width) + "Show this help.");
    }
}

/// <summary>One option of a command.</summary>
/// <param name="Name">The long name, such as <c>--domain</c>.</param>
/// <param name="Alias">A short alias, such as <c>-o</c>, or null.</param>
/// <param name="ValueName">What the value is, for the usage text; null for a flag.</param>
/// <param name="Description">One line of help.</param>
internal sealed record OptionSpec(string Name, string? Alias, string? ValueName, string Description)
{
    public bool IsFlag => ValueName is null;
}
