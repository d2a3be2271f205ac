namespace Swf.Cli;

/// <summary>
/// A failure the user can act on (a missing file, a file that is not a history, a server that does not
/// answer, a bad option): printed as one clear line, without a stack trace.
/// </summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliException(string message, Exception innerException, int exitCode)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public CliException()
        : this("The command failed.")
    {
    }

    public CliException(string message)
        : this(message, ExitCodes.Error)
    {
    }

    public CliException(string message, Exception innerException)
        : this(message, innerException, ExitCodes.Error)
    {
    }

    /// <summary>Gets the process exit code to end with.</summary>
    public int ExitCode { get; }

    /// <summary>Gets or sets a value indicating whether the command's usage is printed after the message.</summary>
    public bool ShowUsage { get; init; }

    public static CliException Usage(string message) => new(message, ExitCodes.Error) { ShowUsage = true };
}
