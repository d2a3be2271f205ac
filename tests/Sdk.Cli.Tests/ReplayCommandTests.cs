using Swf.Cli.Replay;
using Swf.Cli.Tests.TestSupport;

namespace Swf.Cli.Tests;

public sealed class ReplayCommandTests
{
    private static readonly string WorkflowsAssembly = Path.Combine(AppContext.BaseDirectory, "Swf.Sdk.Cli.Tests.Workflows.dll");

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
        Assert.Contains("the workflow types found there are: Echo/1, Farewell/1, Greeting/1.", run.Out, StringComparison.Ordinal);
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

            Assert.Equal("Echo/1, Farewell/1, Greeting/1", catalog.DescribeTypes());
            Assert.Empty(catalog.Warnings);
            Assert.NotSame(typeof(Workflows.GreetingWorkflows).Assembly, catalog.Assembly);
            Assert.Same(typeof(Swf.Workflows.WorkflowDefinition).Assembly, catalog.Find("Greeting", "1")!.GetType().Assembly);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
