using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using Swf.Client;
using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalServer.Tests;

/// <summary>
/// A signature is good for 15 minutes either side of the server's clock, as AWS has it; outside that
/// the request is refused with AWS's own InvalidSignatureException wording, whatever its signature.
/// </summary>
public sealed class SignatureClockTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private SwfLocalServer _server = null!;

    public async Task InitializeAsync() => _server = await Servers.StartAsync(o =>
    {
        o.RequireAuth = true;
        o.AccessKey = "AKIDLOCAL";
        o.SecretKey = "local-secret";
        o.TimeProvider = new FakeTimeProvider(Now);
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    // Defect: requests signed 16 minutes, a day or ten years ago, or an hour ahead, were accepted.
    [Theory]
    [InlineData(-16 * 60, "Signature expired: 20291231T234400Z is now earlier than 20291231T234500Z (20300101T000000Z - 15 min.)")]
    [InlineData(-15 * 60 - 1, "Signature expired: 20291231T234459Z is now earlier than 20291231T234500Z (20300101T000000Z - 15 min.)")]
    [InlineData(-24 * 3600, "Signature expired: 20291231T000000Z is now earlier than 20291231T234500Z (20300101T000000Z - 15 min.)")]
    [InlineData(-3653 * 24 * 3600, "Signature expired: 20200101T000000Z is now earlier than 20291231T234500Z (20300101T000000Z - 15 min.)")]
    [InlineData(15 * 60 + 1, "Signature not yet current: 20300101T001501Z is still later than 20300101T001500Z (20300101T000000Z + 15 min.)")]
    [InlineData(3600, "Signature not yet current: 20300101T010000Z is still later than 20300101T001500Z (20300101T000000Z + 15 min.)")]
    public async Task Request_SignedMoreThan15MinutesFromTheServersClock_IsInvalidSignatureException(int skewSeconds, string message)
    {
        using var swf = Client(skewSeconds);

        var error = await Assert.ThrowsAsync<InvalidSignatureException>(() => swf.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered }));

        Assert.Equal(message, error.Message);
        Assert.Equal(400, error.StatusCode);
    }

    [Theory]
    [InlineData(-15 * 60)]
    [InlineData(-14 * 60)]
    [InlineData(0)]
    [InlineData(14 * 60)]
    [InlineData(15 * 60)]
    public async Task Request_SignedWithin15MinutesOfTheServersClock_IsAccepted(int skewSeconds)
    {
        using var swf = Client(skewSeconds);

        var domains = await swf.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered });

        Assert.Empty(domains.DomainInfos.Infos);
    }

    [Fact]
    public async Task Request_DatedByTheDateHeaderOnly_IsCheckedTheSameWay()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.Endpoint) { Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.0") };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "SimpleWorkflowService.ListDomains");
        request.Headers.TryAddWithoutValidation("Date", "Mon, 31 Dec 2029 23:00:00 GMT");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20291231/us-east-1/swf/aws4_request, SignedHeaders=date;host, Signature=0000");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("com.amazon.coral.service#InvalidSignatureException", body.RootElement.GetProperty("__type").GetString());
        Assert.Equal("Signature expired: 20291231T230000Z is now earlier than 20291231T234500Z (20300101T000000Z - 15 min.)", body.RootElement.GetProperty("message").GetString());
    }

    private SwfHttpClient Client(int skewSeconds)
    {
        var options = new SwfClientOptions
        {
            ServiceUrl = _server.Endpoint,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("AKIDLOCAL", "local-secret"),
            TimeProvider = new FakeTimeProvider(Now.AddSeconds(skewSeconds)),
        };
        options.Retry.MaxAttempts = 1;
        return new SwfHttpClient(options);
    }
}
