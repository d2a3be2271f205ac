using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Swf.Generators.Roslyn48.Tests;

/// <summary>
/// Loads the analyzer assemblies from their files through <see cref="AnalyzerFileReference"/>, as a
/// compiler does, and compiles against the assemblies this process loaded (no download at test time).
/// </summary>
internal static class Roslyn48Harness
{
    public const string GeneratorAssembly = "Swf.Sdk.Generators.dll";

    public const string CodeFixesAssembly = "Swf.Sdk.CodeFixes.dll";

    /// <summary>The newest compiler the analyzer assemblies may reference: the .NET 8 SDK 8.0.1xx's.</summary>
    public static readonly Version OldestSupportedRoslyn = new(4, 8, 0, 0);

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll" or "Microsoft.Extensions.Logging.Abstractions.dll"
                || Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal))
            .Append(typeof(Workflows.Workflow).Assembly.Location)
            .Distinct(StringComparer.Ordinal);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static string PathOf(string assemblyFile) => Path.Combine(AppContext.BaseDirectory, assemblyFile);

    /// <summary>Opens an analyzer assembly by path and fails on any load error the compiler would only log.</summary>
    public static AnalyzerFileReference Open(string assemblyFile)
    {
        var reference = new AnalyzerFileReference(PathOf(assemblyFile), new FileLoader());
        var failures = new List<string>();
        reference.AnalyzerLoadFailed += (_, e) => failures.Add($"{e.ErrorCode} {e.TypeName}: {e.Message}");
        _ = reference.GetGenerators(LanguageNames.CSharp);
        _ = reference.GetAnalyzers(LanguageNames.CSharp);
        Assert.True(failures.Count == 0, $"{assemblyFile} failed to load on Roslyn {typeof(Compilation).Assembly.GetName().Version}:\n" + string.Join("\n", failures));
        return reference;
    }

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Roslyn48Samples",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs the analyzers of the generator assembly (after generation) over the sources.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(params string[] sources)
    {
        var reference = Open(GeneratorAssembly);
        CSharpGeneratorDriver.Create(reference.GetGenerators(LanguageNames.CSharp), parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(Compile(sources), out var output, out _);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The source does not compile:\n" + string.Join("\n", errors));
        return await output.WithAnalyzers(reference.GetAnalyzers(LanguageNames.CSharp)).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>Loads by path, as the compiler's own loader does; the assemblies are already beside the tests.</summary>
    private sealed class FileLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
