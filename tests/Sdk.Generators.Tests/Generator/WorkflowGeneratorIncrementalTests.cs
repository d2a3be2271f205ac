using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Swf.Generators.Tests.Generator;

public sealed class WorkflowGeneratorIncrementalTests
{
    [Fact]
    public void Run_UnrelatedEdit_ReusesCachedOutputs()
    {
        var compilation = GeneratorHarness.Compile(Sources.Orders);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Shop; internal sealed class Unrelated { public int X => 1; }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCached(result, WorkflowGenerator.StepNames.WorkflowModel);
        AssertAllCached(result, WorkflowGenerator.StepNames.ActivitiesModel);
        AssertAllCached(result, WorkflowGenerator.StepNames.Registration);
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Run_BodyEditInsideWorkflow_KeepsModelUnchanged()
    {
        var compilation = GeneratorHarness.Compile(Sources.Orders);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var newTree = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            tree.ToString().Replace("_approved = approval.Ok;", "_approved = !!approval.Ok;", StringComparison.Ordinal)));

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, newTree)).GetRunResult().Results.Single();

        // The parse step re-runs for the edited file, but produces an equal model, so nothing is re-emitted.
        Assert.All(result.TrackedSteps[WorkflowGenerator.StepNames.WorkflowModel].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Run_SignalAdded_RegeneratesWorkflow()
    {
        var compilation = GeneratorHarness.Compile(Sources.Orders);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var newTree = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            tree.ToString().Replace("[Signal(\"cancel-order\")]", "[Signal] public Task PingAsync() => Task.CompletedTask;\n    [Signal(\"cancel-order\")]", StringComparison.Ordinal)));

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, newTree)).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[WorkflowGenerator.StepNames.WorkflowModel].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    private static void AssertAllCached(GeneratorRunResult result, string step) =>
        Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
}
