using System.Text.Json.Nodes;
using Swf.Cli.Tests.TestSupport;
using Swf.Cli.Tests.Workflows;
using Swf.Payloads;

namespace Swf.Cli.Tests;

/// <summary><c>swf replay</c> and <c>swf history show</c> on a history whose payloads are encrypted.</summary>
public sealed class EncodedHistoryCommandTests : IDisposable
{
    private static readonly string WorkflowsAssembly = Path.Combine(AppContext.BaseDirectory, "Swf.Sdk.Cli.Tests.Workflows.dll");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "swf-cli-encoded-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The greeting history with every input, result and details encrypted, as a decider with the pipeline writes it.</summary>
    private async Task<string> EncryptedHistoryAsync()
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(CliRun.History("greeting.v1.json")))!;
        foreach (var historyEvent in document["events"]!.AsArray())
        {
            foreach (var (name, attributes) in historyEvent!.AsObject().Where(m => m.Key.EndsWith("Attributes", StringComparison.Ordinal)).ToList())
            {
                foreach (var field in new[] { "input", "result", "details" })
                {
                    if (attributes![field] is JsonValue value)
                    {
                        attributes[field] = await GreetingPayloads.Pipeline.EncodeAsync(value.GetValue<string>(), PayloadStoreContext.None);
                    }
                }
            }
        }

        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "greeting.encrypted.json");
        await File.WriteAllTextAsync(path, document.ToJsonString());
        return path;
    }

    [Fact]
    public async Task Replay_WithPayloadPipeline_Replays()
    {
        var history = await EncryptedHistoryAsync();

        var run = await CliRun.RunAsync("replay", "--assembly", WorkflowsAssembly, "--payload-pipeline", nameof(GreetingPayloads), history);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("greeting.encrypted.json", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WithoutPayloadPipeline_FailsNamingCodecAndKey()
    {
        var history = await EncryptedHistoryAsync();

        var run = await CliRun.RunAsync("replay", "--assembly", WorkflowsAssembly, history);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("codec 'aes-gcm' with key 'greeting-key'", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_WithPayloadPipeline_ShowsDecodedPayloads()
    {
        var history = await EncryptedHistoryAsync();

        var run = await CliRun.RunAsync("history", "show", "--assembly", WorkflowsAssembly, "--payload-pipeline", nameof(GreetingPayloads), history);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("input=\"ada\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("result=\"hello ada\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_WithoutPayloadPipeline_ShowsPayloadsAsStored()
    {
        var history = await EncryptedHistoryAsync();

        var run = await CliRun.RunAsync("history", "show", "--full", history);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("swf-payload", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("hello ada", run.Out, StringComparison.Ordinal);
    }
}
