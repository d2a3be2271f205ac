namespace Swf.Cli;

/// <summary>The exit codes of <c>swf</c>, as <c>diff</c> has them.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked and found nothing wrong.</summary>
    public const int Success = 0;

    /// <summary>The command ran and found something: histories that differ, or a non-deterministic replay.</summary>
    public const int Found = 1;

    /// <summary>The command could not run: bad options, a missing or unreadable file, an unknown workflow type, a server that did not answer.</summary>
    public const int Error = 2;
}
