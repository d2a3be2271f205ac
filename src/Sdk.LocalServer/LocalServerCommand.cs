using System.Globalization;

namespace Swf.LocalServer;

/// <summary>The <c>swf-local</c> command line: parses the arguments, starts the server and runs until stopped.</summary>
public static class LocalServerCommand
{
    /// <summary>The command's usage text.</summary>
    public const string Usage = """
        usage: swf-local --port N [--db FILE] [--region R] [--require-auth --access-key K --secret-key S] [--log-requests]
                         [--ui-port N] [--console | --no-console]

          --port N          loopback port to listen on (0 picks a free one; the address is printed)
          --db FILE         SQLite file that keeps all state across restarts (default: in memory)
          --region R        region of domain ARNs (default: us-east-1)
          --require-auth    check SigV4 signatures; needs --access-key and --secret-key
          --access-key K    the only access key accepted
          --secret-key S    the secret signatures are checked with
          --log-requests    log each request
          --ui-port N       serve the web console on its own loopback port (default: on --port, at /)
          --console         serve the web console even with --require-auth (its API is unsigned)
          --no-console      do not serve the web console (the default with --require-auth)
        """;

    /// <summary>Runs the command until the process is stopped (Ctrl+C or SIGTERM).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where the listening address is printed.</param>
    /// <param name="error">Where usage and errors are printed.</param>
    /// <returns>The exit code: 0 after a clean stop, 2 for bad arguments, 1 when the server could not start.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is ["--help"] or ["-h"])
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return 0;
        }

        if (!TryParse(args, out var options, out var problem))
        {
            await error.WriteLineAsync($"swf-local: {problem}\n\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            SwfLocalServer server;
            try
            {
                server = await SwfLocalServer.StartAsync(options, stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                await error.WriteLineAsync($"swf-local: could not start: {ex.Message}").ConfigureAwait(false);
                return 1;
            }

            await using (server.ConfigureAwait(false))
            {
                var store = options.DatabasePath is null ? "in memory" : Path.GetFullPath(options.DatabasePath);
                await output.WriteLineAsync($"swf-local listening on {server.Endpoint} (state: {store}{(options.RequireAuth ? ", SigV4 required" : string.Empty)})").ConfigureAwait(false);
                await output.WriteLineAsync(server.ConsoleEndpoint is { } console ? $"web console: {console}" : "web console: off").ConfigureAwait(false);
                await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C or SIGTERM.
                }
            }

            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Parses the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="options">The server's settings, when the arguments are valid.</param>
    /// <param name="problem">What is wrong, when they are not.</param>
    /// <returns>Whether the arguments are valid.</returns>
    public static bool TryParse(IReadOnlyList<string> args, out SwfLocalServerOptions options, out string problem)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = new SwfLocalServerOptions();
        problem = string.Empty;
        int? port = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string? Value()
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return null;
                }

                return args[++i];
            }

            switch (name)
            {
                case "--port":
                    var text = Value();
                    if (text is null || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed > 65535)
                    {
                        problem = $"--port needs a port number from 0 to 65535{(text is null ? string.Empty : $", not '{text}'")}.";
                        return false;
                    }

                    port = parsed;
                    break;
                case "--db":
                    options.DatabasePath = Value();
                    if (string.IsNullOrWhiteSpace(options.DatabasePath))
                    {
                        problem = "--db needs a file name.";
                        return false;
                    }

                    break;
                case "--region":
                    var region = Value();
                    if (string.IsNullOrWhiteSpace(region))
                    {
                        problem = "--region needs a region name, such as us-east-1.";
                        return false;
                    }

                    options.Region = region;
                    break;
                case "--require-auth":
                    options.RequireAuth = true;
                    break;
                case "--access-key":
                    options.AccessKey = Value();
                    if (string.IsNullOrEmpty(options.AccessKey))
                    {
                        problem = "--access-key needs a value.";
                        return false;
                    }

                    break;
                case "--secret-key":
                    options.SecretKey = Value();
                    if (string.IsNullOrEmpty(options.SecretKey))
                    {
                        problem = "--secret-key needs a value.";
                        return false;
                    }

                    break;
                case "--log-requests":
                    options.LogRequests = true;
                    break;
                case "--ui-port":
                    var uiText = Value();
                    if (uiText is null || !int.TryParse(uiText, NumberStyles.None, CultureInfo.InvariantCulture, out var uiPort) || uiPort > 65535)
                    {
                        problem = $"--ui-port needs a port number from 0 to 65535{(uiText is null ? string.Empty : $", not '{uiText}'")}.";
                        return false;
                    }

                    options.ConsolePort = uiPort;
                    break;
                case "--console" or "--no-console":
                    if (options.EnableConsole is not null)
                    {
                        problem = "give --console or --no-console once.";
                        return false;
                    }

                    options.EnableConsole = name == "--console";
                    break;
                default:
                    problem = $"unknown argument '{name}'.";
                    return false;
            }
        }

        if (port is null)
        {
            problem = "--port is required.";
            return false;
        }

        options.Port = port.Value;
        if (options.RequireAuth && (options.AccessKey is null || options.SecretKey is null))
        {
            problem = "--require-auth needs --access-key and --secret-key.";
            return false;
        }

        if (options.ConsolePort is { } consolePort && consolePort != 0 && consolePort == options.Port)
        {
            problem = "--ui-port must differ from --port; leave it out to serve the console on --port.";
            return false;
        }

        if (options.ConsolePort is not null && options.EnableConsole == false)
        {
            problem = "--ui-port and --no-console contradict each other.";
            return false;
        }

        if (!options.RequireAuth && (options.AccessKey is not null || options.SecretKey is not null))
        {
            problem = "--access-key and --secret-key are only used with --require-auth.";
            return false;
        }

        return true;
    }
}
