using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Swf.LocalServer.Tests;

/// <summary>
/// The console's execution page with <c>--codec-endpoint</c>: swf-local's server asks a decode endpoint (here a fake
/// one on loopback, answering as Swf.Sdk.AspNetCore's does) for the page's envelopes.
/// </summary>
public sealed class CodecEndpointTests
{
    private const string Domain = "codec-demo";
    private const string Secret = """{"swf-payload":1,"codecs":[{"name":"aes-gcm","key":"k1"}],"data":"c2VjcmV0"}""";
    private const string SecretDecoded = """{"orderId":"1001","card":"4111"}""";
    private const string Unknown = """{"swf-payload":1,"codecs":[{"name":"rot13"}],"data":"eXFmYQ=="}""";
    private const string UnknownError = "The payload was encoded with codec 'rot13', which this process does not have.";

    [Fact]
    public async Task Execution_WithCodecEndpoint_AnswersEachEnvelopeDecodedOrWithItsError()
    {
        await using var endpoint = await FakeDecoder.StartAsync();
        await using var server = await Servers.StartAsync(o => o.CodecEndpoint = endpoint.Url);
        var runId = await RunAsync(server, input: Secret, result: Unknown);

        var execution = await GetExecutionAsync(server, runId);

        var codec = execution.GetProperty("codec");
        Assert.Equal(endpoint.Url.ToString(), codec.GetProperty("endpoint").GetString());
        Assert.False(codec.TryGetProperty("error", out _));
        var payloads = codec.GetProperty("payloads");
        Assert.Equal(SecretDecoded, payloads.GetProperty(Secret).GetProperty("payload").GetString());
        Assert.Equal(UnknownError, payloads.GetProperty(Unknown).GetProperty("error").GetString());
        Assert.False(payloads.GetProperty(Unknown).TryGetProperty("payload", out _));
        Assert.Equal(2, payloads.EnumerateObject().Count());
        // The history stays as SWF holds it; the page shows the decoded form beside it.
        Assert.Equal(Secret, StartedInput(execution));
        // Only envelopes were sent, once each, by swf-local's server (no Origin: not a browser).
        Assert.Equal([[Secret, Unknown]], endpoint.Requests.Select(r => r.Order(StringComparer.Ordinal).ToArray()));
        Assert.All(endpoint.Origins, Assert.Null);
    }

