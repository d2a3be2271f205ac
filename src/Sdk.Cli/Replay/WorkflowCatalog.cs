using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using Swf.Converters;
using Swf.Payloads;
using Swf.Workflows;

namespace Swf.Cli.Replay;

/// <summary>
/// The workflow definitions compiled into an assembly, found in this order (the first definition of a
/// workflow type wins):
/// <list type="number">
/// <item>those the Swf.Sdk source generator registered in <c>Swf.Registration.SwfRegistry</c> from the
/// assembly's module initializer (run when the assembly is loaded);</item>
/// <item>public static properties and fields of type <see cref="WorkflowDefinition"/> on public types;</item>
/// <item>public static parameterless methods on public types that return <c>IEnumerable&lt;WorkflowDefinition&gt;</c>.</item>
/// </list>
/// </summary>
internal sealed class WorkflowCatalog
{
    private const string RegistryTypeName = "Swf.Registration.SwfRegistry";
    private readonly Dictionary<(string Name, string Version), WorkflowDefinition> _definitions = [];

    private WorkflowCatalog(string path, Assembly assembly)
    {
        Path = path;
        Assembly = assembly;
    }

    public string Path { get; }

    public Assembly Assembly { get; }

    public List<string> Warnings { get; } = [];

    public IEnumerable<WorkflowDefinition> Definitions => _definitions.Values;

    /// <summary>Loads an assembly and finds its workflow definitions.</summary>
    /// <param name="path">The assembly's path.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="CliException">The file is missing or not a .NET assembly, or it cannot be loaded.</exception>
    [RequiresUnreferencedCode("Finds workflow definitions by reflection over a user's assembly.")]
    public static WorkflowCatalog Load(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new CliException($"{path}: no such assembly.");
        }

        Assembly assembly;
        try
        {
            assembly = new WorkflowLoadContext(fullPath).LoadFromAssemblyPath(fullPath);
        }
        catch (BadImageFormatException ex)
        {
            throw new CliException($"{path} is not a .NET assembly: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is FileLoadException or IOException)
        {
            throw new CliException($"{path} cannot be loaded: {ex.Message}", ex);
        }

        var catalog = new WorkflowCatalog(path, assembly);
        catalog.RunModuleInitializer();
        catalog.AddFromRegistry();
        var types = catalog.PublicTypes();
        catalog.AddFromMembers(types);
        catalog.AddFromMethods(types);
        return catalog;
    }

    public WorkflowDefinition? Find(string name, string version) => _definitions.GetValueOrDefault((name, version));

    public string DescribeTypes() =>
        _definitions.Count == 0
            ? "none"
            : string.Join(", ", _definitions.Keys.Order().Select(k => $"{k.Name}/{k.Version}"));

    /// <summary>Creates the payload converter named by a type of the assembly: its static <c>Instance</c> or <c>Default</c>, else a new one.</summary>
    /// <param name="typeName">The type's full name, or its simple name when that is unique.</param>
    /// <returns>The converter.</returns>
    /// <exception cref="CliException">There is no such type, it is not an <see cref="IPayloadConverter"/>, or it cannot be created.</exception>
    [RequiresUnreferencedCode("Creates a user's converter by reflection.")]
    public IPayloadConverter CreatePayloadConverter(string typeName)
    {
        var candidates = Assembly.GetType(typeName) is { } exact
            ? [exact]
            : PublicTypes().Where(t => t.Name == typeName).ToList();
        if (candidates.Count != 1)
        {
            throw new CliException(candidates.Count == 0
                ? $"{Path} has no type {typeName} to use as the payload converter."
                : $"{Path} has several types named {typeName}; give the full name.");
        }

        var type = candidates[0];
        if (!typeof(IPayloadConverter).IsAssignableFrom(type))
        {
            throw new CliException($"{type.FullName} is not an {nameof(IPayloadConverter)}.");
        }

        var shared = type.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static) ?? type.GetProperty("Default", BindingFlags.Public | BindingFlags.Static);
        try
        {
            return (shared?.GetValue(null) as IPayloadConverter)
                ?? (type.GetConstructor(Type.EmptyTypes) is { } constructor
                    ? (IPayloadConverter)constructor.Invoke(null)
                    : throw new CliException($"{type.FullName} has no public static Instance or Default and no public parameterless constructor."));
        }
        catch (TargetInvocationException ex)
        {
            throw new CliException($"Creating the payload converter {type.FullName} failed: {(ex.InnerException ?? ex).Message}", ex);
        }
    }

