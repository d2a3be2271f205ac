using Swf.Cli.Tests.TestSupport;

namespace Swf.Cli.Tests;

public sealed class HistoryDiffCommandTests
{
    [Fact]
    public async Task Diff_SameHistoryInV1AndV2Pages_ExitsZero()
    {
        var run = await CliRun.RunAsync("history", "diff", CliRun.History("greeting.v1-page-array.json"), CliRun.History("greeting.v2-pages.json"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("The histories are the same: 22 events", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_SignalInsteadOfTimer_ReportsFirstDivergenceAndLengths()
    {
        var run = await CliRun.RunAsync("history", "diff", CliRun.History("greeting.v1.json"), CliRun.History("greeting-hurried.v1.json"));

        Assert.Equal(ExitCodes.Found, run.ExitCode);
        Assert.Contains("The histories diverge at event 12.", run.Out, StringComparison.Ordinal);
        Assert.Contains("TimerFired  t1", run.Out, StringComparison.Ordinal);
        Assert.Contains("WorkflowExecutionSignaled  hurry  input=\"now\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("type: TimerFired ≠ WorkflowExecutionSignaled", run.Out, StringComparison.Ordinal);
        Assert.Contains("A has 22 events and B has 23 (B is longer by 1); 11 events before the divergence are the same.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_ChangedActivity_NamesTheAttribute()
    {
        var run = await CliRun.RunAsync("history", "diff", CliRun.History("greeting.v1.json"), CliRun.History("greeting-mutated.v1.json"));

        Assert.Equal(ExitCodes.Found, run.ExitCode);
        Assert.Contains("The histories diverge at event 16.", run.Out, StringComparison.Ordinal);
        Assert.Contains("name: Shout/1 ≠ Whisper/1", run.Out, StringComparison.Ordinal);
        Assert.Contains("Both have 22 events; 15 events before the divergence are the same.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_OneIsAPrefix_ReportsWhereTheShorterEnds()
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"swf-prefix-{Guid.NewGuid():N}.json");
        try
        {
            var events = Histories.HistoryFile.Read(CliRun.History("greeting.v1.json"));
            await File.WriteAllBytesAsync(prefix, Swf.Serialization.HistoryJson.Write([.. events.Take(10)], isoTimestamps: true));

            var run = await CliRun.RunAsync("history", "diff", prefix, CliRun.History("greeting.v1.json"));

            Assert.Equal(ExitCodes.Found, run.ExitCode);
            Assert.Contains("The histories diverge at event 11.", run.Out, StringComparison.Ordinal);
            Assert.Contains("(no such event: the history ends before it)", run.Out, StringComparison.Ordinal);
            Assert.Contains("A has 10 events and B has 22 (B is longer by 12)", run.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(prefix);
        }
    }

    [Fact]
    public async Task Diff_IdentitiesDiffer_AreIgnored()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"swf-identity-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(copy, (await File.ReadAllTextAsync(CliRun.History("greeting.v1.json"))).Replace("\"decider\"", "\"other-host\"", StringComparison.Ordinal));

            var run = await CliRun.RunAsync("history", "diff", CliRun.History("greeting.v1.json"), copy);

            Assert.Equal(ExitCodes.Success, run.ExitCode);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task Diff_OneFileMissing_ExitsTwo()
    {
        var run = await CliRun.RunAsync("history", "diff", CliRun.History("greeting.v1.json"), CliRun.History("missing.json"));

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("missing.json: no such file.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_OneFile_IsAUsageError()
    {
        var run = await CliRun.RunAsync("history", "diff", CliRun.History("greeting.v1.json"));

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("swf history diff: Required argument 'B' missing for command: 'diff'.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'swf history diff --help' for usage.", run.Error, StringComparison.Ordinal);
    }
}
