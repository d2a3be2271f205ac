using Microsoft.CodeAnalysis;
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
        { "SWF1022", "[Activities(StartToCloseTimeout = \"300\")] public interface IA { Task GoAsync(); }" },
        { "SWF1022", "[Workflow(ExecutionStartToCloseTimeout = \" +30 \")] public partial class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }" },
        { "SWF1022", "[Activities] public interface IA { [Activity(HeartbeatTimeout = \"-5\")] Task GoAsync(); }" },
        { "SWF1023", "[Workflow] public partial class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }" },
        { "SWF1023", "[Activities(StartToCloseTimeout = \"00:05:00\")] public interface IA { Task GoAsync(); }" },
    };

    private const string CompleteWorkflow = "ExecutionStartToCloseTimeout = \"30.00:00:00\", TaskStartToCloseTimeout = \"00:00:30\", ChildPolicy = \"TERMINATE\"";
    private const string CompleteActivities = "ScheduleToStartTimeout = \"00:01:00\", ScheduleToCloseTimeout = \"00:10:00\", StartToCloseTimeout = \"00:05:00\"";

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

    [Theory]
    [InlineData("300", "300", "for 300 seconds write \"00:05:00\"")]
    [InlineData(" 86400 ", "86400", "for 86400 seconds write \"1.00:00:00\"")]
    [InlineData("+45", "45", "for 45 seconds write \"00:00:45\"")]
    [InlineData("0", "0", "a timeout is a positive TimeSpan of whole seconds")]
    [InlineData("-300", "-300", "a timeout is a positive TimeSpan of whole seconds")]
    public void Generate_BareNumberTimeout_SaysItMeansDaysAndSuggestsTheSeconds(string value, string days, string advice)
    {
        var diagnostics = GeneratorHarness.GeneratorDiagnostics(Usings + $"[Activities({CompleteActivities.Replace("\"00:05:00\"", $"\"{value}\"", StringComparison.Ordinal)})] public interface IA {{ Task GoAsync(); }}");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SWF1022", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"StartToCloseTimeout \"{value}\" of 'IA'", message, StringComparison.Ordinal);
        Assert.Contains($"would mean {days} days", message, StringComparison.Ordinal);
        Assert.Contains(advice, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_TimeSpanTimeouts_AreNotBareNumbers()
    {
        Assert.Empty(GeneratorHarness.GeneratorDiagnostics(Usings + "[Activities(ScheduleToStartTimeout = \"300.00:00:00\", ScheduleToCloseTimeout = \"30.00:00:00\", StartToCloseTimeout = \"00:00:01\")] public interface IA { Task GoAsync(); }"));
    }

    [Fact]
    public void Generate_WorkflowLackingDefaults_WarnsNamingThemAndStillGenerates()
    {
        var (result, _) = GeneratorHarness.Run(Usings + "[Workflow(ExecutionStartToCloseTimeout = \"1.00:00:00\")] public partial class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SWF1023", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("The workflow type 'W' sets no default TaskStartToCloseTimeout and ChildPolicy;", message, StringComparison.Ordinal);
        Assert.Contains("DefaultsRegisteredElsewhere = true", message, StringComparison.Ordinal);
        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName.EndsWith("W.Workflow.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_ActivityDefaults_CombineInterfaceAndMethod()
    {
        const string source = """
            [Activities(ScheduleToStartTimeout = "00:01:00", StartToCloseTimeout = "00:05:00")]
            public interface IA
            {
                [Activity(ScheduleToCloseTimeout = "00:10:00")]
                Task CompleteAsync();

                Task LacksOneAsync();

                [Activity(StartToCloseTimeout = "00:00:10")]
                Task StillLacksOneAsync();
            }
            """;

        var diagnostics = GeneratorHarness.GeneratorDiagnostics(Usings + source);

        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal("SWF1023", d.Id));
        var messages = diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList();
        Assert.StartsWith("The activity type 'A.LacksOne' sets no default ScheduleToCloseTimeout;", messages[0], StringComparison.Ordinal);
        Assert.StartsWith("The activity type 'A.StillLacksOne' sets no default ScheduleToCloseTimeout;", messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_ActivityWithOnlyScheduleToClose_WarnsForTheOtherTwo()
    {
        // SWF's ScheduleActivityTask needs each of the three timeouts (from the decision or the type), as the engine checks.
        var diagnostic = Assert.Single(GeneratorHarness.GeneratorDiagnostics(Usings + "[Activities(ScheduleToCloseTimeout = \"00:10:00\")] public interface IA { Task GoAsync(); }"));

        Assert.Equal("SWF1023", diagnostic.Id);
        Assert.StartsWith("The activity type 'A.Go' sets no default ScheduleToStartTimeout and StartToCloseTimeout;", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Workflow(DefaultsRegisteredElsewhere = true)] public partial class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }")]
    [InlineData("[Activities(DefaultsRegisteredElsewhere = true)] public interface IA { Task GoAsync(); [Activity(HeartbeatTimeout = \"00:00:10\")] Task BeatAsync(); }")]
    [InlineData("[Activities] public interface IA { [Activity(DefaultsRegisteredElsewhere = true)] Task GoAsync(); }")]
    public void Generate_DefaultsRegisteredElsewhere_IsSilent(string source)
    {
        Assert.Empty(GeneratorHarness.GeneratorDiagnostics(Usings + source));
    }

    [Fact]
    public void Generate_MethodOptsBackIn_OverridesInterface()
    {
        var diagnostic = Assert.Single(GeneratorHarness.GeneratorDiagnostics(Usings + "[Activities(DefaultsRegisteredElsewhere = true)] public interface IA { Task GoAsync(); [Activity(DefaultsRegisteredElsewhere = false)] Task CheckedAsync(); }"));

        Assert.Equal("SWF1023", diagnostic.Id);
        Assert.Contains("'A.Checked'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_InvalidTimeout_IsNotAlsoReportedMissing()
    {
        var diagnostics = GeneratorHarness.GeneratorDiagnostics(Usings + $"[Workflow({CompleteWorkflow.Replace("\"00:00:30\"", "\"soon\"", StringComparison.Ordinal)})] public partial class W {{ [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }}");

        Assert.Equal("SWF1012", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Generate_CompleteDeclarations_ReportNothing()
    {
        Assert.Empty(GeneratorHarness.GeneratorDiagnostics(Usings + $"[Workflow({CompleteWorkflow})] public partial class W {{ [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }} [Activities({CompleteActivities})] public interface IA {{ Task GoAsync(); }}"));
    }

    [Fact]
    public void Descriptors_All_HaveAnEntryInTheDocs()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
        var ids = typeof(DiagnosticDescriptors).GetFields()
            .Select(f => f.GetValue(null))
            .OfType<Microsoft.CodeAnalysis.DiagnosticDescriptor>()
            .Select(d => d.Id);

        Assert.All(ids, id => Assert.Contains($"## {id.ToLowerInvariant()}\n", docs.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal));
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

    /// <summary>Finds the checkout from the test's output folder (CI builds map source paths to /_/, so the caller's file path does not lead there).</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Sdk.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Sdk.sln above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void Generate_ErrorInWorkflow_EmitsNoSourceForIt()
    {
        var (result, _) = GeneratorHarness.Run(Usings + "[Workflow] public class W { [WorkflowRun] public Task RunAsync() => Task.CompletedTask; }");

        Assert.DoesNotContain(result.Results.Single().GeneratedSources, s => s.HintName.StartsWith("W.", StringComparison.Ordinal));
    }
}
