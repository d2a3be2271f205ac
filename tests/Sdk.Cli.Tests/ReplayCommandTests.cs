using System.Text.RegularExpressions;
using Swf.Cli.Replay;
using Swf.Cli.Tests.TestSupport;
using Swf.Serialization;

namespace Swf.Cli.Tests;

public sealed class ReplayCommandTests : IDisposable
{
    private static readonly string WorkflowsAssembly = Path.Combine(AppContext.BaseDirectory, "Swf.Sdk.Cli.Tests.Workflows.dll");
    private readonly string _folder = Directory.CreateTempSubdirectory("swf-cli-replay-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Replay_MatchingHistoriesInEveryFormat_ExitsZero()
    {
        var run = await CliRun.RunAsync(
            "replay", "--assembly", WorkflowsAssembly,
            CliRun.History("greeting.v1.json"), CliRun.History("greeting.v2-pages.json"), CliRun.History("greeting.v1-page-array.json"), CliRun.History("greeting-hurried.v1.json"));

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(4, run.Out.Split('\n').Count(l => l.StartsWith("ok    ", StringComparison.Ordinal)));
        Assert.Contains("greeting.v1.json: Greeting/1, 22 events replayed deterministically.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_MutatedHistory_ReportsEventIdAndExitsOne()
    {
        var run = await CliRun.RunAsync("replay", "--assembly", WorkflowsAssembly, CliRun.History("greeting.v1.json"), CliRun.History("greeting-mutated.v1.json"));

        Assert.Equal(ExitCodes.Found, run.ExitCode);
        Assert.Contains("ok    ", run.Out, StringComparison.Ordinal);
        Assert.Contains(
            "FAIL  " + CliRun.History("greeting-mutated.v1.json") + ": Greeting/1 is non-deterministic at event 16: history holds ActivityTaskScheduled Whisper 1 (activity id 2), but the code made the decision ScheduleActivityTask Shout 1",
            run.Out,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_UnknownWorkflowType_NamesItAndTheTypesFound()
    {
        var run = await CliRun.RunAsync("replay", "--assembly", WorkflowsAssembly, CliRun.History("unknown-type.v1.json"));

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("workflow type Invoice/7 is not in", run.Out, StringComparison.Ordinal);
        Assert.Contains("the workflow types found there are: Echo/1, Family/1, Farewell/1, Greeting/1, Member/1.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_BadHistoryFiles_AreErrorsButOtherFilesStillReplay()
    {
        var run = await CliRun.RunAsync(
            "replay", "--assembly", WorkflowsAssembly,
            CliRun.History("missing.json"), CliRun.History("not-json.txt"), CliRun.History("not-a-history.json"), CliRun.History("greeting.v1.json"));

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("missing.json: no such file.", run.Out, StringComparison.Ordinal);
        Assert.Contains("not-json.txt is not an SWF history", run.Out, StringComparison.Ordinal);
        Assert.Contains("not-a-history.json is not an SWF history", run.Out, StringComparison.Ordinal);
        Assert.Contains("ok    " + CliRun.History("greeting.v1.json"), run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_HistoryWithoutItsStart_SaysReplayNeedsEventOne()
    {
        var tail = Path.Combine(Path.GetTempPath(), $"swf-tail-{Guid.NewGuid():N}.json");
        try
        {
            var events = Histories.HistoryFile.Read(CliRun.History("greeting.v1.json"));
            await File.WriteAllBytesAsync(tail, Swf.Serialization.HistoryJson.Write([.. events.Skip(5)], isoTimestamps: false));

            var run = await CliRun.RunAsync("replay", "--assembly", WorkflowsAssembly, tail);

            Assert.Equal(ExitCodes.Error, run.ExitCode);
            Assert.Contains("the history does not start with a WorkflowExecutionStarted event (event 6 is ActivityTaskStarted)", run.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(tail);
        }
    }

    [Theory]
    [InlineData("missing.dll", "no such assembly.")]
    [InlineData("Histories/not-json.txt", "is not a .NET assembly")]
    public async Task Replay_BadAssembly_ExitsTwoWithClearError(string assembly, string message)
    {
        var run = await CliRun.RunAsync("replay", "--assembly", Path.Combine(AppContext.BaseDirectory, assembly), CliRun.History("greeting.v1.json"));

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_PayloadConverterOfTheAssembly_IsCreatedAndReplays()
    {
        var run = await CliRun.RunAsync(
            "replay", "--assembly", WorkflowsAssembly, "--payload-converter", "PassThroughPayloadConverter", CliRun.History("greeting.v1.json"));

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
    }

    [Theory]
    [InlineData("NoSuchConverter", "has no type NoSuchConverter to use as the payload converter.")]
    [InlineData("Swf.Cli.Tests.Workflows.GreetingWorkflows", "Swf.Cli.Tests.Workflows.GreetingWorkflows is not an IPayloadConverter.")]
    public async Task Replay_BadPayloadConverter_ExitsTwoWithClearError(string type, string message)
    {
        var run = await CliRun.RunAsync("replay", "--assembly", WorkflowsAssembly, "--payload-converter", type, CliRun.History("greeting.v1.json"));

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_NoAssembly_IsAUsageError()
    {
        var run = await CliRun.RunAsync("replay", CliRun.History("greeting.v1.json"));

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("swf replay: Option '--assembly' is required.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'swf replay --help' for usage.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AssemblyInAnotherFolder_FindsPropertyFieldAndMethodDefinitionsOnTheToolsSwfSdk()
    {
        // A copy outside the test's folder loads in its own context, but takes Swf.Sdk from the tool's.
        var folder = Directory.CreateTempSubdirectory("swf-cli-assembly-").FullName;
        try
        {
            var copy = Path.Combine(folder, Path.GetFileName(WorkflowsAssembly));
            File.Copy(WorkflowsAssembly, copy);

            var catalog = WorkflowCatalog.Load(copy);

            Assert.Equal("Echo/1, Family/1, Farewell/1, Greeting/1, Member/1", catalog.DescribeTypes());
            Assert.Empty(catalog.Warnings);
            Assert.NotSame(typeof(Workflows.GreetingWorkflows).Assembly, catalog.Assembly);
            Assert.Same(typeof(Swf.Workflows.WorkflowDefinition).Assembly, catalog.Find("Greeting", "1")!.GetType().Assembly);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // ---- one history whose decisions depend on its execution ---------------------------------------------

    [Fact]
    public async Task Replay_HistoryWithoutItsExecutionWhoseChildIdDependsOnIt_SaysToPassTheExecution()
    {
        await using var fleet = await CliFleet.RunAsync();
        var execution = await fleet.ExecutionAsync("family-1");
        var file = Path.Combine(_folder, "family-1.json");
        await File.WriteAllBytesAsync(file, HistoryJson.Write(await fleet.HistoryAsync(execution)));

        var run = await CliRun.RunAsync("replay", "--assembly", WorkflowsAssembly, file);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains(
            $"ERROR {file}: Family/1 cannot be replayed without its execution: the history does not say which execution it is, and the workflow's decisions depend on its workflow id or run id",
            run.Out,
            StringComparison.Ordinal);
        Assert.Contains("Pass --workflow-id and --run-id, or download the history with 'swf history get', which records them.", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("non-deterministic", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_HistoryWithoutItsExecutionGivenWorkflowAndRunId_Replays()
    {
        await using var fleet = await CliFleet.RunAsync();
        var execution = await fleet.ExecutionAsync("family-1");
        var file = Path.Combine(_folder, "family-1.json");
        await File.WriteAllBytesAsync(file, HistoryJson.Write(await fleet.HistoryAsync(execution)));

        var run = await CliRun.RunAsync("replay", "--assembly", WorkflowsAssembly, "--workflow-id", "family-1", "--run-id", execution.RunId, file);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains($"ok    {file}: Family/1, ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_HistoryDownloadedBySwfHistoryGet_ReplaysAsTheExecutionItRecords()
    {
        await using var fleet = await CliFleet.RunAsync();
        var execution = await fleet.ExecutionAsync("family-1");
        await using var server = new SwfHttpTestServer(fleet.Environment.Engine);
        var file = Path.Combine(_folder, "family-1.json");
        var get = await CliRun.RunAsync("history", "get", "--endpoint", server.Url.ToString(), "--domain", CliFleet.Domain, "--workflow-id", "family-1", "-o", file);
        Assert.True(get.ExitCode == ExitCodes.Success, get.ToString());

        var run = await CliRun.RunAsync("replay", "--assembly", WorkflowsAssembly, file);
        var wrongIds = await CliRun.RunAsync("replay", "--assembly", WorkflowsAssembly, "--workflow-id", "other", "--run-id", "r", file);

        Assert.Equal(execution.RunId, HistoryJson.ParseDocument(await File.ReadAllBytesAsync(file)).Execution!.RunId);
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains($"ok    {file}: Family/1, ", run.Out, StringComparison.Ordinal);
        Assert.True(wrongIds.ExitCode == ExitCodes.Success, wrongIds.ToString());
        Assert.Contains(
            $"swf replay: warning: {file} records its execution (workflow id 'family-1', run id '{execution.RunId}'); it is replayed as that, not as --workflow-id and --run-id.",
            wrongIds.Error,
            StringComparison.Ordinal);
    }

    // ---- closed executions of a domain, downloaded from SWF -----------------------------------------------

    [Fact]
    public async Task Replay_Domain_ReplaysEveryClosedExecutionAsItselfAndSummarizes()
    {
        await using var fleet = await CliFleet.RunAsync();
        await using var server = new SwfHttpTestServer(fleet.Environment.Engine);

        var run = await CliRun.RunAtAsync(
            fleet.Clock, "replay", "--assembly", WorkflowsAssembly, "--domain", CliFleet.Domain, "--endpoint", server.Url.ToString(), "--closed-since", "7d");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var lines = ReportLines(run);
        Assert.Equal(4, lines.Count);
        foreach (var (workflowId, type) in new[] { ("greeting-1", "Greeting/1"), ("greeting-2", "Greeting/1"), ("family-1", "Family/1"), ("family-1-child-1", "Member/1") })
        {
            var execution = await fleet.ExecutionAsync(workflowId);
            Assert.Contains(lines, l => Regex.IsMatch(l, $@"^ok    {Regex.Escape(workflowId)} run {Regex.Escape(execution.RunId)}: {Regex.Escape(type)}, [0-9]+ events replayed deterministically\.$"));
        }

        Assert.Contains("Replayed 4 closed executions of domain greetings: 4 ok, 0 non-deterministic, 0 errors.", run.Out, StringComparison.Ordinal);
        Assert.Equal(1, server.Targets.Count(t => t == "SimpleWorkflowService.DescribeDomain"));
        Assert.Equal(5, server.Targets.Count(t => t == "SimpleWorkflowService.ListClosedWorkflowExecutions")); // one per workflow type in the assembly
        Assert.Equal(4, server.Targets.Count(t => t == "SimpleWorkflowService.GetWorkflowExecutionHistory"));
        Assert.Contains("swf replay: Replaying the executions of domain greetings closed since 2026-02-22", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_DomainWhereTheCodeChanged_ReportsEachExecutionWithItsEventIdAndExitsOne()
    {
        await using var fleet = await CliFleet.RunAsync(CliFleet.WhisperingGreeting);
        await using var server = new SwfHttpTestServer(fleet.Environment.Engine);

        var run = await CliRun.RunAtAsync(fleet.Clock, "replay", "--assembly", WorkflowsAssembly, "--domain", CliFleet.Domain, "--endpoint", server.Url.ToString());

        Assert.Equal(ExitCodes.Found, run.ExitCode);
        foreach (var workflowId in new[] { "greeting-1", "greeting-2" })
        {
            var execution = await fleet.ExecutionAsync(workflowId);
            var whisper = (await fleet.HistoryAsync(execution)).Single(e => e.ActivityTaskScheduledEventAttributes?.ActivityType.Name == "Whisper").EventId;
            Assert.Contains(
                $"FAIL  {workflowId} run {execution.RunId}: Greeting/1 is non-deterministic at event {whisper}: history holds ActivityTaskScheduled Whisper 1 (activity id 2), but the code made the decision ScheduleActivityTask Shout 1",
                run.Out,
                StringComparison.Ordinal);
        }

        Assert.Equal(2, ReportLines(run).Count(l => l.StartsWith("ok    family-1", StringComparison.Ordinal)));
        Assert.Contains("Replayed 4 closed executions of domain greetings: 2 ok, 2 non-deterministic, 0 errors.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_DomainWithMaxAndType_ReplaysOnlyWhatWasAskedFor()
    {
        await using var fleet = await CliFleet.RunAsync();
        await using var server = new SwfHttpTestServer(fleet.Environment.Engine);
        string[] domain = ["replay", "--assembly", WorkflowsAssembly, "--domain", CliFleet.Domain, "--endpoint", server.Url.ToString()];

        var max = await CliRun.RunAtAsync(fleet.Clock, [.. domain, "--max", "1"]);
        var family = await CliRun.RunAtAsync(fleet.Clock, [.. domain, "--type", "Family"]);
        var two = await CliRun.RunAtAsync(fleet.Clock, [.. domain, "--type", "Member/1", "--type", "Greeting", "--parallel", "1"]);

        Assert.True(max.ExitCode == ExitCodes.Success, max.ToString());
        // family-1 and its child closed last, at one (fake) time.
        Assert.Matches("^ok    family-1(-child-1)? run ", Assert.Single(ReportLines(max)));
        Assert.Contains("Replayed 1 closed execution of domain greetings: 1 ok, 0 non-deterministic, 0 errors.", max.Out, StringComparison.Ordinal);
        Assert.Contains("swf replay: Stopping at the most executions asked for (1); older ones are not replayed.", max.Error, StringComparison.Ordinal);

        Assert.True(family.ExitCode == ExitCodes.Success, family.ToString());
        Assert.StartsWith("ok    family-1 run ", Assert.Single(ReportLines(family)), StringComparison.Ordinal);

        Assert.True(two.ExitCode == ExitCodes.Success, two.ToString());
        Assert.Equal(["family-1-child-1", "greeting-1", "greeting-2"], ReportLines(two).Select(l => l.Split(' ')[4]).Order());
    }

    [Fact]
    public async Task Replay_DomainThrottled_RidesThroughWithBackoff()
    {
        await using var fleet = await CliFleet.RunAsync();
        await using var server = new SwfHttpTestServer(fleet.Environment.Engine) { ThrottleFirst = 5 };

        var run = await CliRun.RunAtAsync(fleet.Clock, "replay", "--assembly", WorkflowsAssembly, "--domain", CliFleet.Domain, "--endpoint", server.Url.ToString());

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("Replayed 4 closed executions of domain greetings: 4 ok, 0 non-deterministic, 0 errors.", run.Out, StringComparison.Ordinal);
        Assert.Equal(6, server.Targets.Count(t => t == "SimpleWorkflowService.DescribeDomain"));
    }

    [Fact]
    public async Task Replay_DomainThrottledPastMaxAttempts_ExitsTwoSayingSo()
    {
        await using var fleet = await CliFleet.RunAsync();
        await using var server = new SwfHttpTestServer(fleet.Environment.Engine) { ThrottleFirst = 2 };

        var run = await CliRun.RunAtAsync(
            fleet.Clock, "replay", "--assembly", WorkflowsAssembly, "--domain", CliFleet.Domain, "--endpoint", server.Url.ToString(), "--max-attempts", "2");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains($"swf replay: SWF at {server.Url} refused the call: ThrottlingException: Rate exceeded", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_DomainClosedSinceBeforeRetention_IsMovedUpToItAndSaysSo()
    {
        await using var fleet = await CliFleet.RunAsync();
        await using var server = new SwfHttpTestServer(fleet.Environment.Engine);
        var now = fleet.Clock.GetUtcNow();

        var run = await CliRun.RunAtAsync(
            fleet.Clock, "replay", "--assembly", WorkflowsAssembly, "--domain", CliFleet.Domain, "--endpoint", server.Url.ToString(), "--closed-since", "2026-01-01");
        var future = await CliRun.RunAtAsync(
            fleet.Clock, "replay", "--assembly", WorkflowsAssembly, "--domain", CliFleet.Domain, "--endpoint", server.Url.ToString(), "--started-since", "2026-12-31", "--type", "Family");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains(
            $"swf replay: warning: Domain greetings has a 7-day retention period: replaying the executions closed since {now.AddDays(-7):u}, not since 2026-01-01 00:00:00Z.",
            run.Error,
            StringComparison.Ordinal);
        Assert.Equal(4, ReportLines(run).Count);
        Assert.True(future.ExitCode == ExitCodes.Success, future.ToString());
        Assert.Contains("No closed executions of Family in domain greetings to replay.", future.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_UnknownDomain_ExitsTwoNamingIt()
    {
        await using var fleet = await CliFleet.RunAsync();
        await using var server = new SwfHttpTestServer(fleet.Environment.Engine);

        var run = await CliRun.RunAtAsync(fleet.Clock, "replay", "--assembly", WorkflowsAssembly, "--domain", "nowhere", "--endpoint", server.Url.ToString());

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains($"swf replay: SWF at {server.Url} knows no domain 'nowhere'", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--domain", "d", "--endpoint", "http://127.0.0.1:1", "--type", "Invoice" }, "--type Invoice: no such workflow type in", false)]
    [InlineData(new[] { "--domain", "d", "--endpoint", "http://127.0.0.1:1", "--type", "Greeting/" }, "The option --type must be NAME or NAME/VERSION; it is 'Greeting/'.", true)]
    [InlineData(new[] { "--domain", "d", "--endpoint", "http://127.0.0.1:1", "--closed-since", "yesterday" }, "The option --closed-since must be an age such as 90m, 12h, 7d or 2w, or a date or time", true)]
    [InlineData(new[] { "--domain", "d", "--endpoint", "http://127.0.0.1:1", "--closed-since", "7d", "--started-since", "7d" }, "Give --closed-since or --started-since, not both", true)]
    [InlineData(new[] { "--domain", "d", "--endpoint", "http://127.0.0.1:1", "--parallel", "0" }, "The option --parallel must be a whole number from 1 to 64; it is '0'.", true)]
    [InlineData(new[] { "--domain", "d", "--endpoint", "http://127.0.0.1:1", "--workflow-id", "w", "--run-id", "r" }, "with --domain, each execution is replayed as itself", true)]
    [InlineData(new[] { "--domain", "d", "Histories/greeting.v1.json" }, "Give history FILEs or --domain, not both", true)]
    [InlineData(new string[0], "Give the history FILEs to replay, or --domain D to replay the domain's closed executions.", true)]
    [InlineData(new[] { "--closed-since", "7d", "Histories/greeting.v1.json" }, "--closed-since applies only with --domain", true)]
    [InlineData(new[] { "--endpoint", "http://127.0.0.1:1", "Histories/greeting.v1.json" }, "--endpoint, --region, --profile, --timeout and --max-attempts apply only with --domain", true)]
    [InlineData(new[] { "--workflow-id", "w", "Histories/greeting.v1.json" }, "Give --workflow-id and --run-id together", true)]
    [InlineData(new[] { "--workflow-id", "w", "--run-id", "r", "Histories/greeting.v1.json", "Histories/greeting.v2-pages.json" }, "give one FILE at a time", true)]
    public async Task Replay_BadCombinations_ExitTwoWithClearError(string[] options, string message, bool isUsage)
    {
        var run = await CliRun.RunAsync(["replay", "--assembly", WorkflowsAssembly, .. options]);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal(isUsage, run.Error.Contains("Run 'swf replay --help' for usage.", StringComparison.Ordinal));
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Replay_Help_DescribesBothModes()
    {
        var run = await CliRun.RunAsync("replay", "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var option in new[] { "--assembly", "--workflow-id", "--run-id", "--domain", "--closed-since", "--started-since", "--type", "--max", "--parallel", "--endpoint", "--region", "--profile", "--max-attempts" })
        {
            Assert.Contains(option, run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("With --domain: ", run.Out, StringComparison.Ordinal);
    }

    private static List<string> ReportLines(CliRun run) =>
        [.. run.Out.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("ok    ", StringComparison.Ordinal) || l.StartsWith("FAIL  ", StringComparison.Ordinal) || l.StartsWith("ERROR ", StringComparison.Ordinal))];
}
