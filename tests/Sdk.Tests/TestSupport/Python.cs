using System.ComponentModel;
using System.Diagnostics;

namespace Swf.Tests.TestSupport;

/// <summary>
/// Runs the machine's <c>python3</c>, where botocore lives: botocore is the reference for the
/// service model and for SigV4. Tests that need it skip, with the reason, when it is missing.
/// </summary>
internal static class Python
{
    // Locating the model once is enough; every test that needs it shares the answer.
    private static readonly Lazy<Task<(string? Directory, string Reason)>> SwfModel = new(FindSwfModelDirectoryCoreAsync);

    /// <summary>Runs a script with <c>python3 -c</c>, feeding <paramref name="stdin"/>.</summary>
    /// <returns>The exit code and output, or null when python3 cannot be started.</returns>
    public static async Task<Result?> RunAsync(string script, string stdin = "")
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("python3 did not start");
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();

            // A guard against a hung interpreter, not a timing assertion.
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(guard.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("python3 did not finish within two minutes.");
            }

            return new Result(process.ExitCode, await stdout, await stderr);
        }
    }

    /// <summary>Finds botocore's SWF model directory (<c>.../botocore/data/swf/2012-01-25</c>).</summary>
    /// <returns>The directory, or null and the reason it is unavailable.</returns>
    public static Task<(string? Directory, string Reason)> FindSwfModelDirectoryAsync() => SwfModel.Value;

    private static async Task<(string? Directory, string Reason)> FindSwfModelDirectoryCoreAsync()
    {
        var result = await RunAsync("import botocore,os;print(os.path.join(os.path.dirname(botocore.__file__),'data','swf','2012-01-25'))");
        if (result is null)
        {
            return (null, "python3 is not installed, so botocore's SWF model is unavailable.");
        }

        if (result.ExitCode != 0)
        {
            var error = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            return (null, $"python3 cannot import botocore ({error}), so botocore's SWF model is unavailable.");
        }

        var directory = result.StandardOutput.Trim();
        return File.Exists(Path.Combine(directory, "service-2.json.gz"))
            ? (directory, string.Empty)
            : (null, $"botocore has no SWF model at {directory}.");
    }

    /// <summary>What a python3 run printed.</summary>
    internal sealed record Result(int ExitCode, string StandardOutput, string StandardError);
}
