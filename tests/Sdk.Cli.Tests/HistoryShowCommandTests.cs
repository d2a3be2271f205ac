using Swf.Cli.Tests.TestSupport;

namespace Swf.Cli.Tests;

public sealed class HistoryShowCommandTests
{
    [Fact]
    public async Task Show_V2Pages_PrintsTimelineWithKeyAttributes()
    {
        var run = await CliRun.RunAsync("history", "show", CliRun.History("greeting.v2-pages.json"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        var lines = run.Out.Split('\n');
        Assert.StartsWith("Greeting/1  ·  22 events  ·  started 2026-03-01T09:00:00.000Z  ·  last event at +00:01:02.000", lines[0], StringComparison.Ordinal);
        Assert.Equal("closed: WorkflowExecutionCompleted", lines[1]);
        Assert.Contains(lines, l => l.StartsWith(" 1  +00:00:00.000  WorkflowExecutionStarted ", StringComparison.Ordinal) && l.EndsWith("Greeting/1  input=\"ada\"  taskList=decisions", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(" 7  +00:00:02.000  ActivityTaskCompleted ", StringComparison.Ordinal) && l.EndsWith("Greet/1  activityId=1  result=\"hello ada\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("11  +00:00:02.000  TimerStarted ", StringComparison.Ordinal) && l.EndsWith("t1  startToFireTimeout=60s", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("12  +00:01:02.000  TimerFired ", StringComparison.Ordinal) && l.EndsWith("t1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(" 3  ", StringComparison.Ordinal) && l.EndsWith("identity=decider", StringComparison.Ordinal));
        Assert.DoesNotContain("\e[", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_SignalAndNoDecisions_ShowsSignalAndHidesDecisionTasks()
    {
        var run = await CliRun.RunAsync("history", "show", "--no-decisions", CliRun.History("greeting-hurried.v1.json"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("WorkflowExecutionSignaled   hurry  input=\"now\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("TimerCanceled", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("DecisionTaskStarted", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Width_ShortensLongValues()
    {
        var run = await CliRun.RunAsync("history", "show", "--width", "8", CliRun.History("greeting.v1.json"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("result=\"HELLO …", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Color_PaintsFailuresAndSuccesses()
    {
        var run = await CliRun.RunAsync("history", "show", "--color", CliRun.History("greeting.v1.json"));

        Assert.Contains("\e[32mWorkflowExecutionCompleted", run.Out, StringComparison.Ordinal);
        Assert.Contains("\e[0m", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_NoColorAndColor_NoColorWins()
    {
        var run = await CliRun.RunAsync("history", "show", "--color", "--no-color", CliRun.History("greeting.v1.json"));

        Assert.DoesNotContain("\e[", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void UseColor_NoColorEnvironment_TurnsColoursOff()
    {
        var context = new CliContext { Out = TextWriter.Null, Error = TextWriter.Null, OutIsTerminal = true, GetEnvironmentVariable = n => n == "NO_COLOR" ? "1" : null };
        var terminal = new CliContext { Out = TextWriter.Null, Error = TextWriter.Null, OutIsTerminal = true, GetEnvironmentVariable = _ => null };
        var redirected = new CliContext { Out = TextWriter.Null, Error = TextWriter.Null, OutIsTerminal = false, GetEnvironmentVariable = _ => null };

        Assert.False(context.UseColor(color: false, noColor: false));
        Assert.True(terminal.UseColor(color: false, noColor: false));
        Assert.False(redirected.UseColor(color: false, noColor: false));
    }

    [Theory]
    [InlineData("missing.json", "missing.json: no such file.")]
    [InlineData("not-json.txt", "is not an SWF history: it is not valid JSON")]
    [InlineData("not-a-history.json", "is not an SWF history: its JSON value 1 is an object without \"events\"")]
    public async Task Show_BadFile_ExitsTwoWithClearError(string file, string message)
    {
        var run = await CliRun.RunAsync("history", "show", CliRun.History(file));

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.StartsWith("swf history show: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }
}
