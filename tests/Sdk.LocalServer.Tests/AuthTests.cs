using System.Net;
using System.Text;
using System.Text.Json;
using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalServer.Tests;

public sealed class AuthTests : IAsyncLifetime
{
    private SwfLocalServer _server = null!;

    public async Task InitializeAsync() => _server = await Servers.StartAsync(o =>
    {
        o.RequireAuth = true;
        o.AccessKey = "AKIDLOCAL";
        o.SecretKey = "local-secret";
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Request_RightSecret_IsAccepted()
    {
        using var swf = Servers.Client(_server, "AKIDLOCAL", "local-secret");
        await Servers.RegisterAsync(swf, "signed");
        Assert.Single((await swf.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered })).DomainInfos.Infos);
    }

    [Fact]
    public async Task Request_WrongSecret_IsInvalidSignatureException()
    {
        using var swf = Servers.Client(_server, "AKIDLOCAL", "not-the-secret");
        var error = await Assert.ThrowsAsync<InvalidSignatureException>(() => swf.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered }));
        Assert.Contains("does not match the signature you provided", error.Message, StringComparison.Ordinal);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task Request_UnknownAccessKey_IsUnrecognizedClientException()
    {
        using var swf = Servers.Client(_server, "AKIDOTHER", "local-secret");
        await Assert.ThrowsAsync<UnrecognizedClientException>(() => swf.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered }));
    }

    [Fact]
    public async Task Request_Unsigned_IsMissingAuthenticationToken()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.Endpoint) { Content = new StringContent("""{"registrationStatus":"REGISTERED"}""", Encoding.UTF8, "application/x-amz-json-1.0") };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "SimpleWorkflowService.ListDomains");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("com.amazon.coral.service#MissingAuthenticationTokenException", body.RootElement.GetProperty("__type").GetString());
    }

    [Fact]
    public async Task Request_IncompleteSignature_IsIncompleteSignatureException()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.Endpoint) { Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.0") };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "SimpleWorkflowService.ListDomains");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20240101/us-east-1/swf/aws4_request");
        using var response = await http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("com.amazon.coral.service#IncompleteSignatureException", body.RootElement.GetProperty("__type").GetString());
        Assert.Contains("'Signature'", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
