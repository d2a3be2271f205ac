using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using Swf.Client;
using Swf.LocalServer;

namespace Swf.Interop.Tests.Conformance;

/// <summary>swf-local on a loopback port, reached through the SDK's wire client, on a fake clock.</summary>
public sealed class SwfLocalTarget : ConformanceTarget, IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private SwfLocalServer? _server;
    private SwfHttpClient? _client;
    private SwfHttpClient? _uncheckedClient;

    public override ISwfClient Client => _client ?? throw new InvalidOperationException("swf-local is not started.");

    public override ISwfClient UncheckedClient => _uncheckedClient ?? throw new InvalidOperationException("swf-local is not started.");

    public override string? Unsupported(ConformanceFeature feature) => null;

    public override void Advance(TimeSpan by) => _clock.Advance(by);

    public async Task InitializeAsync()
    {
        _server = await SwfLocalServer.StartAsync(new SwfLocalServerOptions { Port = 0, TimeProvider = _clock });
        _client = new SwfHttpClient(Options(validate: true));
        _uncheckedClient = new SwfHttpClient(Options(validate: false));
    }

    public void Dispose()
    {
        _client?.Dispose();
        _uncheckedClient?.Dispose();
    }

    public async Task DisposeAsync()
    {
        Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private SwfClientOptions Options(bool validate) => new()
    {
        ServiceUrl = _server!.Endpoint,
        Credentials = new BasicAWSCredentials("local", "local"),
        ValidateRequests = validate,
    };
}
