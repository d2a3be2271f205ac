using System.Reflection;
using System.Runtime.Loader;

namespace Swf.Cli.Replay;

/// <summary>
/// Loads a workflow assembly and its dependencies from the assembly's folder (through its
/// <c>.deps.json</c>), except the assemblies this tool already runs on (Swf.Sdk, its dependencies and
/// the framework), which come from the default context. So the user's workflows and the tool share one
/// Swf.Sdk: one <c>WorkflowDefinition</c> type, one <c>SwfRegistry</c>.
/// </summary>
internal sealed class WorkflowLoadContext : AssemblyLoadContext
{
    private static readonly Lazy<HashSet<string>> Shared = new(SharedAssemblyNames);
    private readonly AssemblyDependencyResolver _resolver;

    public WorkflowLoadContext(string mainAssemblyPath)
        : base("swf replay: " + Path.GetFileName(mainAssemblyPath))
    {
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is { } name && Shared.Value.Contains(name))
        {
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private static HashSet<string> SharedAssemblyNames()
    {
        // The trusted platform assemblies are what the default context can load: the framework and the
        // tool's own dependencies, Swf.Sdk among them.
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
        {
            foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                names.Add(Path.GetFileNameWithoutExtension(path));
            }
        }

        names.Add(typeof(Swf.Workflows.WorkflowDefinition).Assembly.GetName().Name!);
        return names;
    }
}
