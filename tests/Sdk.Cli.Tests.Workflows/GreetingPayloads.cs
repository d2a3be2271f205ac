using Swf.Payloads;

namespace Swf.Cli.Tests.Workflows;

/// <summary>The payload pipeline of encrypted greeting histories, for <c>swf replay</c> and <c>swf history show</c> with <c>--payload-pipeline</c>.</summary>
public static class GreetingPayloads
{
    public static PayloadPipeline Pipeline { get; } = Create();

    private static PayloadPipeline Create()
    {
        var options = new PayloadPipelineOptions();
        options.Codecs.Add(new AesGcmPayloadCodec(new InMemoryEncryptionKeyProvider("greeting-key", new Dictionary<string, byte[]> { ["greeting-key"] = [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 7))] })));
        return new PayloadPipeline(options);
    }
}
