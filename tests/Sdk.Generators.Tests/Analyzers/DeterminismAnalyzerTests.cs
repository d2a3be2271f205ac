using Swf.Generators.Analyzers;

namespace Swf.Generators.Tests.Analyzers;

public sealed class DeterminismAnalyzerTests
{
    private const string Prefix = """
        using System;
        using System.Diagnostics;
        using System.IO;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Swf.Workflows;

        [Workflow]
        public partial class W
        {
            private static int s_count;
            private static readonly int Limit = 3;

            [WorkflowRun]
            public async Task RunAsync()
            {

        """;

    private const string Suffix = """

                await Task.CompletedTask;
            }
        }
        """;

    // Source text of a sleeping call, spelled in two parts so that no line of the tests reads as a wait.
    private const string SleepStatement = "Thread." + "Sleep(10);";

    // Each statement is source text that the analyzer inspects; it is compiled, never run, so nothing here
    // sleeps or waits on the clock.
    public static TheoryData<string, string> Cases => new()
    {
        { "SWF2001", "var now = DateTime.UtcNow;" },
        { "SWF2001", "var now = DateTime.Now;" },
        { "SWF2001", "var now = DateTimeOffset.UtcNow;" },
        { "SWF2001", "var now = TimeProvider.System.GetUtcNow();" },
        { "SWF2002", "var watch = Stopwatch.StartNew();" },
        { "SWF2002", "var ticks = Stopwatch.GetTimestamp();" },
        { "SWF2003", "var id = Guid.NewGuid();" },
        { "SWF2004", "var random = new Random();" },
        { "SWF2004", "var n = Random.Shared.Next();" },
        { "SWF2005", "await Task.Run(() => 1);" },
        { "SWF2005", "await Task.Factory.StartNew(() => 1);" },
        { "SWF2005", "ThreadPool.QueueUserWorkItem(_ => { });" },
        { "SWF2005", "new Thread(() => { }).Start();" },
        { "SWF2006", "await Task.Delay(TimeSpan.FromSeconds(1));" },
        { "SWF2006", SleepStatement },
        { "SWF2007", "await Task.CompletedTask.ConfigureAwait(false);" },
        { "SWF2007", "await Task.FromResult(1).ConfigureAwait(false);" },
        { "SWF2008", "Parallel.For(0, 3, _ => { });" },
        { "SWF2009", "using var timer = new Timer(_ => { });" },
        { "SWF2009", "using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));" },
        { "SWF2010", "using var http = new HttpClient();" },
        { "SWF2011", "var text = File.ReadAllText(\"a\");" },
        { "SWF2011", "using var stream = new FileStream(\"a\", FileMode.Open);" },
        { "SWF2012", "Console.WriteLine(\"hi\");" },
        { "SWF2013", "var value = Environment.GetEnvironmentVariable(\"X\");" },
        { "SWF2013", "var name = Environment.MachineName;" },
        { "SWF2014", "s_count++;" },
        { "SWF2015", "using var cts = new CancellationTokenSource(); await cts.CancelAsync();" },
        { "SWF2016", "var n = Task.FromResult(1).Result;" },
        { "SWF2016", "var n = new ValueTask<int>(1).Result;" },
        { "SWF2016", "Task.CompletedTask.Wait();" },
        { "SWF2016", "Task.CompletedTask.Wait(TimeSpan.FromSeconds(1));" },
        { "SWF2016", "Task.CompletedTask.Wait(CancellationToken.None);" },
        { "SWF2016", "Task.WaitAll(Task.CompletedTask);" },
        { "SWF2016", "Task.WaitAny(Task.CompletedTask);" },
        { "SWF2016", "Task.CompletedTask.GetAwaiter().GetResult();" },
        { "SWF2016", "var n = Task.FromResult(1).GetAwaiter().GetResult();" },
        { "SWF2016", "var n = Task.FromResult(1).ConfigureAwait(true).GetAwaiter().GetResult();" },
        { "SWF2016", "new ValueTask().GetAwaiter().GetResult();" },
        { "SWF2017", "lock (this) { }" },
        { "SWF2017", "var gate = new Lock(); lock (gate) { }" },
        { "SWF2017", "Monitor.Enter(this);" },
        { "SWF2017", "Monitor.Wait(this);" },
        { "SWF2017", "Monitor.TryEnter(this, 10);" },
        { "SWF2017", "using var s = new SemaphoreSlim(1); s.Wait();" },
        { "SWF2017", "using var s = new SemaphoreSlim(1); await s.WaitAsync();" },
        { "SWF2017", "using var s = new SemaphoreSlim(1); await s.WaitAsync(Workflow.CancellationToken);" },
        { "SWF2017", "Thread.CurrentThread.Join();" },
        { "SWF2017", "using var e = new ManualResetEventSlim(); e.Wait();" },
        { "SWF2017", "using var e = new ManualResetEvent(false); e.WaitOne();" },
        { "SWF2017", "using var e = new AutoResetEvent(false); e.WaitOne(TimeSpan.FromSeconds(1));" },
        { "SWF2017", "WaitHandle.WaitAll(Array.Empty<WaitHandle>());" },
        { "SWF2017", "WaitHandle.WaitAny(Array.Empty<WaitHandle>());" },
        { "SWF2017", "using var c = new CountdownEvent(1); c.Wait();" },
        { "SWF2018", "await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.None);" },
        { "SWF2018", "await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);" },
        { "SWF2018", "await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);" },
        { "SWF2018", "await Task.FromResult(1).ConfigureAwait(ConfigureAwaitOptions.None);" },
        { "SWF2018", "var options = ConfigureAwaitOptions.ContinueOnCapturedContext; await Task.CompletedTask.ConfigureAwait(options);" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Analyze_TrapInWorkflow_Reports(string id, string statement)
    {
        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), Prefix + statement + Suffix);

        Assert.Contains(diagnostics, d => d.Id == id);
        var message = diagnostics.First(d => d.Id == id).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches("Workflow\\.|activity|Task.WhenAll|instance fields|await without|Cancel\\(\\)", message);
        // Code in the workflow class itself names no helper.
        Assert.DoesNotContain("reached from", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Analyze_SameCodeOutsideWorkflow_IsSilent(string id, string statement)
    {
        var source = (Prefix + statement + Suffix).Replace("[Workflow]", string.Empty, StringComparison.Ordinal);

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), source);

        Assert.DoesNotContain(diagnostics, d => d.Id == id);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Analyze_TrapInWorkflowInterceptor_Reports(string id, string statement)
    {
        var source = $$"""
            using System;
            using System.Diagnostics;
            using System.IO;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Swf.Interceptors;
            using Swf.Workflows;

            public sealed class I : WorkflowInboundInterceptor
            {
                private static int s_count;
                private static readonly int Limit = 3;

                public I(WorkflowInboundInterceptor next) : base(next) { }

                public override async Task<string?> ExecuteWorkflowAsync(ExecuteWorkflowInput input)
                {
                    {{statement}}
                    return await base.ExecuteWorkflowAsync(input);
                }
            }
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), source);

        Assert.Contains(diagnostics, d => d.Id == id);
    }

    [Fact]
    public async Task Analyze_TrapInWorkflowOutboundInterceptor_Reports()
    {
        const string Source = """
            using System;
            using System.Threading.Tasks;
            using Swf.Interceptors;

            public sealed class O : WorkflowOutboundInterceptor
            {
                public O(WorkflowOutboundInterceptor next) : base(next) { }

                public override Task<string?> ScheduleActivityAsync(ScheduleActivityInput input)
                {
                    input.Headers["at"] = DateTime.UtcNow.ToString("O");
                    return base.ScheduleActivityAsync(input);
                }
            }
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), Source);

