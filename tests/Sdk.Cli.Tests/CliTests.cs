using System.Reflection;
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

    [Fact]
    public async Task RunAsync_HistoryHelp_ListsGetShowAndDiff()
    {
        var run = await CliRun.RunAsync("history", "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains($"Usage:{NewLine}  swf history [command] [options]", run.Out, StringComparison.Ordinal);
        var commands = run.Out[run.Out.IndexOf($"Commands:{NewLine}", StringComparison.Ordinal)..].Split(NewLine);
        Assert.Contains(commands, l => l.StartsWith("  get  ", StringComparison.Ordinal) && l.Contains("Download every page", StringComparison.Ordinal));
        Assert.Contains(commands, l => l.StartsWith("  show <FILE>  ", StringComparison.Ordinal) && l.Contains("Print a history as a timeline", StringComparison.Ordinal));
        Assert.Contains(commands, l => l.StartsWith("  diff <A> <B>  ", StringComparison.Ordinal) && l.Contains("Show where two histories", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("history")]
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

    [Theory]
    [InlineData("help")]
    [InlineData("help", "history", "show")]
    public async Task RunAsync_HelpWord_PrintsWhatHelpOptionPrints(params string[] args)
    {
        var run = await CliRun.RunAsync(args);
        var option = await CliRun.RunAsync([.. args[1..], "--help"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(option.Out, run.Out);
    }

    [Fact]
    public async Task RunAsync_Version_PrintsTheToolsVersion()
    {
        var run = await CliRun.RunAsync("--version");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var version = typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(version + NewLine, run.Out);
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
    public async Task RunAsync_OptionLikeFileAfterDoubleDash_IsReadAsAFile()
    {
        var run = await CliRun.RunAsync("history", "show", "--", "--not-an-option.json");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("swf history show: --not-an-option.json: no such file." + NewLine, run.Error);
    }

    [Fact]
    public async Task RunAsync_OptionWithoutValue_SaysWhatIsMissing()
    {
        var run = await CliRun.RunAsync("history", "get", "--domain");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("swf history get: Required argument missing for option: '--domain'.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingRequiredOption_NamesItAndOnlyIt()
    {
        var run = await CliRun.RunAsync("history", "get", "--workflow-id", "w", "--endpoint", "http://127.0.0.1:1");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal(
            "swf history get: Option '--domain' is required." + NewLine + "Run 'swf history get --help' for usage." + NewLine,
            run.Error);
    }

    [Theory]
    [InlineData("swf history show: The option --width must be a whole number from 8 to 100000; it is '3'.", "history", "show", "--width", "3", "a.json")]
    [InlineData("swf history show: The option --width must be a whole number from 8 to 100000; it is 'wide'.", "history", "show", "--width", "wide", "a.json")]
    [InlineData(
        "swf history get: The option --timeout must be a number of seconds above 0 and at most 3600; it is '0'.",
        "history", "get", "--domain", "d", "--workflow-id", "w", "--region", "r", "--timeout", "0")]
    [InlineData(
        "swf history get: The option --max-attempts must be a whole number from 1 to 10; it is '11'.",
        "history", "get", "--domain", "d", "--workflow-id", "w", "--region", "r", "--max-attempts", "11")]
    [InlineData("swf history get: The option --domain needs a value that is not empty.", "history", "get", "--domain", "", "--workflow-id", "w", "--region", "r")]
    public async Task RunAsync_OptionValueFailsValidation_NamesTheOptionAndTheValue(string message, params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.StartsWith(message + NewLine, run.Error, StringComparison.Ordinal);
        Assert.Contains("--help' for usage.", run.Error, StringComparison.Ordinal);
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

    [Fact]
    public void GetCompletions_PartOfACommand_OffersTheCommandsItStarts()
    {
        var completions = Cli.Parse("history sh", Context()).GetCompletions().Select(c => c.Label);

        Assert.Equal(["show"], completions);
    }

    [Fact]
    public void GetCompletions_PartOfAnOption_OffersTheOptionsItStarts()
    {
        var completions = Cli.Parse("history show --no-", Context()).GetCompletions().Select(c => c.Label);

        Assert.Equal(["--no-color", "--no-decisions"], completions);
    }

    [Fact]
    public void GetCompletions_AfterHistory_OffersItsCommandsButNotTheHiddenHelp()
    {
        var completions = Cli.Parse("history ", Context()).GetCompletions().Select(c => c.Label).ToList();

        Assert.Contains("get", completions);
        Assert.Contains("show", completions);
        Assert.Contains("diff", completions);
        Assert.DoesNotContain(Cli.Parse("", Context()).GetCompletions(), c => c.Label == "help");
    }

    [Fact]
    public async Task RunAsync_SuggestDirective_PrintsCompletionsForTheShell()
    {
        var run = await CliRun.RunAsync("[suggest:10]", "history sh");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("show" + NewLine, run.Out);
    }

    private static CliContext Context() => new() { Out = TextWriter.Null, Error = TextWriter.Null };
}
