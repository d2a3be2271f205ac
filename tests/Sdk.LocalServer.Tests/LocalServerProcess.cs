using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Swf.LocalServer.Tests;

/// <summary>A <c>dotnet swf-local.dll</c> child process on a free port.</summary>
internal sealed partial class LocalServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _errors;

    private LocalServerProcess(Process process, Uri endpoint, Task<string> errors, string startupOutput)
    {
        _process = process;
        Endpoint = endpoint;
        _errors = errors;
        StartupOutput = startupOutput;
    }

    public Uri Endpoint { get; }

    /// <summary>Gets what the process wrote to stdout up to the line that says where it listens.</summary>
    public string StartupOutput { get; }

    /// <summary>Gets what the process wrote to stderr, once it has exited (see <see cref="KillAsync"/>).</summary>
    public string Errors => _errors.IsCompletedSuccessfully ? _errors.Result : string.Empty;

    public static Task<LocalServerProcess> StartAsync(params string[] args) => StartInAsync(workingDirectory: null, new Dictionary<string, string>(), args);

    /// <summary>Starts swf-local in a working directory of the test's choosing, with environment variables added.</summary>
    public static async Task<LocalServerProcess> StartInAsync(string? workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "swf-local.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--port");
        info.ArgumentList.Add("0");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var errors = process.StandardError.ReadToEndAsync();
        var output = new System.Text.StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    throw new InvalidOperationException($"swf-local exited before listening: {await errors}");
                }

                output.AppendLine(line);
                if (Listening().Match(line) is { Success: true } match)
                {
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return new LocalServerProcess(process, new Uri(match.Groups[1].Value), errors, output.ToString());
                }
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Kills the process with SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await _errors;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();
}