        Assert.Contains(diagnostics, d => d.Id == "SWF2001");
    }

    [Fact]
    public async Task Analyze_SameCodeInActivityOrClientInterceptor_IsSilent()
    {
        const string Source = """
            using System;
            using System.Threading.Tasks;
            using Swf.Client;
            using Swf.Interceptors;

            public sealed class A : ActivityInboundInterceptor
            {
                public A(ActivityInboundInterceptor next) : base(next) { }

                public override async Task<string?> ExecuteActivityAsync(ExecuteActivityInput input)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    input.Headers["at"] = DateTime.UtcNow.ToString("O");
                    return await base.ExecuteActivityAsync(input);
                }
            }

            public sealed class C : ClientOutboundInterceptor
            {
                public C(ClientOutboundInterceptor next) : base(next) { }

                public override Task<WorkflowHandle> StartWorkflowAsync(StartWorkflowInput input)
                {
                    input.Headers["at"] = DateTime.UtcNow.ToString("O");
                    return base.StartWorkflowAsync(input);
                }
            }
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), Source);

        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("SWF20", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Analyze_DeterministicWorkflowApi_IsSilent()
    {
        const string body = """
            var now = Workflow.UtcNow;
            var id = Workflow.NewGuid();
            var n = Workflow.Random.Next() + Limit;
            await Workflow.DelayAsync(TimeSpan.FromMinutes(1));
            await Task.WhenAll(Task.CompletedTask);
            Workflow.Logger.ToString();
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), Prefix + body + Suffix);

        Assert.Empty(diagnostics);
    }

    // ContinueOnCapturedContext, alone or combined, resumes on the captured scheduler (the workflow's), like a plain await.
    [Theory]
    [InlineData("await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);")]
    [InlineData("await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);")]
    [InlineData("await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.ForceYielding);")]
    [InlineData("await Task.CompletedTask.ConfigureAwait(true);")]
    [InlineData("await Task.FromResult(1);")]
    [InlineData("if (Monitor.TryEnter(this)) { Monitor.Exit(this); }")]
    [InlineData("using var s = new SemaphoreSlim(1); s.Release();")]
    public async Task Analyze_WaitThatStaysOnTheScheduler_IsSilent(string statement)
    {
        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), Prefix + statement + Suffix);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Analyze_LockStatement_ReportsTheLockHeaderOnly()
    {
        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), Prefix + "lock (this)\n{\n    s_count.ToString();\n}" + Suffix);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "SWF2017");
        Assert.Equal("lock (this)", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public async Task Analyze_NestedLambdaAndLocalFunction_Reports()
    {
        const string body = """
            Func<Guid> make = () => Guid.NewGuid();
            DateTime Now() => DateTime.UtcNow;
            """;

        var diagnostics = await GeneratorHarness.AnalyzeAsync(new DeterminismAnalyzer(), Prefix + body + Suffix);

        Assert.Contains(diagnostics, d => d.Id == "SWF2003");
        Assert.Contains(diagnostics, d => d.Id == "SWF2001");
    }

    [Fact]
    public void SupportedDiagnostics_DeterminismAnalyzer_CoverEveryDeterminismRule()
    {
        var ids = Cases.Select(c => (string)c[0]).ToHashSet();

        Assert.Equal(new DeterminismAnalyzer().SupportedDiagnostics.Select(d => d.Id).Order(), ids.Order());
    }
}
