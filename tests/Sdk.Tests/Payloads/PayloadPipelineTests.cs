using Swf.Exceptions;
using Swf.Model;
using Swf.Payloads;

namespace Swf.Tests.Payloads;

public class PayloadPipelineTests
{
    private static readonly PayloadStoreContext Run = new("shop", "order-1", "run-1");
    private static readonly string Large = "[" + string.Join(",", Enumerable.Range(0, 2000).Select(i => $"{{\"sku\":\"SKU-{i}\",\"qty\":{i % 7}}}")) + "]";

    private static InMemoryEncryptionKeyProvider Keys(string current = "k1") =>
        new(current, new Dictionary<string, byte[]> { ["k1"] = new byte[32], ["k2"] = [.. Enumerable.Repeat((byte)7, 32)] });

    private static PayloadPipeline Pipeline(IPayloadStore? store = null, int threshold = PayloadPipelineOptions.DefaultStoreThreshold, string currentKey = "k1")
    {
        var options = new PayloadPipelineOptions { Store = store, StoreThreshold = threshold };
        options.Codecs.Add(new CompressionPayloadCodec());
        options.Codecs.Add(new AesGcmPayloadCodec(Keys(currentKey)));
        return new PayloadPipeline(options);
    }

    [Fact]
    public async Task EncodeAsync_EmptyPipeline_PassesPayloadUnchanged()
    {
        Assert.Equal("{\"a\":1}", await PayloadPipeline.Empty.EncodeAsync("{\"a\":1}", Run));
        Assert.Null(await PayloadPipeline.Empty.EncodeAsync(null, Run));
    }

    [Fact]
    public async Task EncodeAsync_CompressionAndEncryption_WritesEnvelopeNamingCodecsAndKey()
    {
        var pipeline = Pipeline();

        var wire = await pipeline.EncodeAsync(Large, Run);

        Assert.StartsWith("{\"swf-payload\":1,\"codecs\":[{\"name\":\"deflate\"},{\"name\":\"aes-gcm\",\"key\":\"k1\"}]", wire, StringComparison.Ordinal);
        Assert.DoesNotContain("SKU-", wire, StringComparison.Ordinal);
        Assert.True(wire!.Length < Large.Length / 3);
        Assert.Equal(Large, await pipeline.DecodeAsync(wire));
    }

    [Fact]
    public async Task DecodeAsync_PlainPayloadWrittenBeforeCodecs_ReadsAsItIs()
    {
        Assert.Equal("{\"a\":1}", await Pipeline().DecodeAsync("{\"a\":1}"));
    }

