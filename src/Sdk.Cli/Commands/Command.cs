namespace Swf.Cli.Commands;

/// <summary>One <c>swf</c> command: its words, options, help and action.</summary>
internal abstract class Command
{
    /// <summary>Gets the command's words, such as <c>history get</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Gets one line that says what the command does.</summary>
    public abstract string Summary { get; }

    /// <summary>Gets the synopsis, such as <c>swf history show FILE</c>.</summary>
    public abstract string Synopsis { get; }

    /// <summary>Gets the options the command takes.</summary>
    public abstract CommandSpec Spec { get; }

    /// <summary>Gets a paragraph of help after the synopsis, or null.</summary>
    public virtual string? Details => null;

    /// <summary>Runs the command.</summary>
    /// <returns>The exit code.</returns>
    public abstract Task<int> RunAsync(CommandLine line, CliContext context);

    public void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("Usage: " + Synopsis);
        writer.WriteLine();
        writer.WriteLine(Summary);
        if (Details is { } details)
        {
            writer.WriteLine();
            writer.WriteLine(details);
        }

        Spec.WriteOptions(writer);
    }
}
