namespace Swf.LocalServer.Tests;

/// <summary>The AWS SDK for JavaScript v3 (<c>@aws-sdk/client-swf</c>), a client this project did not write, through a whole round.</summary>
public sealed class JsSdkTests
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    [SkippableFact]
    public async Task JsSdk_WholeRound_Succeeds()
    {
        Skip.If(Tools.Find("node") is null || Tools.Find("npm") is null, "node and npm are not on PATH; install Node.js to run this test.");
        var folder = ScriptFolder();
        await InstallAsync(folder);
        await using var server = await Servers.StartAsync(o =>
        {
            o.RequireAuth = true;
            o.AccessKey = "AKIDJS";
            o.SecretKey = "js-secret";
        });
        var (code, output, error) = await Tools.RunAsync("node", ["round.mjs", server.Endpoint.ToString().TrimEnd('/'), "AKIDJS", "js-secret"], workingDirectory: folder);
        Assert.True(code == 0, $"node round.mjs failed ({code}): {error}\n{output}");
        Assert.Contains("\"ok\":true", output, StringComparison.Ordinal);
    }

    /// <summary>Runs <c>npm ci</c> once when node_modules is missing (CI installs it up front).</summary>
    private static async Task InstallAsync(string folder)
    {
        await InstallLock.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "@aws-sdk", "client-swf")))
            {
                var (code, _, error) = await Tools.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], workingDirectory: folder, timeout: TimeSpan.FromMinutes(5));
                Skip.If(code != 0, $"npm ci failed in {folder}, so the JS SDK is not available: {error}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>The js folder beside this file, in the source tree (found from the test's output folder).</summary>
    private static string ScriptFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Sdk.LocalServer.Tests", "js");
            if (File.Exists(Path.Combine(candidate, "round.mjs")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/Sdk.LocalServer.Tests/js was not found above " + AppContext.BaseDirectory);
    }
}
