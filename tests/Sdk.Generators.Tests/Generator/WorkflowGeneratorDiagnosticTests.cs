using Swf.Generators.Diagnostics;

namespace Swf.Generators.Tests.Generator;

/// <summary>One firing case per generator diagnostic; the samples in <see cref="Sources"/> prove silence.</summary>
public sealed class WorkflowGeneratorDiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Swf.Activities;
        using Swf.Workflows;

        """;

    public static TheoryData<string, string> Cases => new()
    {
        { "SWF1001", "[Workflow] public class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }" },
        { "SWF1002", "[Workflow] public partial class W { public Task RunAsync() => Task.CompletedTask; }" },
        { "SWF1003", "[Workflow] public partial class W { [WorkflowRun] public Task AAsync() => Task.CompletedTask; [WorkflowRun] public Task BAsync() => Task.CompletedTask; }" },
        { "SWF1004", "[Workflow] public partial class W { [WorkflowRun] public int Run() => 1; }" },
        { "SWF1005", "[Workflow] public partial class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; [Signal] public Task<int> PingAsync() => Task.FromResult(1); }" },
        { "SWF1006", "[Workflow] public partial class W { [WorkflowRun] public Task RunAsync(ref int x) => Task.CompletedTask; }" },
        { "SWF1006", "[Workflow] public partial class W { [WorkflowRun] public Task RunAsync(Func<int> f) => Task.CompletedTask; }" },
        { "SWF1006", "[Activities] public interface IA { Task<object> GetAsync(); }" },
        { "SWF1007", "[Activities] public interface IA { int Get(); }" },
        { "SWF1008", "[Workflow(\"same\")] public partial class W1 { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; } [Workflow(\"same\")] public partial class W2 { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }" },
        { "SWF1008", "[Activities(NamePrefix = \"\")] public interface IA { Task GoAsync(); } [Activities(NamePrefix = \"\")] public interface IB { Task GoAsync(); }" },
        { "SWF1008", "[Activities] public interface IA { Task GoAsync(); Task GoAsync(int x); }" },
        { "SWF1009", "[Workflow(\"a:b\")] public partial class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }" },
        { "SWF1009", "[Activities] public interface IA { [Activity(\"arn\")] Task GoAsync(); }" },
        { "SWF1009", "[Workflow] public partial class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; [Signal(\"" + new string('s', 257) + "\")] public Task PingAsync() => Task.CompletedTask; }" },
        { "SWF1010", "[Workflow(Version = \"" + new string('1', 65) + "\")] public partial class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }" },
        { "SWF1010", "[Activities(Version = \" 1\")] public interface IA { Task GoAsync(); }" },
        { "SWF1011", "[Workflow(TaskList = \"a|b\")] public partial class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }" },
        { "SWF1012", "[Workflow(ExecutionStartToCloseTimeout = \"soon\")] public partial class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }" },
        { "SWF1012", "[Activities(StartToCloseTimeout = \"00:00:00.500\")] public interface IA { Task GoAsync(); }" },
        { "SWF1012", "[Activities] public interface IA { [Activity(HeartbeatTimeout = \"-00:00:10\")] Task GoAsync(); }" },
        { "SWF1013", "[Workflow(ChildPolicy = \"KILL\")] public partial class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }" },
        { "SWF1014", "[Workflow] public partial class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; [Signal(\"x\")] public Task AAsync() => Task.CompletedTask; [Signal(\"x\")] public Task BAsync() => Task.CompletedTask; }" },
        { "SWF1015", "public partial class Outer { [Workflow] private partial class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; } }" },
        { "SWF1016", "public class Outer { [Workflow] public partial class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; } }" },
        { "SWF1017", "[Workflow] public partial class W<T> { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }" },
        { "SWF1017", "[Activities] public interface IA<T> { Task GoAsync(); }" },
        { "SWF1018", "[Workflow] public abstract partial class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }" },
        { "SWF1018", "[Workflow] public partial class W { public W(int x) { } [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }" },
        { "SWF1019", "[Workflow] public partial class W { [WorkflowRun] public static Task RunAsync() => Task.CompletedTask; }" },
        { "SWF1019", "[Workflow] public partial class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; [Signal] public Task PingAsync<T>() => Task.CompletedTask; }" },
        { "SWF1020", "[Activities] public interface IA { int Count { get; } Task GoAsync(); }" },
        { "SWF1020", "public interface IBase { Task BaseAsync(); } [Activities] public interface IA : IBase { Task GoAsync(); }" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generate_InvalidSource_ReportsDiagnostic(string id, string source)
    {
        var diagnostics = GeneratorHarness.GeneratorDiagnostics(Usings + source);

        Assert.Contains(diagnostics, d => d.Id == id);
        var diagnostic = diagnostics.First(d => d.Id == id);
        // Generators report through file locations (no syntax tree is kept across pipeline steps).
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Generate_ValidSamples_ReportsNothing()
    {
        Assert.Empty(GeneratorHarness.GeneratorDiagnostics(Sources.Orders));
        Assert.Empty(GeneratorHarness.GeneratorDiagnostics(Sources.Nested));
    }

    [Fact]
    public void Descriptors_EveryUsageRule_HasFiringCase()
    {
        var covered = Cases.Select(c => (string)c[0]).ToHashSet();
        var usage = typeof(DiagnosticDescriptors).GetFields()
            .Select(f => f.GetValue(null))
            .OfType<Microsoft.CodeAnalysis.DiagnosticDescriptor>()
            .Where(d => d.Category == DiagnosticDescriptors.UsageCategory && d.Id != "SWF1021")
            .Select(d => d.Id);

        Assert.Empty(usage.Except(covered));
    }

    [Fact]
    public void Descriptors_All_HaveHelpLinksAndUniqueIds()
    {
        var descriptors = typeof(DiagnosticDescriptors).GetFields()
            .Select(f => f.GetValue(null))
            .OfType<Microsoft.CodeAnalysis.DiagnosticDescriptor>()
            .ToList();

        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(descriptors, d => Assert.EndsWith(d.Id.ToLowerInvariant(), d.HelpLinkUri, StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_ErrorInWorkflow_EmitsNoSourceForIt()
    {
        var (result, _) = GeneratorHarness.Run(Usings + "[Workflow] public class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }");

        Assert.DoesNotContain(result.Results.Single().GeneratedSources, s => s.HintName.StartsWith("W.", StringComparison.Ordinal));
    }
}
