namespace Swf.LocalServer;

/// <summary>What <see cref="LocalServerCommand.Parse"/> made of a command line: the server's settings, or what is wrong with it.</summary>
public sealed class LocalServerParseResult
{
    internal LocalServerParseResult(SwfLocalServerOptions? options, IReadOnlyList<string> errors)
    {
        Options = options;
        Errors = errors;
    }

    /// <summary>
    /// Gets the settings the command line asks for; null when it has <see cref="Errors"/> or asks for
    /// something other than running a server (<c>--help</c>, <c>--version</c>, a completion directive).
    /// </summary>
    public SwfLocalServerOptions? Options { get; }

    /// <summary>Gets the problems found, each naming the option it is about; empty when the command line is valid.</summary>
    public IReadOnlyList<string> Errors { get; }
}
