using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Swf.Payloads;

namespace Docs.Snippets.Payloads;

/// <summary>The decode endpoint that swf-local's console calls with <c>--codec-endpoint</c> (docs/payloads.md).</summary>
public static class PayloadDecoderApp
{
    public static WebApplication Build(string[] args, IEncryptionKeyProvider keys, IPayloadStore store)
    {
        #region decode-endpoint
        var builder = WebApplication.CreateSlimBuilder(args);
        // Loopback only: the endpoint answers with decrypted payloads.
        builder.WebHost.UseUrls("http://127.0.0.1:5181");
        var app = builder.Build();

        // The same codecs, keys and store as the workers that wrote the histories.
        var pipeline = new PayloadPipeline(new PayloadPipelineOptions
        {
            Codecs = { new CompressionPayloadCodec(PayloadCompression.Brotli), new AesGcmPayloadCodec(keys) },
            Store = store,
        });
        app.MapSwfPayloadDecoder("/decode", pipeline);
        #endregion
        return app;
    }
}
