using Xunit.Abstractions;

namespace Swf.LocalServer.Tests;

/// <summary>
/// The web console in a real browser: headless Chromium (Debian's <c>chromium</c>) driven by
/// Playwright (<c>console-e2e/console.mjs</c>) against a running swf-local with a real workflow.
/// The screenshots are kept as test artifacts in <c>console-screenshots</c> beside the test assembly.
/// </summary>
public sealed class ConsoleBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    [SkippableFact]
    public async Task Console_InChromium_ShowsTheWorkflowAndSendsASignal()
    {
        Skip.If(Tools.Find("node") is null || Tools.Find("npm") is null, "node and npm are not on PATH; install Node.js to run the console's browser test.");
        Skip.If(!File.Exists(Chromium), $"{Chromium} is missing; install Debian's chromium package (apt-get install chromium) to run the console's browser test.");
        var folder = ScriptFolder();
        await InstallAsync(folder);
        await using var server = await Servers.StartAsync();
        await using var scenario = await ConsoleScenario.RunAsync(server);
        var screenshots = Path.Combine(AppContext.BaseDirectory, "console-screenshots");
        if (Directory.Exists(screenshots))
        {
            Directory.Delete(screenshots, recursive: true);
        }

        var (code, stdout, stderr) = await Tools.RunAsync(
            "node", ["console.mjs", server.ConsoleEndpoint!.ToString(), screenshots, Chromium], workingDirectory: folder, timeout: TimeSpan.FromSeconds(90));

        output.WriteLine($"console screenshots: {screenshots}");
        Console.WriteLine($"console screenshots: {screenshots}");
        Assert.True(code == 0, $"node console.mjs failed ({code}); screenshots in {screenshots}:\n{stderr}\n{stdout}");
        Assert.Contains("\"ok\":true", stdout, StringComparison.Ordinal);
        Assert.Equal(8, Directory.GetFiles(screenshots, "*.png").Length);
    }

    /// <summary>Runs <c>npm ci</c> when node_modules is missing (CI installs it up front).</summary>
    private static async Task InstallAsync(string folder)
    {
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "playwright-core")))
        {
            var (code, _, error) = await Tools.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], workingDirectory: folder, timeout: TimeSpan.FromMinutes(5));
            Skip.If(code != 0, $"npm ci failed in {folder}, so Playwright is not available: {error}");
        }
    }

    /// <summary>The console-e2e folder beside this file, in the source tree (found from the test's output folder).</summary>
    private static string ScriptFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Sdk.LocalServer.Tests", "console-e2e");
            if (File.Exists(Path.Combine(candidate, "console.mjs")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/Sdk.LocalServer.Tests/console-e2e was not found above " + AppContext.BaseDirectory);
    }
}
