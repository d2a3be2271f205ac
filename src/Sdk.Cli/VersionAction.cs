using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Swf.Cli;

/// <summary>
/// What <c>swf --version</c> does: prints this tool's version. System.CommandLine's own action prints the entry
/// assembly's, which is the test host's when <see cref="Cli"/> runs in process.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <inheritdoc/>
    public override bool ClearsParseErrors => true;

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var version = typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        parseResult.InvocationConfiguration.Output.WriteLine(version);
        return ExitCodes.Success;
    }
}
