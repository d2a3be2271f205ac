using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Swf.Client;

namespace Swf.Interop.Tests;

/// <summary>
/// Owns one <c>moto_server</c> child process for the whole test collection: it picks a free loopback
/// port, starts the server, waits until it answers HTTP and kills the process tree on dispose.
/// When <c>moto_server</c> is not on PATH the tests skip with <see cref="SkipReason"/>.
/// </summary>
public sealed class MotoServerFixture : IAsyncLifetime, IDisposable
{
    private const string Executable = "moto_server";

    // Cold start of moto_server (Python imports) takes about a second on this machine; the bound is
    // generous so a loaded build machine does not fail the suite, and the backoff keeps it cheap.
    private const int MaxReadinessAttempts = 60;
    private static readonly TimeSpan MaxReadinessBackoff = TimeSpan.FromMilliseconds(500);

    private readonly List<string> _output = [];
    private Process? _process;
    private SwfHttpClient? _client;

    /// <summary>Gets why the tests cannot run, or null when moto is up.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>Gets the server's base address, such as <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri ServiceUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Gets the client under test, pointed at moto.</summary>
    public SwfHttpClient Client => _client ?? throw new InvalidOperationException(SkipReason ?? "moto_server is not running.");

    /// <summary>Skips the calling test when moto is unavailable and returns the client.</summary>
    public SwfHttpClient RequireClient()
    {
        Skip.If(SkipReason is not null, SkipReason);
        return Client;
    }

    /// <summary>Creates another client against moto with adjusted options (the caller disposes it).</summary>
    public SwfHttpClient CreateClient(Action<SwfClientOptions> configure)
    {
        Skip.If(SkipReason is not null, SkipReason);
        var options = DefaultOptions();
        configure(options);
        return new SwfHttpClient(options);
    }

    public async Task InitializeAsync()
    {
        var executable = FindOnPath(Executable);
        if (executable is null)
        {
            SkipReason = $"{Executable} is not on PATH; install it with `pip install \"moto[server]\"` to run the interop tests.";
            return;
        }

        var port = FreeLoopbackPort();
        ServiceUrl = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "-p", port.ToString(CultureInfo.InvariantCulture) },
        };
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        try
        {
            await WaitUntilReadyAsync(port);
        }
        catch
        {
            // Do not leave a half-started server behind when the fixture fails.
            Dispose();
            throw;
        }

        _client = new SwfHttpClient(DefaultOptions());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _client?.Dispose();
        _client = null;
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                // The PATH entry may be a shim (pyenv) that runs Python as a child, so the whole tree goes.
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // The process exited between the check and the kill.
        }
        finally
        {
            _process.Dispose();
            _process = null;
        }
    }

    private SwfClientOptions DefaultOptions()
    {
        var options = new SwfClientOptions
        {
            ServiceUrl = ServiceUrl,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("testing", "testing"),
            RequestTimeout = TimeSpan.FromSeconds(10),
        };

        // moto's 500s are deterministic gaps, not transient faults; retrying them only slows the suite.
        options.Retry.MaxAttempts = 1;
        return options;
    }

    private async Task WaitUntilReadyAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var probe = new Uri($"http://127.0.0.1:{port}/moto-api/");
        var backoff = TimeSpan.FromMilliseconds(25);
        for (var attempt = 1; attempt <= MaxReadinessAttempts; attempt++)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"{Executable} exited with code {_process.ExitCode} before it answered:{Environment.NewLine}{Output()}");
            }

            try
            {
                using var response = await http.GetAsync(probe);
                return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet.
            }

            await Task.Delay(backoff);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxReadinessBackoff.Ticks));
        }

        throw new InvalidOperationException(
            $"{Executable} did not answer on port {port} after {MaxReadinessAttempts} attempts:{Environment.NewLine}{Output()}");
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string? FindOnPath(string name)
    {
        var names = OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd", name } : new[] { name };
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in names)
            {
                var path = Path.Combine(directory, candidate);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 50)
            {
                _output.RemoveAt(0);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }
}
