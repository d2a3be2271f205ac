using Swf.Cli.Tests.TestSupport;

namespace Swf.Cli.Tests;

public sealed class CliTests
{
    private static readonly string NewLine = Environment.NewLine;

    [Fact]
    public async Task RunAsync_NoArguments_PrintsCommandsAndFails()
    {
        var run = await CliRun.RunAsync();

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("history get", run.Error, StringComparison.Ordinal);
        Assert.Contains("replay", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_ListsEveryCommand()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var command in new[] { "history get", "history show", "history diff", "replay" })
        {
            Assert.Contains(command, run.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("history", "get")]
    [InlineData("history", "show")]
    [InlineData("history", "diff")]
    [InlineData("replay")]
    public async Task RunAsync_CommandHelp_PrintsUsage(params string[] words)
    {
        var run = await CliRun.RunAsync([.. words, "--help"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith($"Description:{NewLine}", run.Out, StringComparison.Ordinal);
        Assert.Contains($"Usage:{NewLine}  swf {string.Join(' ', words)} ", run.Out, StringComparison.Ordinal);
        Assert.Contains("--help", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_Fails()
    {
        var run = await CliRun.RunAsync("history", "erase");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("swf history: Unrecognized command or argument 'erase'.", run.Error, StringComparison.Ordinal);

        // The help of 'history' follows, listing the commands there are.
        Assert.Contains($"Usage:{NewLine}  swf history [command] [options]", run.Error, StringComparison.Ordinal);
        Assert.Contains("  show <FILE>  ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("history", "show", "--colour", "a.json")]
    [InlineData("history", "show", "a.json", "--colour")]
    public async Task RunAsync_UnknownOption_NamesItAndShowsUsage(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("swf history show: Unrecognized option '--colour'.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'swf history show --help' for usage.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("a.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OptionWithoutValue_SaysWhatIsMissing()
    {
        var run = await CliRun.RunAsync("history", "get", "--domain");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("swf history get: Required argument missing for option: '--domain'.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InlineValuesAliasesAndDoubleDash_AreUnderstood()
    {
        var get = Cli.Parse(["history", "get", "--domain=shop", "-o", "x.json", "--workflow-id", "w", "--iso-timestamps"], Context());
        var replay = Cli.Parse(["replay", "--assembly", "w.dll", "a.json", "--", "--b.json"], Context());

        Assert.Empty(get.Errors);
        Assert.Equal("shop", get.GetValue<string>("--domain"));
        Assert.Equal("x.json", get.GetValue<string>("--output"));
        Assert.True(get.GetValue<bool>("--iso-timestamps"));
        Assert.Empty(replay.Errors);
        Assert.Equal(["a.json", "--b.json"], replay.GetValue<string[]>("FILE")!);
    }

    private static CliContext Context() => new() { Out = TextWriter.Null, Error = TextWriter.Null };
}
