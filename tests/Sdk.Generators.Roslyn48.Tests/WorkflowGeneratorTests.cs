using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Swf.Generators.Tests.Generator;

namespace Swf.Generators.Roslyn48.Tests;

/// <summary>The generator, loaded from its file on Roslyn 4.8, emits exactly the golden files and output that compiles cleanly.</summary>
public sealed class WorkflowGeneratorTests
{
    [Fact]
    public void Generate_Orders_MatchesBaselinesWithoutDiagnostics()
    {
        var generators = Roslyn48Harness.Open(Roslyn48Harness.GeneratorAssembly).GetGenerators(LanguageNames.CSharp);
        var generator = Assert.Single(generators);

        var driver = CSharpGeneratorDriver.Create(generators, parseOptions: Roslyn48Harness.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(Roslyn48Harness.Compile(Sources.Orders), out var output, out var driverDiagnostics);
        var result = driver.GetRunResult();

        Assert.Empty(driverDiagnostics);
        Assert.Empty(result.Diagnostics);
        var run = Assert.Single(result.Results);
        Assert.Null(run.Exception);
        Assert.Equal(
            ["Shop.IPaymentActivities.Activities.g.cs", "Shop.OrderWorkflow.Client.g.cs", "Shop.OrderWorkflow.Workflow.g.cs", "Swf.Generated.GeneratedSwfTypes.g.cs"],
            run.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
        var version = generator.GetGeneratorType().Assembly.GetName().Version!.ToString();
        AssertBaseline("OrderWorkflow.Workflow", Source(run, "Shop.OrderWorkflow.Workflow.g.cs"), version);
        AssertBaseline("OrderWorkflow.Client", Source(run, "Shop.OrderWorkflow.Client.g.cs"), version);
        AssertBaseline("PaymentActivities.Activities", Source(run, "Shop.IPaymentActivities.Activities.g.cs"), version);
        AssertBaseline("Orders.Registration", Source(run, "Swf.Generated.GeneratedSwfTypes.g.cs"), version);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "The output does not compile cleanly on Roslyn 4.8:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Generate_WorkflowNotPartial_ReportsSwf1001()
    {
        var generators = Roslyn48Harness.Open(Roslyn48Harness.GeneratorAssembly).GetGenerators(LanguageNames.CSharp);
        const string source = """
            using System.Threading.Tasks;
            using Swf.Workflows;

            [Workflow(DefaultsRegisteredElsewhere = true)]
            public class W
            {
                [WorkflowRun]
                public Task RunAsync() => Task.CompletedTask;
            }
            """;

        var result = CSharpGeneratorDriver.Create(generators, parseOptions: Roslyn48Harness.ParseOptions)
            .RunGenerators(Roslyn48Harness.Compile(source)).GetRunResult();

        Assert.Equal("SWF1001", Assert.Single(result.Diagnostics).Id);
    }

    private static string Source(GeneratorRunResult run, string hintName) =>
        run.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    private static void AssertBaseline(string name, string actual, string version)
    {
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Baselines", name + ".g.cs.txt")).Replace("\r\n", "\n", StringComparison.Ordinal);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal).Replace($"\"{version}\"", "\"%VERSION%\"", StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }
}
