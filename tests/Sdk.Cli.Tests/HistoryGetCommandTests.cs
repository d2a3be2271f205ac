using Swf.Serialization;
using Swf.Cli.Histories;
using Swf.Cli.Tests.TestSupport;

namespace Swf.Cli.Tests;

public sealed class HistoryGetCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("swf-cli-get-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Get_SmallPages_DownloadsEveryPageIntoOneCliHistory()
    {
        using var sample = await SampleRun.StartAsync();
        await using var server = new SwfHttpTestServer(sample.Engine);
        var output = Path.Combine(_folder, "history.json");

        var run = await CliRun.RunAsync(
            "history", "get", "--endpoint", server.Url.ToString(), "--domain", SampleRun.Domain,
            "--workflow-id", SampleRun.WorkflowId, "--run-id", sample.RunId, "--page-size", "5", "-o", output);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains($"Wrote 22 events (5 pages) of {SampleRun.WorkflowId} run {sample.RunId} to {output}.", run.Error, StringComparison.Ordinal);
        Assert.Equal(5, server.Targets.Count(t => t == "SimpleWorkflowService.GetWorkflowExecutionHistory"));
        var expected = await sample.HistoryAsync();
        var execution = new Swf.Model.WorkflowExecution { WorkflowId = SampleRun.WorkflowId, RunId = sample.RunId };
        Assert.Equal(HistoryJson.Write(expected, execution, isoTimestamps: false), await File.ReadAllBytesAsync(output));

        // What was downloaded reads back as the same history the engine holds, and compares as equal to the sample.
        var diff = await CliRun.RunAsync("history", "diff", output, CliRun.History("greeting.v1.json"));
        Assert.True(diff.ExitCode == ExitCodes.Success, diff.ToString());
    }

    [Fact]
    public async Task Get_NoRunIdNoOutput_FindsTheLatestRunAndPrintsIsoTimestamps()
    {
        using var sample = await SampleRun.StartAsync();
        await using var server = new SwfHttpTestServer(sample.Engine);

        var run = await CliRun.RunAsync(
            "history", "get", "--endpoint", server.Url.ToString(), "--domain", SampleRun.Domain, "--workflow-id", SampleRun.WorkflowId, "--iso-timestamps");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("SimpleWorkflowService.ListOpenWorkflowExecutions", server.Targets);
        Assert.Contains("SimpleWorkflowService.ListClosedWorkflowExecutions", server.Targets);
        Assert.Contains("\"eventTimestamp\": \"2026-03-01T09:00:00.000000+00:00\"", run.Out, StringComparison.Ordinal);
        var document = HistoryFile.ParseDocument(System.Text.Encoding.UTF8.GetBytes(run.Out), "stdout");
        Assert.Equal(22, document.Events.Count);
        Assert.Equal((SampleRun.WorkflowId, sample.RunId), (document.Execution!.WorkflowId, document.Execution.RunId));
    }

    [Fact]
    public async Task Get_UnknownExecution_SaysSo()
    {
        using var sample = await SampleRun.StartAsync();
        await using var server = new SwfHttpTestServer(sample.Engine);

        var run = await CliRun.RunAsync(
            "history", "get", "--endpoint", server.Url.ToString(), "--domain", SampleRun.Domain, "--workflow-id", "nobody", "--run-id", "r", "--max-attempts", "1");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("knows no such domain or execution (domain 'greetings', workflow id 'nobody', run id 'r')", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Get_ServerNotListening_FailsQuicklyWithClearError()
    {
        var port = SwfHttpTestServer.FreePort();
        var output = Path.Combine(_folder, "never.json");

        var run = await CliRun.RunAsync(
            "history", "get", "--endpoint", $"http://127.0.0.1:{port}", "--domain", "d", "--workflow-id", "w", "--run-id", "r",
            "--max-attempts", "1", "--timeout", "5", "-o", output);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains($"SWF at http://127.0.0.1:{port}/ did not answer", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Get_ServerAcceptsButNeverAnswers_TimesOutWithClearError()
    {
        // The kernel accepts the connection into the backlog; nothing ever reads or answers it.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;

        var run = await CliRun.RunAsync(
            "history", "get", "--endpoint", $"http://127.0.0.1:{port}", "--domain", "d", "--workflow-id", "w", "--run-id", "r",
            "--max-attempts", "1", "--timeout", "0.2");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains($"SWF at http://127.0.0.1:{port}/ did not answer: SWF did not answer GetWorkflowExecutionHistory within 00:00:00.2", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--workflow-id", "w", "--endpoint", "http://127.0.0.1:1" }, "swf history get: Option '--domain' is required.")]
    [InlineData(new[] { "--domain", "d", "--endpoint", "http://127.0.0.1:1" }, "swf history get: Option '--workflow-id' is required.")]
    [InlineData(new[] { "--domain", "d", "--workflow-id", "w", "--endpoint", "ftp://x" }, "swf history get: The option --endpoint must be an http:// or https:// URL; it is 'ftp://x'.")]
    [InlineData(new[] { "--domain", "d", "--workflow-id", "w", "--endpoint", "http://127.0.0.1:1", "--page-size", "0" }, "swf history get: The option --page-size must be a whole number from 1 to 1000; it is '0'.")]
    public async Task Get_BadOptions_AreUsageErrors(string[] options, string message)
    {
        var run = await CliRun.RunAsync(["history", "get", .. options]);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'swf history get --help' for usage.", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }
}
