using System.Security.Cryptography;
using System.Text.Json;
using Swf.Activities;
using Swf.Exceptions;
using Swf.Hosting;
using Swf.Model;
using Swf.Payloads;
using Swf.Serialization;
using Swf.Testing;
using Swf.Worker;
using Swf.Workflows;

namespace Swf.Tests.Payloads;

/// <summary>
/// A workflow whose input, activity input and result, signal, side effect and result are all far over SWF's
/// 32,768 characters, run with compression, encryption and the claim check on the embedded engine.
/// </summary>
public sealed class PayloadEndToEndTests : IDisposable
{
    private const string Marker = "LINE-ITEM";
    private static readonly WorkflowType Orders = new() { Name = "BigOrder", Version = "1" };
    private static readonly ActivityType Price = new() { Name = "Price", Version = "1" };
    private static readonly string BigOrder = "[" + string.Join(",", Enumerable.Range(0, 4000).Select(i => $"{{\"sku\":\"{Marker}-{i}\",\"serial\":\"{Convert.ToHexString(SHA256.HashData(BitConverter.GetBytes(i)))}\"}}")) + "]";
    private readonly string _histories = Path.Combine(Path.GetTempPath(), "swf-payload-e2e-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_histories))
        {
            Directory.Delete(_histories, recursive: true);
        }
    }

    private sealed class BigOrderWorkflow
    {
        private string? _note;

        public async Task<string?> RunAsync(string? input)
        {
            var priced = await Workflow.ExecuteActivityAsync(Price, input);
            await Workflow.WaitConditionAsync(() => _note is not null);
            var echo = Workflow.SideEffect(() => priced);
            return $"{input!.Length}|{echo!.Length}|{_note!.Length}|{priced![..12]}";
        }

        public Task NoteAsync(string? note)
        {
            _note = note;
            return Task.CompletedTask;
        }
    }

    private static WorkflowDefinition Definition() => new()
    {
        WorkflowType = Orders,
        DefaultTaskList = "orders",
        DefaultExecutionStartToCloseTimeout = TimeSpan.FromDays(1),
        DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
        DefaultChildPolicy = ChildPolicy.Terminate,
        CreateInstance = () => new BigOrderWorkflow(),
        Run = (w, input) => ((BigOrderWorkflow)w).RunAsync(input),
        Signals = new Dictionary<string, Func<object, string?, Task>> { ["note"] = (w, input) => ((BigOrderWorkflow)w).NoteAsync(input) },
    };

    private static void Configure(ISwfBuilder swf) => swf
        .AddWorkflow(Definition())
        .AddActivities([new ActivityDefinition
        {
            ActivityType = Price,
            DefaultTaskList = "pricing",
            DefaultScheduleToStartTimeout = TimeSpan.FromMinutes(5),
            DefaultScheduleToCloseTimeout = TimeSpan.FromHours(1),
            DefaultStartToCloseTimeout = TimeSpan.FromMinutes(30),
            Execute = (_, input) => Task.FromResult<string?>("priced:" + input!.Replace(Marker, "PRICED-" + Marker, StringComparison.Ordinal)),
        }]);

    private static PayloadPipeline Pipeline(InMemoryPayloadStore store, params string[] keyIds)
    {
        var keys = keyIds.ToDictionary(id => id, id => Enumerable.Repeat((byte)id.Length, 32).Select((b, i) => (byte)(b + i + id[^1])).ToArray());
        var options = new PayloadPipelineOptions { Store = store };
        options.Codecs.Add(new CompressionPayloadCodec(PayloadCompression.Brotli));
        if (keyIds.Length > 0)
        {
            options.Codecs.Add(new AesGcmPayloadCodec(new InMemoryEncryptionKeyProvider(keyIds[0], keys)));
        }

        return new PayloadPipeline(options);
    }

