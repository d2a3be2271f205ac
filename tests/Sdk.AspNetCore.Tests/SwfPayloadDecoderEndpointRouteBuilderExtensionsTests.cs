using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Swf.Payloads;

namespace Swf.AspNetCore.Tests;

public class SwfPayloadDecoderEndpointRouteBuilderExtensionsTests
{
    private const string ConsoleOrigin = "http://localhost:4577";
    private static readonly byte[] KeyOne = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly PayloadStoreContext Context = new("shop", "order-1", "run-1");

    [Fact]
    public async Task MapSwfPayloadDecoder_EncryptedCompressedAndPlainPayloads_AnswersEachDecodedInOrder()
    {
        var store = new InMemoryPayloadStore();
        var pipeline = Pipeline(store);
        var big = "{\"lines\":[" + string.Join(',', Enumerable.Range(1, 5_000).Select(i => $"{{\"sku\":\"SKU-{i}\",\"qty\":{i % 7}}}")) + "]}";
        var secret = "{\"card\":\"4111 1111 1111 1111\"}";
        var encodedSecret = await pipeline.EncodeAsync(secret, Context);
        var reference = await pipeline.EncodeAsync(big, Context);
        Assert.StartsWith("{\"swf-payload\":1,\"store\"", reference, StringComparison.Ordinal);
        await using var app = await DecoderApp.StartAsync(null, a => a.MapSwfPayloadDecoder("/decode", pipeline));

        var answer = await PostAsync(app, [encodedSecret, "\"plain\"", null, reference]);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var items = answer.Body!["payloads"]!.AsArray();
        Assert.Equal(4, items.Count);
        Assert.Equal(secret, (string?)items[0]!["payload"]);
        Assert.True((bool)items[0]!["decoded"]!);
        Assert.Equal("\"plain\"", (string?)items[1]!["payload"]);
        Assert.False((bool)items[1]!["decoded"]!);
        Assert.Null(items[2]!["payload"]);
        Assert.False((bool)items[2]!["decoded"]!);
        Assert.Equal(big, (string?)items[3]!["payload"]);
        Assert.True((bool)items[3]!["decoded"]!);
        Assert.All(items, i => Assert.Null(i!["error"]));
    }

    [Fact]
    public async Task MapSwfPayloadDecoder_KeyIdMissing_AnswersThatItemWithTheKeyIdAndDecodesTheRest()
    {
        var writer = Pipeline(null);
        var oldPayload = await writer.EncodeAsync("{\"n\":1}", Context);
        var reader = new PayloadPipeline(new PayloadPipelineOptions
        {
            Codecs = { new AesGcmPayloadCodec(new InMemoryEncryptionKeyProvider("k2", new Dictionary<string, byte[]> { ["k2"] = [.. KeyOne.Reverse()] })) },
        });
        var fresh = await reader.EncodeAsync("{\"n\":2}", Context);
        await using var app = await DecoderApp.StartAsync(null, a => a.MapSwfPayloadDecoder("/decode", reader));

        var answer = await PostAsync(app, [oldPayload, fresh]);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var items = answer.Body!["payloads"]!.AsArray();
        Assert.Equal(oldPayload, (string?)items[0]!["payload"]);
        Assert.False((bool)items[0]!["decoded"]!);
        Assert.Contains("'k1'", (string?)items[0]!["error"], StringComparison.Ordinal);
        Assert.Equal("aes-gcm", (string?)items[0]!["codec"]);
        Assert.Equal("k1", (string?)items[0]!["keyId"]);
        Assert.Equal("{\"n\":2}", (string?)items[1]!["payload"]);
        Assert.True((bool)items[1]!["decoded"]!);
    }

