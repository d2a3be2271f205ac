using Swf.LocalServer.Clock;

namespace Swf.LocalServer.Tests;

public sealed class CommandLineTests
{
    private static readonly string[] OptionNames =
        ["--port", "--db", "--journal-sync", "--skip-bad-journal-entries", "--snapshot-every", "--allow-host", "--region", "--clock", "--throttle", "--throttle-config", "--throttle-scale", "--require-auth", "--access-key", "--secret-key", "--log-requests", "--ui-port", "--console", "--no-console", "--codec-endpoint"];

    [Fact]
    public void Parse_FullCommandLine_SetsEveryOption()
    {
        var parsed = LocalServerCommand.Parse(["--port", "5055", "--db", "swf.db", "--region", "eu-west-1", "--require-auth", "--access-key", "K", "--secret-key", "S", "--log-requests", "--ui-port", "5056", "--console", "--codec-endpoint", "http://127.0.0.1:5181/decode"]);

        Assert.Empty(parsed.Errors);
        var options = Assert.IsType<SwfLocalServerOptions>(parsed.Options);
        Assert.Equal(5055, options.Port);
        Assert.Equal("swf.db", options.DatabasePath);
        Assert.Equal("eu-west-1", options.Region);
        Assert.True(options.RequireAuth);
        Assert.Equal(("K", "S"), (options.AccessKey, options.SecretKey));
        Assert.True(options.LogRequests);
        Assert.Equal(5056, options.ConsolePort);
        Assert.True(options.EnableConsole);
        Assert.Equal(new Uri("http://127.0.0.1:5181/decode"), options.CodecEndpoint);
    }

