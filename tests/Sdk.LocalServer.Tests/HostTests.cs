using System.Net;
using System.Text;
using System.Text.Json;
using Swf.LocalServer.WebConsole;
using Swf.Model;

namespace Swf.LocalServer.Tests;

/// <summary>
/// DNS rebinding: a page on a domain that resolves to 127.0.0.1 reaches swf-local from the user's
/// browser, with its own name in the Host header. Only loopback names (and names allowed with
/// --allow-host) are answered, on every endpoint; console actions also need their own origin.
/// </summary>
public sealed class HostTests : IAsyncLifetime, IDisposable
{
    private const string Domain = "rebinding";
    private readonly HttpClient _http = new();
    private SwfLocalServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await Servers.StartAsync(o => o.AllowedHosts.Add("dev.box"));
        await _server.Engine.RegisterDomainAsync(new RegisterDomainRequest { Name = Domain, WorkflowExecutionRetentionPeriodInDays = "1" });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    // Defect: nothing checked the Host header; a rebinding page listed every domain and history,
    // terminated executions through the console and (auth off) called SWF's own operations.
    [Theory]
    [InlineData("POST", "/", "SimpleWorkflowService.DeprecateDomain", """{"name":"rebinding"}""")]
    [InlineData("POST", "/", "SimpleWorkflowService.ListDomains", """{"registrationStatus":"REGISTERED"}""")]
    [InlineData("GET", "/console/api/domains", null, null)]
    [InlineData("POST", "/console/api/terminate", null, """{"domain":"rebinding","workflowId":"w"}""")]
    [InlineData("GET", "/", null, null)]
    [InlineData("GET", "/ui/app.js", null, null)]
    public async Task Request_ForAnotherHostName_Is403SayingHowToAllowItAndChangesNothing(string method, string path, string? target, string? body)
    {
        using var request = Request(method, path, target, body, "attacker.example:" + _server.Endpoint.Port);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = error.RootElement.GetProperty("message").GetString()!;
        Assert.Contains("'attacker.example:" + _server.Endpoint.Port + "'", message, StringComparison.Ordinal);
        Assert.Contains("--allow-host attacker.example", message, StringComparison.Ordinal);
        if (path == "/")
        {
            Assert.Equal("com.amazon.coral.service#AccessDeniedException", error.RootElement.GetProperty("__type").GetString());
        }

        var domain = await _server.Engine.DescribeDomainAsync(new DescribeDomainRequest { Name = Domain });
        Assert.Equal(RegistrationStatus.Registered, domain.DomainDetail.DomainInfo.Status);
    }

    [Theory]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("localhost:{port}")]
    [InlineData("LocalHost")]
    [InlineData("[::1]:{port}")]
    [InlineData("dev.box:8080")]
    [InlineData("DEV.box")]
    public async Task Request_ForALoopbackOrAllowedName_IsServed(string host)
    {
        using var swf = Request("POST", "/", "SimpleWorkflowService.ListDomains", """{"registrationStatus":"REGISTERED"}""", Port(host));
        using var page = Request("GET", "/console/api/domains", null, null, Port(host));

        using var swfResponse = await _http.SendAsync(swf);
        using var pageResponse = await _http.SendAsync(page);

        Assert.Equal(HttpStatusCode.OK, swfResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
    }

    [Theory]
    [InlineData("localhost.")]
    [InlineData("127.0.0.2")]
    [InlineData("0.0.0.0")]
    [InlineData("dev.box.attacker.example")]
    [InlineData("127.0.0.1.nip.io")]
    public async Task Request_ForANameThatOnlyLooksLocal_IsRefused(string host)
    {
        using var request = Request("POST", "/", "SimpleWorkflowService.ListDomains", """{"registrationStatus":"REGISTERED"}""", host);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    // Defect: console actions only checked that X-Swf-Console was present.
    [Theory]
    [InlineData("Origin", "http://attacker.example")]
    [InlineData("Origin", "null")]
    [InlineData("Origin", "http://localhost:1")]
    [InlineData("Origin", "https://127.0.0.1:{port}")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task ConsoleAction_FromAnotherOrigin_Is403AndChangesNothing(string header, string value)
    {
        await _server.Engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = Domain, Name = "W", Version = "1", DefaultTaskList = new TaskList { Name = "d" },
            DefaultExecutionStartToCloseTimeout = "60", DefaultTaskStartToCloseTimeout = "10", DefaultChildPolicy = ChildPolicy.Terminate,
        });
        await _server.Engine.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = Domain, WorkflowId = "w", WorkflowType = new WorkflowType { Name = "W", Version = "1" } });
        using var request = Request("POST", "/console/api/terminate", null, """{"domain":"rebinding","workflowId":"w"}""", "127.0.0.1:" + _server.Endpoint.Port);
        request.Headers.Add(header, Port(value));

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Forbidden", error.RootElement.GetProperty("error").GetString());
        var open = await _server.Engine.CountOpenWorkflowExecutionsAsync(new CountOpenWorkflowExecutionsRequest { Domain = Domain, StartTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch } });
        Assert.Equal(1, open.WorkflowExecutionCount.Count);
    }

    [Theory]
    [InlineData("Origin", "http://127.0.0.1:{port}")]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    public async Task ConsoleAction_FromItsOwnOrigin_IsTaken(string header, string value)
    {
        using var request = Request("POST", "/console/api/terminate", null, """{"domain":"rebinding","workflowId":"none"}""", "127.0.0.1:" + _server.Endpoint.Port);
        request.Headers.Add(header, Port(value));

        using var response = await _http.SendAsync(request);

        // Taken, and answered by the engine: there is no such execution.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("UnknownResourceFault", error.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void Parse_AllowHost_IsRepeatableAndChecked()
    {
        var parsed = LocalServerCommand.Parse(["--port", "0", "--allow-host", "dev.box", "--allow-host", "other.test"]);
        Assert.Equal(["dev.box", "other.test"], parsed.Options!.AllowedHosts);
        Assert.Contains(LocalServerCommand.Parse(["--port", "0", "--allow-host", "dev.box:80"]).Errors, e => e.Contains("--allow-host", StringComparison.Ordinal));
        Assert.Contains(LocalServerCommand.Parse(["--port", "0", "--allow-host", " "]).Errors, e => e.Contains("--allow-host", StringComparison.Ordinal));
        Assert.Empty(LocalServerCommand.Parse(["--port", "0"]).Options!.AllowedHosts);
    }

    private string Port(string text) => text.Replace("{port}", _server.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private HttpRequestMessage Request(string method, string path, string? target, string? body, string host)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_server.Endpoint, path));
        request.Headers.Host = host;
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, target is null ? "application/json" : "application/x-amz-json-1.0");
        }

        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }
        else if (method == "POST")
        {
            request.Headers.Add(ConsoleApi.ActionHeader, "1");
        }

        return request;
    }
}
