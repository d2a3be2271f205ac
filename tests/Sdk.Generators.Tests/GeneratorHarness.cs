using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Swf.Generators.Tests;

/// <summary>
/// Runs the generator and analyzers in memory against the assemblies this test process loaded (the
/// runtime's trusted platform assemblies plus Swf.Sdk), so nothing is downloaded while tests run.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll" or "Microsoft.Extensions.Logging.Abstractions.dll")
            .Append(typeof(Workflows.Workflow).Assembly.Location)
            .Distinct(StringComparer.Ordinal);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Samples",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new WorkflowGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator over the sources; returns its run result and the compilation with the generated files.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(params string[] sources)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(Compile(sources), out var output, out _);
        return (driver.GetRunResult(), output);
    }

    /// <summary>Runs the generator and demands no diagnostics, neither from it nor from compiling its output.</summary>
    public static GeneratorDriverRunResult RunClean(params string[] sources)
    {
        var (result, output) = Run(sources);
        Assert.Empty(result.Diagnostics);
        var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, "The output does not compile cleanly:\n" + string.Join("\n", errors));
        return result;
    }

    /// <summary>Returns the generator's diagnostics for the sources.</summary>
    public static ImmutableArray<Diagnostic> GeneratorDiagnostics(params string[] sources) => Run(sources).Result.Diagnostics;

    /// <summary>Runs analyzers over the sources (after generation) and returns their diagnostics.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(DiagnosticAnalyzer analyzer, params string[] sources)
    {
        var (_, output) = Run(sources);
        // CS0534, CS7036: a JsonSerializerContext is only complete once System.Text.Json's own generator ran, which this harness does not run.
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id is not ("CS0534" or "CS7036")).ToList();
        Assert.True(errors.Count == 0, "The source does not compile:\n" + string.Join("\n", errors));
        return await output.WithAnalyzers([analyzer]).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>
    /// Compares text with Baselines/{name}.g.cs.txt (the generator version written as %VERSION%, newlines
    /// normalised) and fails with a line-by-line diff; with UPDATE_BASELINES=1 it rewrites the file instead.
    /// </summary>
    public static void AssertBaseline(string name, string actual)
    {
        var version = typeof(WorkflowGenerator).Assembly.GetName().Version!.ToString();
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal).Replace($"\"{version}\"", "\"%VERSION%\"", StringComparison.Ordinal);
        // Baselines are read from the output folder (copied there by the build) and rewritten in the
        // source folder, found through this file's path at compile time.
        var path = Path.Combine(AppContext.BaseDirectory, "Baselines", name + ".g.cs.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "Baselines", name + ".g.cs.txt"), actual);
            return;
        }

        Assert.True(File.Exists(path), $"No baseline {path}; run the tests with UPDATE_BASELINES=1 to write it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var diff = new List<string>();
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length) && diff.Count < 40; i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<missing>";
            var a = i < actualLines.Length ? actualLines[i] : "<missing>";
            if (e != a)
            {
                diff.Add($"line {i + 1}:\n  - {e}\n  + {a}");
            }
        }

        Assert.Fail($"{name} differs from {Path.GetFullPath(path)} (set UPDATE_BASELINES=1 to accept the new output):\n{string.Join("\n", diff)}");
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
