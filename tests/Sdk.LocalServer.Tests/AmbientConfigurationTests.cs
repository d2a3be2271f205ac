using System.Net;
using System.Net.Sockets;

namespace Swf.LocalServer.Tests;

/// <summary>
/// swf-local is configured by its own options only. Defect: it read ASP.NET Core's ambient configuration, so an
/// appsettings.json in the directory it was started from (or a <c>Kestrel__Endpoints__*</c> environment variable)
/// opened more listeners, on any address (0.0.0.0 included), and changed its logging.
/// </summary>
public sealed class AmbientConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("swf-local-cwd-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Start_AppSettingsInWorkingDirectoryAndKestrelEnvironment_OpensOnlyItsOwnListenerAndKeepsItsLogging()
    {
        var fromFile = FreePort();
        var fromEnvironment = FreePort();
        await File.WriteAllTextAsync(Path.Combine(_directory, "appsettings.json"), $$"""
            {
              "Kestrel": { "Endpoints": { "FromFile": { "Url": "http://127.0.0.1:{{fromFile}}" } } },
              "Logging": { "LogLevel": { "Default": "Trace" } }
            }
            """);
        var environment = new Dictionary<string, string> { ["Kestrel__Endpoints__FromEnvironment__Url"] = $"http://127.0.0.1:{fromEnvironment}" };

        using var server = await LocalServerProcess.StartInAsync(_directory, environment);

        // swf-local itself answers; neither configured endpoint was opened.
        using var http = new HttpClient();
        using var answer = await http.GetAsync(new Uri(server.Endpoint, "/_swf-local/clock"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(Accepts(fromFile), $"swf-local listened on port {fromFile}, named by appsettings.json in its working directory.");
        Assert.False(Accepts(fromEnvironment), $"swf-local listened on port {fromEnvironment}, named by a Kestrel__Endpoints__ environment variable.");

        // The file's Trace level did not reach the logging either (ASP.NET Core logs debug lines as it starts).
        Assert.DoesNotContain("dbug:", server.StartupOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("trce:", server.StartupOutput, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Accepts(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
