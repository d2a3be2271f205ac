namespace Swf.Generators.Roslyn48.Tests;

/// <summary>The analyzers, loaded from the generator's file on Roslyn 4.8, fire on a trap and stay silent on the workflow API.</summary>
public sealed class DeterminismAnalyzerTests
{
    private const string Template = """
        using System;
        using System.Threading.Tasks;
        using Swf.Workflows;

        [Workflow]
        public partial class W
        {
            [WorkflowRun]
            public async Task RunAsync()
            {
                BODY
                await Task.CompletedTask;
            }
        }
        """;

    // The statements are source text compiled and analyzed by Roslyn, never run.
    [Theory]
    [InlineData("SWF2001", "var now = DateTime.UtcNow;")]
    [InlineData("SWF2003", "var id = Guid.NewGuid();")]
    [InlineData("SWF2004", "var random = new Random();")]
    public async Task Analyze_Trap_ReportsRule(string id, string body)
    {
        var diagnostics = await Roslyn48Harness.AnalyzeAsync(Template.Replace("BODY", body, StringComparison.Ordinal));

        Assert.Equal(id, Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task Analyze_WorkflowApi_ReportsNothing()
    {
        var diagnostics = await Roslyn48Harness.AnalyzeAsync(Template.Replace("BODY", "var now = Workflow.UtcNow; var id = Workflow.NewGuid();", StringComparison.Ordinal));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Analyze_PayloadWithoutJsonContext_ReportsSwf1021()
    {
        // The payload analyzer sits in the same assembly: a record result needs [JsonSerializable(typeof(Receipt))].
        var source = Template.Replace("public async Task RunAsync()", "public async Task<Receipt> RunAsync()", StringComparison.Ordinal)
            .Replace("BODY", "var now = Workflow.UtcNow;", StringComparison.Ordinal)
            .Replace("await Task.CompletedTask;", "await Task.CompletedTask; return new Receipt(now);", StringComparison.Ordinal)
            + "\npublic sealed record Receipt(DateTime At);\n";

        var diagnostics = await Roslyn48Harness.AnalyzeAsync(source);

        Assert.Equal("SWF1021", Assert.Single(diagnostics).Id);
    }
}