    /// <summary>
    /// Finds the payload pipeline named by a type of the assembly: its one public static property or field of type
    /// <see cref="PayloadPipeline"/> (such as <c>public static PayloadPipeline Pipeline { get; } = ...</c>).
    /// </summary>
    /// <param name="typeName">The type's full name, or its simple name when that is unique.</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="CliException">There is no such type, or it has no such member or several.</exception>
    [RequiresUnreferencedCode("Reads a user's pipeline by reflection.")]
    public PayloadPipeline CreatePayloadPipeline(string typeName)
    {
        var candidates = Assembly.GetType(typeName) is { } exact
            ? [exact]
            : PublicTypes().Where(t => t.Name == typeName).ToList();
        if (candidates.Count != 1)
        {
            throw new CliException(candidates.Count == 0
                ? $"{Path} has no type {typeName} to take the payload pipeline from."
                : $"{Path} has several types named {typeName}; give the full name.");
        }

        var type = candidates[0];
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == typeof(PayloadPipeline)).Cast<MemberInfo>()
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(PayloadPipeline)))
            .ToList();
        if (members.Count != 1)
        {
            throw new CliException($"{type.FullName} must have exactly one public static property or field of type {nameof(PayloadPipeline)}; it has {members.Count}.");
        }

        try
        {
            var value = members[0] is PropertyInfo property ? property.GetValue(null) : ((FieldInfo)members[0]).GetValue(null);
            return value as PayloadPipeline ?? throw new CliException($"{type.FullName}.{members[0].Name} is null.");
        }
        catch (TargetInvocationException ex)
        {
            throw new CliException($"Reading the payload pipeline {type.FullName}.{members[0].Name} failed: {(ex.InnerException ?? ex).Message}", ex);
        }
    }

    private void RunModuleInitializer()
    {
        try
        {
            RuntimeHelpers.RunModuleConstructor(Assembly.ManifestModule.ModuleHandle);
        }
        catch (TypeInitializationException ex)
        {
            Warnings.Add($"the module initializer of {Path} failed, so generated registrations may be missing " +
                $"(was it built against another version of Swf.Sdk?): {(ex.InnerException ?? ex).Message}");
        }
    }

    private void AddFromRegistry()
    {
        // Looked up by name: the registry ships with the source generator's runtime half, which an older
        // Swf.Sdk lacks.
        var registry = typeof(WorkflowDefinition).Assembly.GetType(RegistryTypeName);
        if (registry?.GetProperty("WorkflowDefinitions", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is IEnumerable definitions)
        {
            foreach (var definition in definitions.OfType<WorkflowDefinition>())
            {
                Add(definition);
            }
        }
    }

    [RequiresUnreferencedCode("Reflects over a user's assembly.")]
    private Type[] PublicTypes()
    {
        try
        {
            return Assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            Warnings.Add($"some types of {Path} could not be loaded: {ex.LoaderExceptions.FirstOrDefault()?.Message}");
            return [.. ex.Types.OfType<Type>().Where(t => t.IsPublic || t.IsNestedPublic)];
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or TypeLoadException)
        {
            throw new CliException($"{Path} cannot be loaded: {ex.Message}", ex);
        }
    }

    [RequiresUnreferencedCode("Reflects over a user's assembly.")]
    private void AddFromMembers(Type[] types)
    {
        foreach (var type in types)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Static))
            {
                if (property.PropertyType == typeof(WorkflowDefinition) && property.GetIndexParameters().Length == 0)
                {
                    Add(Invoke(() => property.GetValue(null), $"{type.FullName}.{property.Name}") as WorkflowDefinition);
                }
            }

            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (field.FieldType == typeof(WorkflowDefinition))
                {
                    Add(Invoke(() => field.GetValue(null), $"{type.FullName}.{field.Name}") as WorkflowDefinition);
                }
            }
        }
    }

    [RequiresUnreferencedCode("Reflects over a user's assembly.")]
    private void AddFromMethods(Type[] types)
    {
        foreach (var type in types)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static))
            {
                if (method.GetParameters().Length == 0 && !method.IsGenericMethodDefinition && !method.IsSpecialName
                    && typeof(IEnumerable<WorkflowDefinition>).IsAssignableFrom(method.ReturnType))
                {
                    if (Invoke(() => method.Invoke(null, null), $"{type.FullName}.{method.Name}()") is IEnumerable<WorkflowDefinition> definitions)
                    {
                        foreach (var definition in definitions)
                        {
                            Add(definition);
                        }
                    }
                }
            }
        }
    }

    private object? Invoke(Func<object?> get, string member)
    {
        try
        {
            return get();
        }
        catch (TargetInvocationException ex)
        {
            Warnings.Add($"{member} threw {(ex.InnerException ?? ex).GetType().Name}: {(ex.InnerException ?? ex).Message}");
            return null;
        }
    }

    private void Add(WorkflowDefinition? definition)
    {
        if (definition?.WorkflowType is { Name: { } name, Version: { } version })
        {
            _definitions.TryAdd((name, version), definition);
        }
    }
}