    [Theory]
    [InlineData("system", LocalClockMode.System)]
    [InlineData("manual", LocalClockMode.Manual)]
    [InlineData("skip", LocalClockMode.Skip)]
    public void Parse_Clock_SetsTheMode(string value, LocalClockMode mode)
    {
        var parsed = LocalServerCommand.Parse(["--port", "0", "--clock", value]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(mode, Assert.IsType<SwfLocalServerOptions>(parsed.Options).Clock);
    }

    [Fact]
    public void Parse_UnknownClock_NamesTheChoices()
    {
        var parsed = LocalServerCommand.Parse(["--port", "0", "--clock", "fast"]);

        Assert.Null(parsed.Options);
        Assert.Equal(["--clock needs system, manual or skip, not 'fast'."], parsed.Errors);
    }

    [Theory]
    [InlineData(null, JournalSync.Full)]
    [InlineData("full", JournalSync.Full)]
    [InlineData("normal", JournalSync.Normal)]
    public void Parse_JournalSync_SetsWhenWritesReachTheDisk(string? value, JournalSync sync)
    {
        string[] args = value is null ? ["--port", "0", "--db", "swf.db"] : ["--port", "0", "--db", "swf.db", "--journal-sync", value];

        var parsed = LocalServerCommand.Parse(args);

        Assert.Empty(parsed.Errors);
        Assert.Equal(sync, Assert.IsType<SwfLocalServerOptions>(parsed.Options).JournalSync);
    }

    [Theory]
    [InlineData(new[] { "--port", "0", "--db", "swf.db", "--journal-sync", "off" }, "--journal-sync needs full or normal, not 'off'.")]
    [InlineData(new[] { "--port", "0", "--journal-sync", "normal" }, "--journal-sync is only used with --db.")]
    public void Parse_BadJournalSync_SaysWhatIsWrong(string[] args, string error)
    {
        var parsed = LocalServerCommand.Parse(args);

        Assert.Null(parsed.Options);
        Assert.Equal([error], parsed.Errors);
    }

    [Fact]
    public void Parse_Throttle_HasSwfsQuotas()
    {
        var options = Assert.IsType<SwfLocalServerOptions>(LocalServerCommand.Parse(["--port", "0", "--throttle"]).Options);

        Assert.NotNull(options.Throttle);
        Assert.Equal(1, options.Throttle.Scale);
        Assert.Equal(new Throttling.SwfThrottleQuota(2000, 200), options.Throttle.Api["StartWorkflowExecution"]);
    }

    [Fact]
    public void Parse_ThrottleConfigAndScale_ScaleMultipliesTheFilesScale()
    {
        var path = Path.Combine(Path.GetTempPath(), $"swf-local-throttle-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"scale": 0.5, "api": {"ListDomains": {"bucketSize": 3, "refillPerSecond": 1}}}""");
        try
        {
            var parsed = LocalServerCommand.Parse(["--port", "0", "--throttle", "--throttle-config", path, "--throttle-scale", "0.1"]);

            Assert.Empty(parsed.Errors);
            var throttle = Assert.IsType<SwfLocalServerOptions>(parsed.Options).Throttle!;
            Assert.Equal(0.05, throttle.Scale, precision: 12);
            Assert.Equal(new Throttling.SwfThrottleQuota(3, 1), throttle.Api["ListDomains"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_ThrottleConfigMissingFile_NamesTheOption()
    {
        var parsed = LocalServerCommand.Parse(["--port", "0", "--throttle", "--throttle-config", "/nonexistent/throttle.json"]);

        Assert.Null(parsed.Options);
        var error = Assert.Single(parsed.Errors);
        Assert.StartsWith("--throttle-config: ", error, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/throttle.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PortOnly_KeepsTheDefaults()
    {
        var options = Assert.IsType<SwfLocalServerOptions>(LocalServerCommand.Parse(["--port", "0"]).Options);
        var defaults = new SwfLocalServerOptions();

        Assert.Equal(0, options.Port);
        Assert.Equal(
            (defaults.DatabasePath, defaults.Region, defaults.Clock, defaults.RequireAuth, defaults.AccessKey, defaults.SecretKey, defaults.LogRequests, defaults.ConsolePort, defaults.EnableConsole, defaults.CodecEndpoint),
            (options.DatabasePath, options.Region, options.Clock, options.RequireAuth, options.AccessKey, options.SecretKey, options.LogRequests, options.ConsolePort, options.EnableConsole, options.CodecEndpoint));
        Assert.Null(options.Throttle);
        Assert.Equal(defaults.SnapshotEveryEntries, options.SnapshotEveryEntries);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("25", 25)]
    [InlineData("10000", 10_000)]
    public void Parse_SnapshotEvery_SetsSnapshotEveryEntries(string value, int entries)
    {
        var parsed = LocalServerCommand.Parse(["--port", "0", "--db", "swf.db", "--snapshot-every", value]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(entries, Assert.IsType<SwfLocalServerOptions>(parsed.Options).SnapshotEveryEntries);
    }

    // Each case's message names the option that is wrong; the library's own messages (a missing
    // value, an unknown option) do so too.
    [Theory]
    [InlineData("Option '--port' is required.", new string[0])]
    [InlineData("--port needs a port number from 0 to 65535, not 'http'.", new[] { "--port", "http" })]
    [InlineData("--port needs a port number from 0 to 65535, not '70000'.", new[] { "--port", "70000" })]
    [InlineData("--port needs a port number from 0 to 65535, not '-1'.", new[] { "--port", "-1" })]
    [InlineData("Required argument missing for option: '--port'.", new[] { "--port" })]
    [InlineData("Required argument missing for option: '--db'.", new[] { "--port", "1", "--db" })]
    [InlineData("--db needs a file name.", new[] { "--port", "1", "--db", " " })]
    [InlineData("--db needs a file name.", new[] { "--port", "1", "--db", "--log-requests" })]
    [InlineData("--region needs a region name, such as us-east-1.", new[] { "--port", "1", "--region", "" })]
    [InlineData("--access-key needs a value.", new[] { "--port", "1", "--require-auth", "--access-key", "", "--secret-key", "S" })]
    [InlineData("Unrecognized command or argument '--verbose'.", new[] { "--port", "1", "--verbose" })]
    [InlineData("--require-auth needs --access-key and --secret-key.", new[] { "--port", "1", "--require-auth", "--access-key", "K" })]
    [InlineData("--secret-key is only used with --require-auth.", new[] { "--port", "1", "--secret-key", "S" })]
    [InlineData("--access-key is only used with --require-auth.", new[] { "--port", "1", "--access-key", "K" })]
    [InlineData("--ui-port needs a port number from 0 to 65535, not 'x'.", new[] { "--port", "0", "--ui-port", "x" })]
    [InlineData("--ui-port must differ from --port; leave it out to serve the console on --port.", new[] { "--port", "5000", "--ui-port", "5000" })]
    [InlineData("--ui-port and --no-console contradict each other.", new[] { "--port", "0", "--ui-port", "1", "--no-console" })]
    [InlineData("--codec-endpoint must be an absolute http or https URL, such as http://127.0.0.1:5181/decode; it is 'decode'.", new[] { "--port", "0", "--codec-endpoint", "decode" })]
    [InlineData("--codec-endpoint must be an http or https URL; 'ftp://127.0.0.1/decode' is ftp.", new[] { "--port", "0", "--codec-endpoint", "ftp://127.0.0.1/decode" })]
    [InlineData("--codec-endpoint is only used by the web console, which --no-console turns off.", new[] { "--port", "0", "--codec-endpoint", "http://127.0.0.1:5181/decode", "--no-console" })]
    [InlineData("give --console or --no-console once.", new[] { "--port", "0", "--console", "--no-console" })]
    [InlineData("--throttle-config is only used with --throttle.", new[] { "--port", "0", "--throttle-config", "t.json" })]
    [InlineData("--throttle-scale is only used with --throttle.", new[] { "--port", "0", "--throttle-scale", "0.1" })]
    [InlineData("--throttle-scale needs a number above 0, not '0'.", new[] { "--port", "0", "--throttle", "--throttle-scale", "0" })]
    [InlineData("--throttle-scale needs a number above 0, not 'fast'.", new[] { "--port", "0", "--throttle", "--throttle-scale", "fast" })]
    [InlineData("give --console or --no-console once.", new[] { "--port", "0", "--no-console", "--no-console" })]
    [InlineData("--snapshot-every needs a whole number of journal entries, 0 or more, not '-1'.", new[] { "--port", "0", "--db", "swf.db", "--snapshot-every", "-1" })]
    [InlineData("--snapshot-every needs a whole number of journal entries, 0 or more, not 'often'.", new[] { "--port", "0", "--db", "swf.db", "--snapshot-every", "often" })]
    [InlineData("--snapshot-every needs a whole number of journal entries, 0 or more, not '1.5'.", new[] { "--port", "0", "--db", "swf.db", "--snapshot-every", "1.5" })]
    [InlineData("--snapshot-every needs a whole number of journal entries, 0 or more, not '99999999999'.", new[] { "--port", "0", "--db", "swf.db", "--snapshot-every", "99999999999" })]
    [InlineData("Required argument missing for option: '--snapshot-every'.", new[] { "--port", "0", "--db", "swf.db", "--snapshot-every" })]
    [InlineData("--snapshot-every is only used with --db.", new[] { "--port", "0", "--snapshot-every", "100" })]
    public void Parse_BadArguments_ExplainsWhatIsWrong(string expected, string[] args)
    {
        var parsed = LocalServerCommand.Parse(args);

        Assert.Null(parsed.Options);
        Assert.Equal([expected], parsed.Errors);
    }

    [Fact]
    public async Task RunAsync_BadArguments_ExitsWith2AndPrintsUsage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, await LocalServerCommand.RunAsync(["--port", "x"], output, error));

        var printed = error.ToString();
        Assert.StartsWith("--port needs a port number from 0 to 65535, not 'x'.", printed, StringComparison.Ordinal);
        Assert.Contains("Usage:" + Environment.NewLine + "  swf-local [options]", printed, StringComparison.Ordinal);
        Assert.Contains("--port <N> (REQUIRED)", printed, StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task RunAsync_Help_ListsEveryOption()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, await LocalServerCommand.RunAsync(["--help"], output, error));

        var help = output.ToString();
        var options = new LocalServerCommandLine().ServerOptions;
        Assert.Equal(OptionNames, options.Select(o => o.Name));
        Assert.Contains("Usage:" + Environment.NewLine + "  swf-local [options]", help, StringComparison.Ordinal);
        foreach (var option in options)
        {
            var line = Assert.Single(help.Split(Environment.NewLine), l => l.TrimStart().StartsWith(option.Name + " ", StringComparison.Ordinal));
            Assert.Contains(option.Description!, line, StringComparison.Ordinal);
        }

        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task RunAsync_SuggestDirective_CompletesOptionNames()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, await LocalServerCommand.RunAsync(["[suggest]", "--re"], output, error));

        Assert.Equal(["--region", "--require-auth"], output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(error.ToString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--version")]
    [InlineData("[suggest]", "--re")]
    public void Parse_HelpVersionOrDirective_RunsNoServer(params string[] args)
    {
        var parsed = LocalServerCommand.Parse(args);

        Assert.Null(parsed.Options);
        Assert.Empty(parsed.Errors);
    }
}
