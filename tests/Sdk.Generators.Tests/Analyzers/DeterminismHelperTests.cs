using Microsoft.CodeAnalysis;
using Swf.Generators.Analyzers;

namespace Swf.Generators.Tests.Analyzers;

/// <summary>
/// Following workflow code into helpers, and the <c>Workflow.SideEffect</c> exemption. The sources are compiled
/// and analyzed, never run, so nothing here reads the clock or waits.
/// </summary>
public sealed class DeterminismHelperTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Swf.Workflows;

        """;

    [Fact]
    public async Task Analyze_HelperTwoLevelsDeep_ReportsAtHelperLineNamingWorkflowMethod()
    {
        const string workflow = Usings + """
            [Workflow]
            public partial class OrderWorkflow
            {
                [WorkflowRun]
                public Task<int> RunAsync() => Task.FromResult(OrderHelpers.Prepare());
            }
            """;
        const string helpers = Usings + """
            public static class OrderHelpers
            {
                public static int Prepare() => Fetch() + 1;

                public static int Fetch()
                {
                    return DateTime.Now.Second;
                }
            }
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), workflow, helpers);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SWF2001", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("Source1.cs", span.Path);
        Assert.Equal(LineOf(helpers, "DateTime.Now"), span.StartLinePosition.Line);
        Assert.Equal(
            "'DateTime.Now' reads the machine clock, which differs on replay; use Workflow.UtcNow (in OrderHelpers.Fetch, reached from OrderWorkflow.RunAsync)",
            Message(diagnostic));
        // A helper may also run outside workflows, where the Workflow API throws: no mechanical fix is offered.
        Assert.Empty(diagnostic.Properties);
    }

    [Fact]
    public async Task Analyze_HelperWithConfigureAwaitFalse_ReportsAtHelperLine()
    {
        const string source = Usings + """
            [Workflow]
            public partial class OrderWorkflow
            {
                [WorkflowRun]
                public async Task RunAsync() => await Storage.SaveAsync();
            }

            public static class Storage
            {
                public static async Task SaveAsync()
                {
                    await Task.CompletedTask.ConfigureAwait(false);
                }
            }
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SWF2007", diagnostic.Id);
        Assert.Equal(LineOf(source, "ConfigureAwait(false)"), diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.EndsWith("(in Storage.SaveAsync, reached from OrderWorkflow.RunAsync)", Message(diagnostic), StringComparison.Ordinal);
        Assert.Empty(diagnostic.Properties);
    }

    [Fact]
    public async Task Analyze_CallCycle_TerminatesAndReportsOnce()
    {
        const string source = Usings + """
            [Workflow]
            public partial class W
            {
                [WorkflowRun]
                public Task RunAsync()
                {
                    Ping.A(3);
                    return Task.CompletedTask;
                }
            }

            public static class Ping
            {
                public static void A(int n) { if (n > 0) B(n - 1); }

                public static void B(int n)
                {
                    Guid.NewGuid();
                    A(n);
                    B(n);
                }
            }
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SWF2003", diagnostic.Id);
        Assert.EndsWith("(in Ping.B, reached from W.RunAsync)", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_HelperNotCalledFromWorkflowCode_IsSilent()
    {
        const string source = Usings + """
            [Workflow]
            public partial class W
            {
                [WorkflowRun]
                public Task RunAsync() => Task.FromResult(Helpers.Pure());
            }

            public static class Helpers
            {
                public static int Pure() => 42;

                public static DateTime Clock() => DateTime.Now;
            }

            public sealed class Caller
            {
                public DateTime Read() => Helpers.Clock();
            }
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), source);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Analyze_HelpersBeyondMaxDepth_AreNotExamined()
    {
        // Level1 is called from the workflow (depth 1), Level{n} from Level{n-1}: the last level examined holds a
        // clock read, the first one beyond it a Guid.
        var levels = string.Join("\n", Enumerable.Range(1, DeterminismAnalyzer.MaxHelperDepth + 1).Select(n =>
            n == DeterminismAnalyzer.MaxHelperDepth ? $"    public static void Level{n}() {{ _ = DateTime.Now; Level{n + 1}(); }}"
            : n == DeterminismAnalyzer.MaxHelperDepth + 1 ? $"    public static void Level{n}() {{ _ = Guid.NewGuid(); }}"
            : $"    public static void Level{n}() => Level{n + 1}();"));
        var source = Usings + """
            [Workflow]
            public partial class W
            {
                [WorkflowRun]
                public Task RunAsync()
                {
                    Chain.Level1();
                    return Task.CompletedTask;
                }
            }

            public static class Chain
            {

            """ + levels + "\n}\n";

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SWF2001", diagnostic.Id);
        Assert.Contains($"in Chain.Level{DeterminismAnalyzer.MaxHelperDepth}, reached from W.RunAsync", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_HelperReachedFromSeveralWorkflowMembers_ReportsOnceNamingTheFirst()
    {
        const string source = Usings + """
            [Workflow]
            public partial class W
            {
                [WorkflowRun]
                public Task RunAsync() => Task.FromResult(Ids.Make());

                [Signal]
                public Task PokeAsync()
                {
                    Ids.Make();
                    return Task.CompletedTask;
                }
            }

            [Workflow]
            public partial class V
            {
                [WorkflowRun]
                public Task RunAsync() => Task.FromResult(Ids.Make());
            }

            public static class Ids
            {
                public static Guid Make() => Guid.NewGuid();
            }
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.EndsWith("(in Ids.Make, reached from W.RunAsync)", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_ConstructorsAccessorsInitializersAndLocalFunctions_AreFollowed()
    {
        const string source = Usings + """
            [Workflow]
            public partial class W
            {
                private readonly Meter _meter = new();

                [WorkflowRun]
                public Task RunAsync()
                {
                    Func<DateTime> read = () => _meter.Now;
                    _meter.Label = "x";
                    new Cache().Touch();
                    return Task.CompletedTask;
                }
            }

            public sealed class Meter
            {
                public Meter() { System.Diagnostics.Stopwatch.StartNew(); }

                public DateTime Now => DateTime.UtcNow;

                public string Label { get => ""; set => Console.WriteLine(value); }
            }

            public sealed class Cache
            {
                private readonly Random _random = new();

                public void Touch()
                {
                    Local();
                    void Local() => Environment.GetEnvironmentVariable("X");
                }
            }
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), source);

        var messages = diagnostics.Select(d => d.Id + " " + Message(d)).ToList();
        Assert.Contains(messages, m => m.StartsWith("SWF2002", StringComparison.Ordinal) && m.EndsWith("(in new Meter, reached from W._meter)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("SWF2001", StringComparison.Ordinal) && m.EndsWith("(in Meter.Now, reached from W.RunAsync)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("SWF2012", StringComparison.Ordinal) && m.EndsWith("(in Meter.Label, reached from W.RunAsync)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("SWF2004", StringComparison.Ordinal) && m.EndsWith("(in Cache._random, reached from W.RunAsync)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("SWF2013", StringComparison.Ordinal) && m.EndsWith("(in Cache.Touch, reached from W.RunAsync)", StringComparison.Ordinal));
        Assert.Equal(5, messages.Count);
    }

    [Fact]
    public async Task Analyze_WorkflowApiAndActivitiesProxies_AreNotFollowed()
    {
        const string source = Usings + """
            using Swf.Activities;

            [Activities]
            public interface IClock
            {
                Task<DateTime> NowAsync();
            }

            [Workflow]
            public partial class W
            {
                private readonly IClock _clock = Workflow.Activities<IClock>();

                [WorkflowRun]
                public async Task RunAsync()
                {
                    await _clock.NowAsync();
                    await Workflow.DelayAsync(TimeSpan.FromMinutes(1));
                }
            }
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), source);

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("Workflow.SideEffect(() => Environment.MachineName);")]
    [InlineData("Workflow.SideEffect(() => { Console.WriteLine(DateTime.Now); return Guid.NewGuid().ToString(); });")]
    [InlineData("Workflow.SideEffect(() => Host.Read());")]
    [InlineData("Workflow.SideEffect(Host.Read);")]
    public async Task Analyze_InsideSideEffect_IsSilent(string statement)
    {
        var source = Usings + """
            [Workflow]
            public partial class W
            {
                [WorkflowRun]
                public Task RunAsync()
                {
                    STATEMENT
                    return Task.CompletedTask;
                }
            }

            public static class Host
            {
                public static string Read() => Environment.MachineName + Clock.Read();
            }

            public static class Clock
            {
                public static string Read() => DateTime.UtcNow.ToString();
            }
            """.Replace("STATEMENT", statement, StringComparison.Ordinal);

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), source);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Analyze_WorkflowMembersOnlySideEffectRuns_AreSilent()
    {
        const string source = Usings + """
            [Workflow]
            public partial class W
            {
                [WorkflowRun]
                public Task RunAsync()
                {
                    Workflow.SideEffect(ReadHost);
                    Workflow.SideEffect(() => HostName);
                    return Task.CompletedTask;
                }

                private string ReadHost() => Environment.MachineName + Stamp();

                private string Stamp() => DateTime.Now.ToString();

                private string HostName => Environment.MachineName;
            }
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), source);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Analyze_UnreferencedPrivateWorkflowMember_IsStillChecked()
    {
        const string source = Usings + """
            [Workflow]
            public partial class W
            {
                [WorkflowRun]
                public Task RunAsync() => Task.CompletedTask;

                private string Unused() => Environment.MachineName;
            }
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), source);

        Assert.Equal("SWF2013", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task Analyze_SideEffectTargetAlsoCalledDirectly_Reports()
    {
        const string source = Usings + """
            [Workflow]
            public partial class W
            {
                [WorkflowRun]
                public Task RunAsync()
                {
                    Workflow.SideEffect(ReadHost);
                    Workflow.SideEffect(Host.Read);
                    var direct = ReadHost() + Host.Read();
                    var now = DateTime.UtcNow;
                    return Task.CompletedTask;
                }

                private string ReadHost() => Environment.MachineName;
            }

            public static class Host
            {
                public static string Read() => Guid.NewGuid().ToString();
            }
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), source);

        Assert.Equal(["SWF2001", "SWF2003", "SWF2013"], diagnostics.Select(d => d.Id).Order());
        Assert.EndsWith("(in Host.Read, reached from W.RunAsync)", Message(diagnostics.Single(d => d.Id == "SWF2003")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_NestedTypes_WorkflowsCheckedDirectlyHelpersWhenReached()
    {
        const string source = Usings + """
            [Workflow]
            public partial class W
            {
                [WorkflowRun]
                public Task RunAsync() => Task.FromResult(Outer.Inner.Make());

                private static class Local
                {
                    public static DateTime Now() => DateTime.Now;
                }
            }

            public static class Outer
            {
                public static class Inner
                {
                    public static Guid Make() => Guid.NewGuid();
                }
            }
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), source);

        Assert.Equal(["SWF2001", "SWF2003"], diagnostics.Select(d => d.Id).Order());
        Assert.DoesNotContain("reached from", Message(diagnostics.Single(d => d.Id == "SWF2001")), StringComparison.Ordinal);
        Assert.EndsWith("(in Inner.Make, reached from W.RunAsync)", Message(diagnostics.Single(d => d.Id == "SWF2003")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_DenseCallGraph_VisitsEachHelperOnceAndReportsEachTrapOnce()
    {
        // 120 helpers that each call the next 15 (wrapping around): many paths and cycles to every helper.
        const int count = 120;
        var methods = string.Join("\n", Enumerable.Range(0, count).Select(n =>
            $"    public static void M{n}() {{ {(n % 30 == 0 ? "_ = Guid.NewGuid(); " : string.Empty)}{string.Concat(Enumerable.Range(1, 15).Select(k => $"M{(n + k) % count}(); "))}}}"));
        var source = Usings + """
            [Workflow]
            public partial class W
            {
                [WorkflowRun]
                public Task RunAsync()
                {
                    Graph.M0();
                    Graph.M60();
                    return Task.CompletedTask;
                }

                [Signal]
                public Task PokeAsync()
                {
                    Graph.M30();
                    return Task.CompletedTask;
                }
            }

            public static class Graph
            {

            """ + methods + "\n}\n";

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), source);

        // Within 5 calls (15 ahead per call) of M0 and M60 lie all 120 helpers, so each of the four Guid traps
        // (M0, M30, M60, M90) is reported exactly once; M30 is a root of PokeAsync, so it is named there.
        Assert.Equal(4, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal("SWF2003", d.Id));
        Assert.Equal(4, diagnostics.Select(d => d.Location).Distinct().Count());
        Assert.Contains(diagnostics, d => Message(d).EndsWith("(in Graph.M30, reached from W.PokeAsync)", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => Message(d).EndsWith("(in Graph.M0, reached from W.RunAsync)", StringComparison.Ordinal));
    }

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The zero-based line of the first occurrence of <paramref name="text"/>.</summary>
    private static int LineOf(string source, string text) =>
        source[..source.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n');
}
