namespace Swf.Generators.Tests.Generator;

public sealed class WorkflowGeneratorBaselineTests
{
    [Theory]
    [InlineData("Shop.OrderWorkflow.Workflow.g.cs", "OrderWorkflow.Workflow")]
    [InlineData("Shop.OrderWorkflow.Client.g.cs", "OrderWorkflow.Client")]
    [InlineData("Shop.OrderWorkflow.Stubs.g.cs", "OrderWorkflow.Stubs")]
    [InlineData("Shop.IPaymentActivities.Activities.g.cs", "PaymentActivities.Activities")]
    [InlineData("Swf.Generated.GeneratedSwfTypes.g.cs", "Orders.Registration")]
    public void Generate_Orders_MatchesBaseline(string hintName, string baseline)
    {
        var result = GeneratorHarness.RunClean(Sources.Orders);

        var source = result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName);
        GeneratorHarness.AssertBaseline(baseline, source.SourceText.ToString());
    }

    [Theory]
    [InlineData("Outer.PingWorkflow.Workflow.g.cs", "Nested.Workflow")]
    [InlineData("Outer.PingWorkflow.Client.g.cs", "Nested.Client")]
    [InlineData("Outer.PingWorkflow.Stubs.g.cs", "Nested.Stubs")]
    public void Generate_NestedInGlobalNamespace_MatchesBaseline(string hintName, string baseline)
    {
        var result = GeneratorHarness.RunClean(Sources.Nested);

        var source = result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName);
        GeneratorHarness.AssertBaseline(baseline, source.SourceText.ToString());
    }

    [Fact]
    public void Generate_Twice_GivesIdenticalOutput()
    {
        var first = GeneratorHarness.RunClean(Sources.Orders).Results.Single().GeneratedSources;
        var second = GeneratorHarness.RunClean(Sources.Orders).Results.Single().GeneratedSources;

        Assert.Equal(first.Select(s => (s.HintName, s.SourceText.ToString())), second.Select(s => (s.HintName, s.SourceText.ToString())));
    }
}
