using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Swf.Client;
using Swf.Exceptions;
using Swf.Model;
using Swf.Serialization;

namespace Swf.Cli.Tests.TestSupport;

/// <summary>
/// A tiny SWF endpoint on 127.0.0.1 for the tests of <c>swf history get</c> and <c>swf replay --domain</c>: it
/// reads the <c>X-Amz-Target</c> header and answers the history, listing and domain operations from an
/// <see cref="ISwfClient"/> (the local engine), the way SWF does over HTTP; it can throttle the first calls.
/// </summary>
internal sealed class SwfHttpTestServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ISwfClient _swf;
    private readonly Task _loop;

    public SwfHttpTestServer(ISwfClient swf)
    {
        _swf = swf;
        Url = new Uri($"http://127.0.0.1:{FreePort()}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public List<string> Targets { get; } = [];

    /// <summary>Gets or sets how many calls, from the first, are answered with SWF's ThrottlingException.</summary>
    public int ThrottleFirst { get; set; }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"] ?? string.Empty;
        bool throttle;
        lock (Targets)
        {
            Targets.Add(target);
            throttle = Targets.Count <= ThrottleFirst;
        }

        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        byte[] answer;
        try
        {
            if (throttle)
            {
                throw new ThrottlingException("Rate exceeded");
            }

            answer = target switch
            {
                "SimpleWorkflowService.GetWorkflowExecutionHistory" => JsonSerializer.SerializeToUtf8Bytes(
                    (await _swf.GetWorkflowExecutionHistoryAsync(Read(body, SwfJsonContext.Default.GetWorkflowExecutionHistoryRequest))).History,
                    SwfJsonContext.Default.History),
                "SimpleWorkflowService.ListOpenWorkflowExecutions" => JsonSerializer.SerializeToUtf8Bytes(
                    (await _swf.ListOpenWorkflowExecutionsAsync(Read(body, SwfJsonContext.Default.ListOpenWorkflowExecutionsRequest))).WorkflowExecutionInfos,
                    SwfJsonContext.Default.WorkflowExecutionInfos),
                "SimpleWorkflowService.ListClosedWorkflowExecutions" => JsonSerializer.SerializeToUtf8Bytes(
                    (await _swf.ListClosedWorkflowExecutionsAsync(Read(body, SwfJsonContext.Default.ListClosedWorkflowExecutionsRequest))).WorkflowExecutionInfos,
                    SwfJsonContext.Default.WorkflowExecutionInfos),
                "SimpleWorkflowService.DescribeDomain" => JsonSerializer.SerializeToUtf8Bytes(
                    (await _swf.DescribeDomainAsync(Read(body, SwfJsonContext.Default.DescribeDomainRequest))).DomainDetail,
                    SwfJsonContext.Default.DomainDetail),
                _ => throw new SwfException("UnknownOperationException", $"This test server does not serve {target}.", 400),
            };
            context.Response.StatusCode = 200;
        }
        catch (SwfException ex)
        {
            context.Response.StatusCode = ex.StatusCode is >= 400 and < 600 ? ex.StatusCode : 400;
            answer = JsonSerializer.SerializeToUtf8Bytes(
                new Dictionary<string, string> { ["__type"] = "com.amazonaws.swf.base.model#" + ex.ErrorCode, ["message"] = ex.Message },
                TestJsonContext.Default.DictionaryStringString);
        }

        context.Response.ContentType = "application/x-amz-json-1.0";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.OutputStream.WriteAsync(answer);
        context.Response.Close();
    }

    private static T Read<T>(MemoryStream body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
        JsonSerializer.Deserialize(body.ToArray(), info)!;
}