    [Fact]
    public async Task MapSwfPayloadDecoder_UnknownCodec_AnswersThatItemNamingTheCodec()
    {
        var encoded = await Pipeline(null).EncodeAsync("{\"n\":1}", Context);
        await using var app = await DecoderApp.StartAsync(null, a => a.MapSwfPayloadDecoder("/decode", PayloadPipeline.Empty));

        var answer = await PostAsync(app, [encoded]);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var item = answer.Body!["payloads"]![0]!;
        Assert.False((bool)item["decoded"]!);
        Assert.Equal(encoded, (string?)item["payload"]);
        Assert.Equal("aes-gcm", (string?)item["codec"]);
        Assert.Contains("codec 'aes-gcm'", (string?)item["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapSwfPayloadDecoder_NoPipelineGiven_UsesThePipelineOfTheServices()
    {
        var pipeline = Pipeline(null);
        var encoded = await pipeline.EncodeAsync("{\"n\":1}", Context);
        await using var app = await DecoderApp.StartAsync(s => s.AddSingleton(pipeline), a => a.MapSwfPayloadDecoder("/decode"));

        var answer = await PostAsync(app, [encoded]);

        Assert.Equal("{\"n\":1}", (string?)answer.Body!["payloads"]![0]!["payload"]);
    }

    [Fact]
    public async Task MapSwfPayloadDecoder_OriginNotAllowed_Refuses403WithoutDecoding()
    {
        var encoded = await Pipeline(null).EncodeAsync("{\"card\":\"4111\"}", Context);
        await using var app = await DecoderApp.StartAsync(null, a => a.MapSwfPayloadDecoder("/decode", Pipeline(null), o => o.AllowedOrigins.Add(ConsoleOrigin)));

        var answer = await PostAsync(app, [encoded], origin: "http://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.DoesNotContain("4111", answer.Text, StringComparison.Ordinal);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task MapSwfPayloadDecoder_AllowedOrigin_AnswersWithCorsHeaders()
    {
        var pipeline = Pipeline(null);
        var encoded = await pipeline.EncodeAsync("{\"n\":1}", Context);
        await using var app = await DecoderApp.StartAsync(null, a => a.MapSwfPayloadDecoder("/decode", pipeline, o => o.AllowedOrigins.Add(ConsoleOrigin + "/")));

        var answer = await PostAsync(app, [encoded], origin: ConsoleOrigin);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(ConsoleOrigin, answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("{\"n\":1}", (string?)answer.Body!["payloads"]![0]!["payload"]);
    }

    [Theory]
    [InlineData(ConsoleOrigin, HttpStatusCode.NoContent)]
    [InlineData("http://evil.example", HttpStatusCode.Forbidden)]
    public async Task MapSwfPayloadDecoder_Preflight_AnswersOnlyTheAllowedOrigin(string origin, HttpStatusCode expected)
    {
        await using var app = await DecoderApp.StartAsync(null, a => a.MapSwfPayloadDecoder("/decode", Pipeline(null), o => o.AllowedOrigins.Add(ConsoleOrigin)));
        using var request = new HttpRequestMessage(HttpMethod.Options, "/decode");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.NoContent)
        {
            Assert.Equal(origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        }
        else
        {
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        }
    }

    [Fact]
    public async Task MapSwfPayloadDecoder_NotJson_Answers415()
    {
        await using var app = await DecoderApp.StartAsync(null, a => a.MapSwfPayloadDecoder("/decode", Pipeline(null)));
        using var content = new StringContent("{\"payloads\":[]}", Encoding.UTF8, "text/plain");

        using var response = await app.Client.PostAsync(new Uri("/decode", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("[\"a\"]")]
    [InlineData("{\"payloads\":[1]}")]
    [InlineData("{\"payloads\":")]
    public async Task MapSwfPayloadDecoder_MalformedBody_Answers400WithAReason(string body)
    {
        await using var app = await DecoderApp.StartAsync(null, a => a.MapSwfPayloadDecoder("/decode", Pipeline(null)));
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await app.Client.PostAsync(new Uri("/decode", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"];
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public async Task MapSwfPayloadDecoder_MorePayloadsThanTheLimit_Answers400()
    {
        await using var app = await DecoderApp.StartAsync(null, a => a.MapSwfPayloadDecoder("/decode", Pipeline(null), o => o.MaxPayloads = 2));

        var answer = await PostAsync(app, ["1", "2", "3"]);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("at most 2", (string?)answer.Body!["error"], StringComparison.Ordinal);
    }

    private static PayloadPipeline Pipeline(IPayloadStore? store) => new(new PayloadPipelineOptions
    {
        Codecs =
        {
            new CompressionPayloadCodec(PayloadCompression.Brotli),
            new AesGcmPayloadCodec(new InMemoryEncryptionKeyProvider("k1", new Dictionary<string, byte[]> { ["k1"] = KeyOne })),
        },
        Store = store,
        StoreThreshold = 1_000,
    });

    private static async Task<Answer> PostAsync(DecoderApp app, string?[] payloads, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/decode")
        {
            Content = new StringContent(JsonSerializer.Serialize(new JsonObject { ["payloads"] = new JsonArray([.. payloads.Select(p => (JsonNode?)p)]) }), Encoding.UTF8, "application/json"),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await app.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, text, text.Length > 0 ? JsonNode.Parse(text) : null, response.Headers);
    }

    private sealed record Answer(HttpStatusCode Status, string Text, JsonNode? Body, System.Net.Http.Headers.HttpResponseHeaders Headers);
}
