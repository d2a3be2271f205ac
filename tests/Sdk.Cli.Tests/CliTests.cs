using Swf.Cli.Tests.TestSupport;

namespace Swf.Cli.Tests;

public sealed class CliTests
{
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
        Assert.StartsWith("Usage: swf " + string.Join(' ', words), run.Out, StringComparison.Ordinal);
        Assert.Contains("--help", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_Fails()
    {
        var run = await CliRun.RunAsync("history", "erase");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("unknown command 'history erase'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownOption_NamesItAndShowsUsage()
    {
        var run = await CliRun.RunAsync("history", "show", "--colour", "a.json");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("swf history show: Unknown option --colour.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Usage: swf history show", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OptionWithoutValue_SaysWhatIsMissing()
    {
        var run = await CliRun.RunAsync("history", "get", "--domain");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("The option --domain needs a value (D).", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InlineValuesAliasesAndDoubleDash_AreUnderstood()
    {
        var spec = new CommandSpec().Value("--output", "FILE", "out", "-o").Value("--domain", "D", "domain").Flag("--full", "full");

        var line = CommandLine.Parse(["--domain=shop", "-o", "x.json", "a", "--full", "--", "--b"], spec);

        Assert.Equal("shop", line.Value("--domain"));
        Assert.Equal("x.json", line.Value("--output"));
        Assert.True(line.Flag("--full"));
        Assert.Equal(["a", "--b"], line.Positionals);
    }
}
