namespace Swf.Cli.Tests.TestSupport;

/// <summary>Runs <c>swf</c> in process and keeps what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Cli.RunAsync(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs <c>swf</c> with "now" on <paramref name="clock"/> and no backoff between retries.</summary>
    public static async Task<CliRun> RunAtAsync(TimeProvider clock, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Cli.RunAsync(args, new CliContext { Out = stdout, Error = stderr, Clock = clock, RetryBaseDelay = TimeSpan.Zero });
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static string History(string name) => Path.Combine(AppContext.BaseDirectory, "Histories", name);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
