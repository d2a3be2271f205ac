using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Swf.Generators.Roslyn48.Tests;

/// <summary>The code fixes, loaded from their file, rewrite a trap through Workspaces 4.8.</summary>
public sealed class DeterminismCodeFixProviderTests
{
    private const string Source = """
        using System;
        using System.Threading.Tasks;
        using Swf.Workflows;

        [Workflow]
        public partial class W
        {
            [WorkflowRun]
            public async Task RunAsync()
            {
                var now = DateTime.UtcNow;
                await Workflow.DelayAsync(now.TimeOfDay);
            }
        }
        """;

    [Fact]
    public async Task Fix_DateTimeUtcNow_RewritesToWorkflowUtcNow()
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Fix",
            "Fix",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: Roslyn48Harness.ParseOptions,
            metadataReferences: Roslyn48Harness.References));
        var document = workspace.AddDocument(project.Id, "W.cs", SourceText.From(Source));
        var analyzers = Roslyn48Harness.Open(Roslyn48Harness.GeneratorAssembly).GetAnalyzers(LanguageNames.CSharp);
        var diagnostic = Assert.Single(await (await document.Project.GetCompilationAsync())!.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync());
        var provider = LoadProvider();
        var actions = new List<CodeAction>();

        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));

        var operations = await Assert.Single(actions).GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        var text = (await changed.GetTextAsync()).ToString();
        Assert.Contains("var now = Workflow.UtcNow;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DateTime.UtcNow", text, StringComparison.Ordinal);
    }

    /// <summary>Finds the provider in the code-fix assembly by its export attribute, as an IDE's MEF catalog does.</summary>
    private static CodeFixProvider LoadProvider()
    {
        var assembly = System.Reflection.Assembly.LoadFrom(Roslyn48Harness.PathOf(Roslyn48Harness.CodeFixesAssembly));
        var type = Assert.Single(assembly.GetTypes(), t => t.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), inherit: false).Length > 0);
        return (CodeFixProvider)Activator.CreateInstance(type)!;
    }
}
