using System.Text;
using Swf.Model;
using Swf.Payloads;

namespace Swf.Tests.Payloads;

public class PayloadHeadersTests
{
    private static readonly PayloadStoreContext Run = new("shop", "order-1", "run-1");
    private static readonly Dictionary<string, string> Trace = new() { ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", ["tenant"] = "acme" };

    private static PayloadPipeline Encrypted(IPayloadStore? store = null, int threshold = PayloadPipelineOptions.DefaultStoreThreshold)
    {
        var options = new PayloadPipelineOptions { Store = store, StoreThreshold = threshold };
        options.Codecs.Add(new AesGcmPayloadCodec(new InMemoryEncryptionKeyProvider("k1", new Dictionary<string, byte[]> { ["k1"] = new byte[32] })));
        return new PayloadPipeline(options);
    }

    [Fact]
    public async Task EncodeAsync_HeadersWithoutCodec_JsonSitsInlineAndReadsBackByteForByte()
    {
        const string Payload = "{\"id\":\"order-1\",\"lines\":[1, 2]}";

        var wire = await PayloadPipeline.Empty.EncodeAsync(Payload, Trace, Run, "input");
        var (payload, headers) = await PayloadPipeline.Empty.DecodeWithHeadersAsync(wire);

        Assert.Equal("{\"swf-payload\":1,\"headers\":{\"tenant\":\"acme\",\"traceparent\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"},\"json\":" + Payload + "}", wire);
        Assert.Equal(Payload, payload);
        Assert.Equal(Trace, headers);
    }

    [Fact]
    public async Task EncodeAsync_HeadersOnTextThatIsNotJson_WritesItAsString()
    {
        var wire = await PayloadPipeline.Empty.EncodeAsync(" plain text ", Trace, Run, "input");
        var (payload, _) = await PayloadPipeline.Empty.DecodeWithHeadersAsync(wire);

        Assert.EndsWith(",\"text\":\" plain text \"}", wire, StringComparison.Ordinal);
        Assert.Equal(" plain text ", payload);
    }

    [Fact]
    public async Task EncodeAsync_HeadersOnNullPayload_KeepsHeadersAndNull()
    {
        var wire = await PayloadPipeline.Empty.EncodeAsync(null, Trace, Run, "input");
        var (payload, headers) = await PayloadPipeline.Empty.DecodeWithHeadersAsync(wire);

        Assert.NotNull(wire);
        Assert.Null(payload);
        Assert.Equal(Trace, headers);
    }

    [Fact]
    public async Task EncodeAsync_NoHeaders_PlainPayloadUnchanged()
    {
        Assert.Equal("{\"a\":1}", await PayloadPipeline.Empty.EncodeAsync("{\"a\":1}", new Dictionary<string, string>(), Run, "input"));
        Assert.Null(await PayloadPipeline.Empty.EncodeAsync(null, new Dictionary<string, string>(), Run, "input"));
    }

    [Fact]
    public async Task DecodeWithHeadersAsync_EnvelopeOfEarlierVersionWithBase64Data_StillReads()
    {
        var old = "{\"swf-payload\":1,\"headers\":{\"tenant\":\"acme\"},\"data\":\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"a\":1}")) + "\"}";

        var (payload, headers) = await PayloadPipeline.Empty.DecodeWithHeadersAsync(old);

        Assert.Equal("{\"a\":1}", payload);
        Assert.Equal("acme", headers["tenant"]);
    }

    [Fact]
    public async Task EncodeAsync_HeadersWithCodec_HeadersStayInClearOutsideTheEncryptedData()
    {
        var pipeline = Encrypted();

        var wire = await pipeline.EncodeAsync("{\"secret\":\"card-4242\"}", Trace, Run, "input");
        var (payload, headers) = await pipeline.DecodeWithHeadersAsync(wire);

        Assert.Contains("\"tenant\":\"acme\"", wire, StringComparison.Ordinal);
        Assert.DoesNotContain("card-4242", wire, StringComparison.Ordinal);
        Assert.Equal("{\"secret\":\"card-4242\"}", payload);
        Assert.Equal(Trace, headers);
    }

    [Fact]
    public async Task EncodeAsync_HeadersWithClaimCheck_RestoredFromTheStoredEnvelope()
    {
        var store = new InMemoryPayloadStore();
        var pipeline = Encrypted(store, threshold: 100);
        var large = "\"" + new string('x', 5_000) + "\"";

        var wire = await pipeline.EncodeAsync(large, Trace, Run, "input");
        var (payload, headers) = await pipeline.DecodeWithHeadersAsync(wire);

        Assert.Contains("\"ref\":", wire, StringComparison.Ordinal);
        Assert.Equal(1, store.Count);
        Assert.Equal(large, payload);
        Assert.Equal(Trace, headers);
    }

    [Fact]
    public async Task DecodeEventsAsync_PayloadWithHeaders_LeftInTheInlineFormForTheRuntime()
    {
        var pipeline = Encrypted();
        var wire = await pipeline.EncodeAsync("{\"a\":1}", Trace, Run, "input");
        var started = new HistoryEvent
        {
            EventId = 1,
            EventType = EventType.WorkflowExecutionStarted,
            EventTimestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            WorkflowExecutionStartedEventAttributes = new() { Input = wire, WorkflowType = new WorkflowType { Name = "w", Version = "1" }, TaskList = new TaskList { Name = "l" }, ChildPolicy = ChildPolicy.Terminate },
        };

        await pipeline.DecodeEventsAsync([started]);

        var inline = started.WorkflowExecutionStartedEventAttributes.Input;
        Assert.Equal(await PayloadPipeline.Empty.EncodeAsync("{\"a\":1}", Trace, Run, "input"), inline);
        var (payload, headers) = PayloadHeaders.Split(inline);
        Assert.Equal("{\"a\":1}", payload);
        Assert.Equal(Trace, headers);
    }

    [Fact]
    public async Task EncodeAsync_InlineFormFromTheRuntime_EncodesPayloadAndKeepsHeaders()
    {
        var pipeline = Encrypted();
        var inline = PayloadHeaders.Attach("{\"a\":1}", Trace);

        var wire = await pipeline.EncodeAsync(inline, Run);
        var (payload, headers) = await pipeline.DecodeWithHeadersAsync(wire);

        Assert.Contains("\"codecs\":[{\"name\":\"aes-gcm\",\"key\":\"k1\"}]", wire, StringComparison.Ordinal);
        Assert.Equal("{\"a\":1}", payload);
        Assert.Equal(Trace, headers);
    }
}