    [Fact]
    public async Task DecodeAsync_ReaderWithoutCodecs_ThrowsNamingCodecAndKey()
    {
        var wire = await Pipeline().EncodeAsync(Large, Run);

        var error = await Assert.ThrowsAsync<PayloadCodecException>(async () => await PayloadPipeline.Empty.DecodeAsync(wire));

        Assert.Equal("aes-gcm", error.Codec);
        Assert.Equal("k1", error.KeyId);
        Assert.Contains("codec 'aes-gcm' with key 'k1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("deflate, aes-gcm (key 'k1')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecodeAsync_RotatedKey_ReadsOldAndWritesNew()
    {
        var old = await Pipeline(currentKey: "k1").EncodeAsync(Large, Run);
        var rotated = Pipeline(currentKey: "k2");

        var fresh = await rotated.EncodeAsync(Large, Run);

        Assert.Contains("\"key\":\"k2\"", fresh, StringComparison.Ordinal);
        Assert.Equal(Large, await rotated.DecodeAsync(old));
    }

    [Fact]
    public async Task EncodeAsync_PlainPayloadThatLooksLikeAnEnvelope_ReadsBackAsItself()
    {
        var pipeline = new PayloadPipeline(new PayloadPipelineOptions { Store = new InMemoryPayloadStore() });
        const string tricky = "{\"swf-payload\":1,\"data\":\"bm90IG1pbmU=\"}";

        var wire = await pipeline.EncodeAsync(tricky, Run);

        Assert.NotEqual(tricky, wire);
        Assert.Equal(tricky, await pipeline.DecodeAsync(wire));
    }

    [Fact]
    public async Task EncodeAsync_OverThreshold_StoresPayloadAndHistoryKeepsReference()
    {
        var store = new InMemoryPayloadStore();
        var pipeline = new PayloadPipeline(new PayloadPipelineOptions { Store = store });

        var wire = await pipeline.EncodeAsync(Large, Run);

        Assert.StartsWith("{\"swf-payload\":1,\"store\":\"memory\",\"ref\":\"shop/order-1/run-1/", wire, StringComparison.Ordinal);
        Assert.True(wire!.Length < 300, wire);
        Assert.Equal(1, store.Count);
        Assert.Equal(Large, await pipeline.DecodeAsync(wire));
    }

    [Fact]
    public async Task EncodeAsync_IdenticalLargePayloads_StoredOnce()
    {
        var store = new InMemoryPayloadStore();
        var pipeline = new PayloadPipeline(new PayloadPipelineOptions { Store = store });

        var first = await pipeline.EncodeAsync(Large, Run);
        var second = await pipeline.EncodeAsync(Large, Run);

        Assert.Equal(first, second);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task EncodeAsync_ThresholdConfigured_StoresAboveItOnly()
    {
        var store = new InMemoryPayloadStore();
        var pipeline = new PayloadPipeline(new PayloadPipelineOptions { Store = store, StoreThreshold = 100 });

        Assert.Equal(new string('a', 100), await pipeline.EncodeAsync(new string('a', 100), Run));
        Assert.Equal(0, store.Count);
        Assert.NotEqual(new string('a', 101), await pipeline.EncodeAsync(new string('a', 101), Run));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task EncodeAsync_TooLargeEvenCompressedWithoutStore_ThrowsPayloadTooLarge()
    {
        var options = new PayloadPipelineOptions();
        options.Codecs.Add(new CompressionPayloadCodec());
        var pipeline = new PayloadPipeline(options);
        var random = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(40_000));

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(async () => await pipeline.EncodeAsync(random, null, Run, "StartAsync(Order 1) input"));

        Assert.Equal("StartAsync(Order 1) input", error.Call);
    }

    [Fact]
    public async Task DecodeAsync_StoredPayloadWithoutStore_ThrowsNamingTheStore()
    {
        var wire = await new PayloadPipeline(new PayloadPipelineOptions { Store = new InMemoryPayloadStore() }).EncodeAsync(Large, Run);

        var error = await Assert.ThrowsAsync<PayloadCodecException>(async () => await PayloadPipeline.Empty.DecodeAsync(wire));

        Assert.Contains("payload store 'memory'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecodeAsync_StoredObjectChanged_ThrowsHashMismatch()
    {
        var store = new InMemoryPayloadStore();
        var pipeline = new PayloadPipeline(new PayloadPipelineOptions { Store = store });
        var wire = await pipeline.EncodeAsync(Large, Run);
        var tampered = new InMemoryPayloadStore();
        await tampered.PutAsync(store.Keys.Single(), "[]"u8.ToArray());

        var error = await Assert.ThrowsAsync<PayloadCodecException>(async () => await new PayloadPipeline(new PayloadPipelineOptions { Store = tampered }).DecodeAsync(wire));

        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EncodeAsync_Headers_CarriedInsideEnvelope()
    {
        var headers = new Dictionary<string, string> { ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" };

        var wire = await PayloadPipeline.Empty.EncodeAsync("{\"a\":1}", headers, Run, "input");
        var (payload, read) = await PayloadPipeline.Empty.DecodeWithHeadersAsync(wire);

        Assert.Equal("{\"a\":1}", payload);
        Assert.Equal(headers, read);
    }

    [Fact]
    public async Task EncodeDecisionsAsync_PayloadFields_EncodedInCopiesOnly()
    {
        var pipeline = Pipeline();
        var decision = new Decision
        {
            DecisionType = DecisionType.ScheduleActivityTask,
            ScheduleActivityTaskDecisionAttributes = new ScheduleActivityTaskDecisionAttributes
            {
                ActivityId = "1",
                ActivityType = new ActivityType { Name = "Charge", Version = "1" },
                Input = Large,
                Control = "plain-control",
            },
        };

        var sent = await pipeline.EncodeDecisionsAsync([decision], Run);

        var attributes = sent.Single().ScheduleActivityTaskDecisionAttributes!;
        Assert.Equal(Large, decision.ScheduleActivityTaskDecisionAttributes.Input);
        Assert.True(PayloadPipeline.IsEncoded(attributes.Input));
        Assert.Equal("plain-control", attributes.Control);
        Assert.Equal("Charge", attributes.ActivityType.Name);
    }

    [Fact]
    public async Task DecodeEventsAsync_PayloadFields_DecodedInPlace()
    {
        var pipeline = Pipeline();
        var wire = await pipeline.EncodeAsync(Large, Run);
        var events = new List<HistoryEvent>
        {
            new()
            {
                EventId = 1,
                EventType = EventType.WorkflowExecutionStarted,
                EventTimestamp = DateTime.UnixEpoch,
                WorkflowExecutionStartedEventAttributes = new WorkflowExecutionStartedEventAttributes
                {
                    Input = wire,
                    ChildPolicy = ChildPolicy.Terminate,
                    TaskList = new TaskList { Name = "t" },
                    WorkflowType = new WorkflowType { Name = "W", Version = "1" },
                },
            },
            new()
            {
                EventId = 2,
                EventType = EventType.ActivityTaskFailed,
                EventTimestamp = DateTime.UnixEpoch,
                ActivityTaskFailedEventAttributes = new ActivityTaskFailedEventAttributes { Reason = "Boom", Details = wire, ScheduledEventId = 1, StartedEventId = 1 },
            },
        };

        await pipeline.DecodeEventsAsync(events);

        Assert.Equal(Large, events[0].WorkflowExecutionStartedEventAttributes!.Input);
        Assert.Equal(Large, events[1].ActivityTaskFailedEventAttributes!.Details);
        Assert.Equal("Boom", events[1].ActivityTaskFailedEventAttributes!.Reason);
    }
}