    private async Task<(string Result, List<HistoryEvent> Raw, InMemoryPayloadStore Store)> RunAsync()
    {
        var store = new InMemoryPayloadStore();
        await using var env = await SwfTestEnvironment.StartAsync(Configure, options: new SwfTestEnvironmentOptions { PayloadPipeline = Pipeline(store, "2026-01") });
        var handle = await env.Client.StartAsync(Orders, "order-big", BigOrder);
        await env.RunUntilIdleAsync();
        await handle.SignalAsync("note", new string('n', 40_000));
        await env.RunUntilClosedAsync();
        var result = await handle.GetResultAsync();

        // The history as SWF holds it, read past the client (which would decode it).
        var raw = (await env.Engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
        {
            Domain = "test",
            Execution = new WorkflowExecution { WorkflowId = "order-big", RunId = handle.RunId! },
        })).History.Events;
        return (result!, raw, store);
    }

    private string WriteHistory(List<HistoryEvent> events)
    {
        Directory.CreateDirectory(_histories);
        var path = Path.Combine(_histories, "order-big.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new History { Events = events }, SwfJsonContext.Default.History));
        return path;
    }

    [Fact]
    public async Task ExecuteWorkflow_PayloadsOverSwfLimit_CompletesThroughCodecsAndClaimCheck()
    {
        var (result, _, store) = await RunAsync();

        var priced = "priced:" + BigOrder.Replace(Marker, "PRICED-" + Marker, StringComparison.Ordinal);
        Assert.Equal($"{BigOrder.Length}|{priced.Length}|40000|{priced[..12]}", result);
        Assert.True(store.Count >= 3, $"{store.Count} stored objects");
    }

    [Fact]
    public async Task RawHistory_CompressedEncryptedAndStored_HoldsNoPlainPayload()
    {
        var (_, raw, _) = await RunAsync();

        var payloads = raw.SelectMany(e => new[]
        {
            e.WorkflowExecutionStartedEventAttributes?.Input,
            e.ActivityTaskScheduledEventAttributes?.Input,
            e.ActivityTaskCompletedEventAttributes?.Result,
            e.WorkflowExecutionSignaledEventAttributes?.Input,
            e.MarkerRecordedEventAttributes?.Details,
            e.WorkflowExecutionCompletedEventAttributes?.Result,
        }).Where(p => p is not null).ToList();
        Assert.Equal(6, payloads.Count);
        Assert.All(payloads, p =>
        {
            Assert.True(PayloadPipeline.IsEncoded(p), p);
            Assert.True(p!.Length <= PayloadTooLargeException.DataLimit);
            Assert.DoesNotContain(Marker, p, StringComparison.Ordinal);
        });
        Assert.Contains(payloads, p => p!.Contains("\"ref\":\"test/order-big/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplayFile_WithTheSamePipeline_Replays()
    {
        var (_, raw, store) = await RunAsync();
        var path = WriteHistory(raw);

        var replay = WorkflowReplayer.ReplayFile(path, [Definition()], new WorkflowReplayOptions { PayloadPipeline = Pipeline(store, "2026-01") });

        Assert.True(replay.Succeeded, replay.ToString());
    }

    [Fact]
    public async Task ReplayFile_RotatedKeyStillHeld_Replays()
    {
        var (_, raw, store) = await RunAsync();
        var path = WriteHistory(raw);

        var replay = WorkflowReplayer.ReplayFile(path, [Definition()], new WorkflowReplayOptions { PayloadPipeline = Pipeline(store, "2026-07", "2026-01") });

        Assert.True(replay.Succeeded, replay.ToString());
    }

    [Fact]
    public async Task ReplayFile_WithoutTheKey_FailsNamingTheKeyId()
    {
        var (_, raw, store) = await RunAsync();
        var path = WriteHistory(raw);

        var replay = WorkflowReplayer.ReplayFile(path, [Definition()], new WorkflowReplayOptions { PayloadPipeline = Pipeline(store, "2026-07") });

        var error = Assert.IsType<PayloadCodecException>(replay.Error);
        Assert.Equal("2026-01", error.KeyId);
        Assert.Contains("'2026-01'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayFile_WithoutAnyCodec_FailsNamingTheMissingPiece()
    {
        var (_, raw, _) = await RunAsync();
        var path = WriteHistory(raw);

        var replay = WorkflowReplayer.ReplayFile(path, [Definition()], new WorkflowReplayOptions());

        var error = Assert.IsType<PayloadCodecException>(replay.Error);
        Assert.Matches("codec 'aes-gcm' with key '2026-01'|payload store 'memory'", error.Message);
    }

    [Fact]
    public async Task ExecuteWorkflow_DeciderWithoutTheKey_DecisionTaskFailsNamingIt()
    {
        var store = new InMemoryPayloadStore();
        await using var writer = await SwfTestEnvironment.StartAsync(Configure, options: new SwfTestEnvironmentOptions { PayloadPipeline = Pipeline(store, "2026-01") });
        var encodedInput = await writer.Payloads.EncodeAsync(BigOrder, new PayloadStoreContext("test", "order-x", null));
        await using var reader = await SwfTestEnvironment.StartAsync(Configure, options: new SwfTestEnvironmentOptions { PayloadPipeline = Pipeline(store, "2026-07") });

        // The reader's client must not re-encode: start through the engine with the input as the writer encoded it.
        await reader.Engine.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest
        {
            Domain = "test",
            WorkflowId = "order-x",
            WorkflowType = Orders,
            Input = encodedInput,
        });
        var failure = await Assert.ThrowsAsync<WorkflowTaskFailedException>(() => reader.RunUntilClosedAsync());

        Assert.IsType<PayloadCodecException>(failure.InnerException);
        Assert.Contains("'2026-01'", failure.InnerException!.Message, StringComparison.Ordinal);
    }
}
