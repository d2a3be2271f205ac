using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Swf.LocalServer.Tests;

public sealed class ProtocolTests : IAsyncLifetime, IDisposable
{
    private SwfLocalServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _server = await Servers.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Post_OperationWithoutOutput_AnswersAmzJsonRequestIdAndEmptyObject()
    {
        using var response = await SendAsync("SimpleWorkflowService.RegisterDomain", """{"name":"p","workflowExecutionRetentionPeriodInDays":"1"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.0", response.Content.Headers.ContentType!.MediaType);
        Assert.False(string.IsNullOrEmpty(Header(response, "x-amzn-RequestId")));
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_OldTargetPrefixJsonContentTypeOrAmzContentEncoding_IsAccepted()
    {
        using var old = await SendAsync("com.amazonaws.swf.service.model.SimpleWorkflowService.RegisterDomain", """{"name":"old","workflowExecutionRetentionPeriodInDays":"1"}""", "application/json");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        using var encoded = await SendAsync("SimpleWorkflowService.DescribeDomain", """{"name":"old"}""", "application/json; charset=utf-8", contentEncoding: "amz-1.0");
        Assert.Equal(HttpStatusCode.OK, encoded.StatusCode);
        using var body = JsonDocument.Parse(await encoded.Content.ReadAsStringAsync());
        Assert.Equal("old", body.RootElement.GetProperty("domainInfo").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Post_UnknownOperation_Is400UnknownOperationException()
    {
        await AssertErrorAsync(await SendAsync("SimpleWorkflowService.LaunchRocket", "{}"), "com.amazon.coral.service#UnknownOperationException");
        await AssertErrorAsync(await SendAsync("Other.ListDomains", "{}"), "com.amazon.coral.service#UnknownOperationException");
        await AssertErrorAsync(await SendAsync(null, "{}"), "com.amazon.coral.service#UnknownOperationException");
    }

    // What the web console does not claim on the SWF port stays SWF's: the handler answers it, with an
    // UnknownOperationException, 400 on SWF's root and 404 on any other path (SWF serves only its root;
    // MalformedRequestTests has the POSTs to other paths).
    [Theory]
    [InlineData("PUT", "/", HttpStatusCode.BadRequest)]
    [InlineData("DELETE", "/ui/app.js", HttpStatusCode.NotFound)]
    [InlineData("PATCH", "/console/apix", HttpStatusCode.NotFound)]
    [InlineData("OPTIONS", "/index.html", HttpStatusCode.NotFound)]
    public async Task Send_MethodOrPathTheConsoleDoesNotClaim_IsUnknownOperationException(string method, string path, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_server.Endpoint, path)) { Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.0") };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "SimpleWorkflowService.ListDomains");

        await AssertErrorAsync(await _http.SendAsync(request), "com.amazon.coral.service#UnknownOperationException", status);
    }

    [Theory]
    [InlineData("/", HttpStatusCode.BadRequest)]
    [InlineData("/console/api/domains", HttpStatusCode.NotFound)]
    public async Task Get_ConsoleOff_IsUnknownOperationException(string path, HttpStatusCode status)
    {
        await using var server = await Servers.StartAsync(o => o.EnableConsole = false);

        await AssertErrorAsync(await _http.GetAsync(new Uri(server.Endpoint, path)), "com.amazon.coral.service#UnknownOperationException", status);
    }

    [Fact]
    public async Task Post_MalformedJson_IsSerializationException()
    {
        var message = await AssertErrorAsync(await SendAsync("SimpleWorkflowService.RegisterDomain", """{"name":"""), "com.amazon.coral.service#SerializationException");
        Assert.Contains("not valid JSON", message, StringComparison.Ordinal);
        await AssertErrorAsync(await SendAsync("SimpleWorkflowService.ListDomains", "[1]"), "com.amazon.coral.service#SerializationException");
    }

    [Fact]
    public async Task Post_MissingRequiredMember_IsValidationExceptionNamingIt()
    {
        var message = await AssertErrorAsync(await SendAsync("SimpleWorkflowService.RegisterDomain", """{"name":"m"}"""), "com.amazon.coral.validate#ValidationException");
        Assert.Contains("'workflowExecutionRetentionPeriodInDays'", message, StringComparison.Ordinal);
        Assert.Contains("Member must not be null", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WrongType_IsValidationExceptionNamingTheMember()
    {
        var message = await AssertErrorAsync(await SendAsync("SimpleWorkflowService.RegisterDomain", """{"name":12,"workflowExecutionRetentionPeriodInDays":"1"}"""), "com.amazon.coral.validate#ValidationException");
        Assert.Contains("'name'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ConstraintViolation_IsValidationException()
    {
        var message = await AssertErrorAsync(await SendAsync("SimpleWorkflowService.RegisterDomain", """{"name":"a:b","workflowExecutionRetentionPeriodInDays":"1"}"""), "com.amazon.coral.validate#ValidationException");
        Assert.False(string.IsNullOrEmpty(message));
    }

    [Fact]
    public async Task Post_SwfFault_HasItsNamespaceTypeHeaderAndRequestId()
    {
        using var response = await SendAsync("SimpleWorkflowService.DescribeDomain", """{"name":"nowhere"}""");
        var message = await AssertErrorAsync(response, "com.amazonaws.swf.base.model#UnknownResourceFault");
        Assert.Contains("nowhere", message, StringComparison.Ordinal);
        Assert.StartsWith("UnknownResourceFault:", Header(response, "X-Amzn-ErrorType"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(Header(response, "x-amzn-RequestId")));
    }

    [Fact]
    public async Task Post_UnsupportedContentType_IsRefused()
    {
        await AssertErrorAsync(await SendAsync("SimpleWorkflowService.ListDomains", """{"registrationStatus":"REGISTERED"}""", "text/plain"), "com.amazon.coral.service#SerializationException");
    }

    [Fact]
    public async Task PollForDecisionTask_NoTask_OmitsTokenAndSendsZeros()
    {
        await using var server = await Servers.StartAsync(o => o.LongPollTimeout = TimeSpan.Zero);
        await server.Engine.RegisterDomainAsync(new Model.RegisterDomainRequest { Name = "empty", WorkflowExecutionRetentionPeriodInDays = "1" });
        using var decision = await SendAsync(server, "SimpleWorkflowService.PollForDecisionTask", """{"domain":"empty","taskList":{"name":"none"}}""");
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        Assert.Equal("""{"previousStartedEventId":0,"startedEventId":0}""", await decision.Content.ReadAsStringAsync());
        using var activity = await SendAsync(server, "SimpleWorkflowService.PollForActivityTask", """{"domain":"empty","taskList":{"name":"none"}}""");
        Assert.Equal("""{"startedEventId":0}""", await activity.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PollForDecisionTask_ClientAbandons_LosesNoTask()
    {
        using var swf = Servers.Client(_server);
        await Servers.RegisterAsync(swf, "abandon");
        using (var cancelled = new CancellationTokenSource())
        {
            var poll = SendAsync("SimpleWorkflowService.PollForDecisionTask", """{"domain":"abandon","taskList":{"name":"deciders"}}""", cancellationToken: cancelled.Token);
            await cancelled.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll);
        }

        var run = (await Servers.StartAsync(swf, "abandon", "w")).Run;
        var task = await Servers.PollDecisionAsync(swf, "abandon");
        Assert.Equal(run.RunId, task.WorkflowExecution!.RunId);
    }

    private Task<HttpResponseMessage> SendAsync(string? target, string body, string contentType = "application/x-amz-json-1.0", string? contentEncoding = null, CancellationToken cancellationToken = default) =>
        SendAsync(_server, target, body, contentType, contentEncoding, cancellationToken);

    private Task<HttpResponseMessage> SendAsync(SwfLocalServer server, string? target, string body, string contentType = "application/x-amz-json-1.0", string? contentEncoding = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (contentEncoding is not null)
        {
            request.Content.Headers.ContentEncoding.Add(contentEncoding);
        }

        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        return _http.SendAsync(request, cancellationToken);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;

    private static async Task<string> AssertErrorAsync(HttpResponseMessage response, string type, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/x-amz-json-1.0", response.Content.Headers.ContentType!.MediaType);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(type, body.RootElement.GetProperty("__type").GetString());
            Assert.StartsWith(type[(type.IndexOf('#', StringComparison.Ordinal) + 1)..] + ":", Header(response, "X-Amzn-ErrorType"), StringComparison.Ordinal);
            return body.RootElement.GetProperty("message").GetString()!;
        }
    }
}