    [Fact]
    public async Task Execution_CodecEndpointUnreachable_AnswersThePageAsStoredWithTheError()
    {
        var closed = ClosedPortUrl();
        await using var server = await Servers.StartAsync(o => o.CodecEndpoint = closed);
        var runId = await RunAsync(server, input: Secret, result: "\"done\"");

        var execution = await GetExecutionAsync(server, runId);

        var codec = execution.GetProperty("codec");
        Assert.StartsWith($"The codec endpoint {closed} could not be reached", codec.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(codec.GetProperty("payloads").EnumerateObject());
        Assert.Equal(Secret, StartedInput(execution));
        Assert.Equal("COMPLETED", execution.GetProperty("detail").GetProperty("executionInfo").GetProperty("closeStatus").GetString());
    }

    [Fact]
    public async Task Execution_CodecEndpointAnswersAnError_AnswersThePageWithTheEndpointsReason()
    {
        await using var endpoint = await FakeDecoder.StartAsync(refuse: true);
        await using var server = await Servers.StartAsync(o => o.CodecEndpoint = endpoint.Url);
        var runId = await RunAsync(server, input: Secret, result: null);

        var execution = await GetExecutionAsync(server, runId);

        var error = execution.GetProperty("codec").GetProperty("error").GetString();
        Assert.Contains("403", error, StringComparison.Ordinal);
        Assert.Contains("This origin may not call the payload decoder", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execution_NoEnvelopes_DoesNotCallTheEndpoint()
    {
        await using var endpoint = await FakeDecoder.StartAsync();
        await using var server = await Servers.StartAsync(o => o.CodecEndpoint = endpoint.Url);
        var runId = await RunAsync(server, input: "{\"plain\":true}", result: "\"done\"");

        var execution = await GetExecutionAsync(server, runId);

        Assert.Empty(execution.GetProperty("codec").GetProperty("payloads").EnumerateObject());
        Assert.Empty(endpoint.Requests);
    }

    [Fact]
    public async Task Execution_WithoutCodecEndpoint_AnswersPayloadsAsStoredWithNoCodecSection()
    {
        await using var server = await Servers.StartAsync();
        var runId = await RunAsync(server, input: Secret, result: Unknown);

        var execution = await GetExecutionAsync(server, runId);

        Assert.False(execution.TryGetProperty("codec", out _));
        Assert.Equal(Secret, StartedInput(execution));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/decode")]
    [InlineData("file:///tmp/decode")]
    public async Task StartAsync_CodecEndpointNotHttp_ThrowsNamingTheOption(string url)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Servers.StartAsync(o => o.CodecEndpoint = new Uri(url)));

        Assert.Equal("CodecEndpoint", error.ParamName);
        Assert.Contains("must be an http or https URL", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> RunAsync(SwfLocalServer server, string? input, string? result)
    {
        using var swf = Servers.Client(server);
        await Servers.RegisterAsync(swf, Domain);
        var started = await Servers.StartAsync(swf, Domain, "order-1001", input);
        var task = await Servers.PollDecisionAsync(swf, Domain);
        await Servers.DecideAsync(swf, task.TaskToken!, Servers.Complete(result));
        return started.Run.RunId!;
    }

    private static async Task<JsonElement> GetExecutionAsync(SwfLocalServer server, string runId)
    {
        using var http = new HttpClient { BaseAddress = server.ConsoleEndpoint };
        using var response = await http.GetAsync($"/console/api/execution?domain={Domain}&workflowId=order-1001&runId={Uri.EscapeDataString(runId)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static string? StartedInput(JsonElement execution) =>
        execution.GetProperty("history").GetProperty("events")[0].GetProperty("workflowExecutionStartedEventAttributes").GetProperty("input").GetString();

    /// <summary>A loopback URL nothing listens on: a port the system handed out and that is closed again.</summary>
    private static Uri ClosedPortUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/decode");
    }

    /// <summary>A decode endpoint that knows <see cref="Secret"/> and answers any other envelope with an error.</summary>
    private sealed class FakeDecoder : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeDecoder(WebApplication app, Uri url)
        {
            _app = app;
            Url = url;
        }

        public Uri Url { get; }

        public List<string[]> Requests { get; } = [];

        public List<string?> Origins { get; } = [];

        public static async Task<FakeDecoder> StartAsync(bool refuse = false)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            FakeDecoder? self = null;
            app.MapPost("/decode", async context =>
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body);
                var payloads = body.RootElement.GetProperty("payloads").EnumerateArray().Select(p => p.GetString()!).ToArray();
                lock (self!.Requests)
                {
                    self.Requests.Add(payloads);
                    self.Origins.Add(context.Request.Headers.Origin.Count == 0 ? null : context.Request.Headers.Origin.ToString());
                }

                context.Response.ContentType = "application/json";
                if (refuse)
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.Response.WriteAsync("""{"error":"This origin may not call the payload decoder."}""");
                    return;
                }

                var items = payloads.Select(p => p == Secret
                    ? new Dictionary<string, object?> { ["payload"] = SecretDecoded, ["decoded"] = true }
                    : new Dictionary<string, object?> { ["payload"] = p, ["decoded"] = false, ["error"] = UnknownError, ["codec"] = "rot13" });
                await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object> { ["payloads"] = items.ToArray() }));
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            self = new FakeDecoder(app, new Uri(new Uri(address), "/decode"));
            return self;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
