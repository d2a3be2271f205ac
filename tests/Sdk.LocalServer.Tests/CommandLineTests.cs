namespace Swf.LocalServer.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void FullCommandLineIsParsed()
    {
        Assert.True(LocalServerCommand.TryParse(["--port", "5055", "--db", "swf.db", "--region", "eu-west-1", "--require-auth", "--access-key", "K", "--secret-key", "S"], out var options, out _));
        Assert.Equal(5055, options.Port);
        Assert.Equal("swf.db", options.DatabasePath);
        Assert.Equal("eu-west-1", options.Region);
        Assert.True(options.RequireAuth);
        Assert.Equal(("K", "S"), (options.AccessKey, options.SecretKey));
    }

    [Theory]
    [InlineData("--port is required", new string[0])]
    [InlineData("--port needs a port number", new[] { "--port", "http" })]
    [InlineData("--port needs a port number", new[] { "--port", "70000" })]
    [InlineData("--port needs a port number", new[] { "--port" })]
    [InlineData("--db needs a file name", new[] { "--port", "1", "--db" })]
    [InlineData("unknown argument '--verbose'", new[] { "--port", "1", "--verbose" })]
    [InlineData("--require-auth needs --access-key and --secret-key", new[] { "--port", "1", "--require-auth", "--access-key", "K" })]
    [InlineData("only used with --require-auth", new[] { "--port", "1", "--secret-key", "S" })]
    public void BadArgumentsAreExplained(string expected, string[] args)
    {
        Assert.False(LocalServerCommand.TryParse(args, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadArgumentsExitWithUsage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(2, await LocalServerCommand.RunAsync(["--port", "x"], output, error));
        Assert.Contains("usage: swf-local --port N", error.ToString(), StringComparison.Ordinal);
    }
}
