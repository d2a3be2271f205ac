using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Swf.LocalServer.Clock;
using Swf.LocalServer.Throttling;

namespace Swf.LocalServer;

/// <summary>
/// swf-local's options as System.CommandLine definitions. Each option carries its description and
/// its own rules (validators), so <c>--help</c>, the errors and shell completions all come from
/// these definitions and each message is written once.
/// </summary>
/// <remarks>
/// A new instance per parse: a symbol tree is cheap to build, and parsing one from several threads
/// (tests do) is not something System.CommandLine promises to support.
/// </remarks>
internal sealed class LocalServerCommandLine
{
    private const string ConsoleOnce = "give --console or --no-console once.";

    public LocalServerCommandLine()
    {
        var defaults = new SwfLocalServerOptions();
        Port = new Option<int>("--port")
        {
            Description = "Loopback port to listen on; 0 picks a free one (the address is printed).",
            HelpName = "N",
            Required = true,
            CustomParser = result => ParsePort(result, "--port") ?? 0,
        };
        Database = Text("--db", "FILE", "SQLite file that keeps all state across restarts [default: in memory].", "--db needs a file name.", blankIsValue: false);
        JournalSyncMode = Choice(
            "--journal-sync",
            "When --db's writes are forced to disk: full (before each answer; survives a power cut) or normal (at checkpoints; survives kill -9, faster).",
            defaults.JournalSync,
            [("full", JournalSync.Full), ("normal", JournalSync.Normal)]);
        SkipBadJournalEntries = Flag("--skip-bad-journal-entries", "Start even if entries of --db's journal do not replay: skip them (they stay in the file) and list them.");
        SnapshotEvery = new Option<int>("--snapshot-every")
        {
            Description = "With --db, snapshot the engine into the file every N journal entries and drop the entries it covers (0: only at a clean shutdown).",
            HelpName = "N",
            DefaultValueFactory = _ => defaults.SnapshotEveryEntries,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var entries))
                {
                    return entries;
                }

                result.AddError($"--snapshot-every needs a whole number of journal entries, 0 or more, not '{text}'.");
                return defaults.SnapshotEveryEntries;
            },
        };
        Region = Text("--region", "R", "Region of domain ARNs (signatures for any region are accepted).", "--region needs a region name, such as us-east-1.", blankIsValue: false);
        Region.DefaultValueFactory = _ => defaults.Region;
        AllowHost = new Option<string[]>("--allow-host")
        {
            Description = "Also answer requests addressed to this host name (127.0.0.1, localhost and [::1] always are); repeatable.",
            HelpName = "NAME",
            Arity = ArgumentArity.OneOrMore,
            DefaultValueFactory = _ => [],
        };
        AllowHost.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (Routing.HostFilter.Check(token.Value) is { } problem)
                {
                    result.AddError($"--allow-host needs a host name: {problem}.");
                }
            }
        });
        RequireAuth = Flag("--require-auth", "Check SigV4 signatures; needs --access-key and --secret-key.");
        AccessKey = Text("--access-key", "K", "The only access key accepted (with --require-auth).", "--access-key needs a value.", blankIsValue: true);
        SecretKey = Text("--secret-key", "S", "The secret signatures are checked with (with --require-auth).", "--secret-key needs a value.", blankIsValue: true);
        LogRequests = Flag("--log-requests", "Log each request.");
        ConsolePort = new Option<int?>("--ui-port")
        {
            Description = "Serve the web console on its own loopback port [default: on --port, at /].",
            HelpName = "N",
            CustomParser = result => ParsePort(result, "--ui-port"),
        };
        Clock = Choice(
            "--clock",
            "The engine's clock: system, manual (moved over HTTP) or skip (jumps to the next timer when idle).",
            defaults.Clock,
            [("system", LocalClockMode.System), ("manual", LocalClockMode.Manual), ("skip", LocalClockMode.Skip)]);
        Throttle = Flag("--throttle", "Throttle calls as SWF does (its published API and decision quotas), answering ThrottlingException.");
        ThrottleConfig = new Option<SwfThrottleOptions?>("--throttle-config")
        {
            Description = "JSON file that changes the quotas of --throttle (see the swf-local docs, \"Service limits\").",
            HelpName = "FILE",
            CustomParser = result =>
            {
                var path = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (string.IsNullOrWhiteSpace(path) || path.StartsWith("--", StringComparison.Ordinal))
                {
                    result.AddError("--throttle-config needs a file name.");
                    return null;
                }

                if (!Given(result, Throttle))
                {
                    // Its own rule says it needs --throttle; a file that is not read cannot be wrong.
                    return null;
                }

                try
                {
                    return SwfThrottleOptions.Load(path);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
                {
                    result.AddError($"--throttle-config: {ex.Message}");
                    return null;
                }
            },
        };
        ThrottleScale = new Option<double?>("--throttle-scale")
        {
            Description = "Multiply every quota of --throttle by X (0.01: a hundredth of SWF's, for tests) [default: 1].",
            HelpName = "X",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale > 0 && !double.IsInfinity(scale))
                {
                    return scale;
                }

                result.AddError($"--throttle-scale needs a number above 0, not '{text}'.");
                return null;
            },
        };
        CodecEndpoint = new Option<Uri?>("--codec-endpoint")
        {
            Description = "Decode endpoint (MapSwfPayloadDecoder, on loopback) that swf-local asks to show encoded payloads decoded in the console [default: as stored].",
            HelpName = "URL",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                var url = Uri.TryCreate(text, UriKind.Absolute, out var parsed) ? parsed : null;
                var problem = url is null ? $"must be an absolute http or https URL, such as http://127.0.0.1:5181/decode; it is '{text}'" : SwfLocalServerOptions.CodecEndpointProblem(url);
                if (problem is not null)
                {
                    result.AddError($"--codec-endpoint {problem}.");
                }

                return url;
            },
        };
        ServeConsole = Flag("--console", "Serve the web console even with --require-auth (its API is unsigned).");
        NoConsole = Flag("--no-console", "Do not serve the web console (the default with --require-auth).");

        RequireAuth.Validators.Add(result =>
        {
            if (!result.Implicit && !(Given(result, AccessKey) && Given(result, SecretKey)))
            {
                result.AddError("--require-auth needs --access-key and --secret-key.");
            }
        });
        SkipBadJournalEntries.Validators.Add(result =>
        {
            if (!result.Implicit && !Given(result, Database))
            {
                result.AddError("--skip-bad-journal-entries is only used with --db.");
            }
        });
        SnapshotEvery.Validators.Add(result =>
        {
            if (!result.Implicit && !Given(result, Database))
            {
                result.AddError("--snapshot-every is only used with --db.");
            }
        });
        JournalSyncMode.Validators.Add(result =>
        {
            if (!result.Implicit && !Given(result, Database))
            {
                result.AddError("--journal-sync is only used with --db.");
            }
        });
        ThrottleConfig.Validators.Add(result => OnlyWithThrottle(result, "--throttle-config"));
        ThrottleScale.Validators.Add(result => OnlyWithThrottle(result, "--throttle-scale"));
        AccessKey.Validators.Add(result => OnlyWithRequireAuth(result, "--access-key"));
        SecretKey.Validators.Add(result => OnlyWithRequireAuth(result, "--secret-key"));
        ConsolePort.Validators.Add(result =>
        {
            if (result.Implicit)
            {
                return;
            }

            if (Given(result, NoConsole))
            {
                result.AddError("--ui-port and --no-console contradict each other.");
            }

            if (result.Tokens is [var token] && PortNumber(token.Value) is { } consolePort and not 0 && GivenPort(result) == consolePort)
            {
                result.AddError("--ui-port must differ from --port; leave it out to serve the console on --port.");
            }
        });
        CodecEndpoint.Validators.Add(result =>
        {
            if (!result.Implicit && Given(result, NoConsole))
            {
                result.AddError("--codec-endpoint is only used by the web console, which --no-console turns off.");
            }
        });
        ServeConsole.Validators.Add(result =>
        {
            if (!result.Implicit && (result.IdentifierTokenCount > 1 || Given(result, NoConsole)))
            {
                result.AddError(ConsoleOnce);
            }
        });
        NoConsole.Validators.Add(result =>
        {
            // Given together with --console, --console's own rule says so.
            if (result.IdentifierTokenCount > 1)
            {
                result.AddError(ConsoleOnce);
            }
        });

        Root = new RootCommand("swf-local: the Swf.Sdk local SWF engine over SWF's HTTP protocol, for the AWS CLI, the AWS SDKs and SwfHttpClient, with a web console.")
        {
            Port, Database, JournalSyncMode, SkipBadJournalEntries, SnapshotEvery, AllowHost, Region, Clock, Throttle, ThrottleConfig, ThrottleScale, RequireAuth, AccessKey, SecretKey, LogRequests, ConsolePort, ServeConsole, NoConsole, CodecEndpoint,
        };

        // The tool's name however it is started (dotnet swf-local.dll, an apphost, a test host).
        Root.HelpName = "swf-local";
    }

    /// <summary>Gets the command, with System.CommandLine's help, version and completion (<c>[suggest]</c>) support.</summary>
    public RootCommand Root { get; }

    /// <summary>Gets the options that make up <see cref="SwfLocalServerOptions"/>, in the order help lists them.</summary>
    public IReadOnlyList<Option> ServerOptions => [Port, Database, JournalSyncMode, SkipBadJournalEntries, SnapshotEvery, AllowHost, Region, Clock, Throttle, ThrottleConfig, ThrottleScale, RequireAuth, AccessKey, SecretKey, LogRequests, ConsolePort, ServeConsole, NoConsole, CodecEndpoint];

    private Option<int> Port { get; }

    private Option<string> Database { get; }

    private Option<JournalSync> JournalSyncMode { get; }

    private Option<bool> SkipBadJournalEntries { get; }

    private Option<int> SnapshotEvery { get; }

    private Option<string[]> AllowHost { get; }

    private Option<string> Region { get; }

    private Option<LocalClockMode> Clock { get; }

    private Option<bool> Throttle { get; }

    private Option<SwfThrottleOptions?> ThrottleConfig { get; }

    private Option<double?> ThrottleScale { get; }

    private Option<bool> RequireAuth { get; }

    private Option<string> AccessKey { get; }

    private Option<string> SecretKey { get; }

    private Option<bool> LogRequests { get; }

    private Option<int?> ConsolePort { get; }

    private Option<bool> ServeConsole { get; }

    private Option<bool> NoConsole { get; }

    private Option<Uri?> CodecEndpoint { get; }

    /// <summary>Parses a command line. Values are taken literally: there are no response files (<c>@file</c>).</summary>
    public ParseResult Parse(IReadOnlyList<string> args) => Root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>Reads the server's settings from a parse without errors.</summary>
    public SwfLocalServerOptions ToOptions(ParseResult parse)
    {
        var options = new SwfLocalServerOptions
        {
            Port = parse.GetValue(Port),
            DatabasePath = parse.GetValue(Database),
            JournalSync = parse.GetValue(JournalSyncMode),
            SkipBadJournalEntries = parse.GetValue(SkipBadJournalEntries),
            SnapshotEveryEntries = parse.GetValue(SnapshotEvery),
            Region = parse.GetRequiredValue(Region),
            Clock = parse.GetValue(Clock),
            RequireAuth = parse.GetValue(RequireAuth),
            AccessKey = parse.GetValue(AccessKey),
            SecretKey = parse.GetValue(SecretKey),
            LogRequests = parse.GetValue(LogRequests),
            ConsolePort = parse.GetValue(ConsolePort),
            EnableConsole = Given(parse, ServeConsole) ? true : Given(parse, NoConsole) ? false : null,
            CodecEndpoint = parse.GetValue(CodecEndpoint),
        };
        if (parse.GetValue(Throttle))
        {
            options.Throttle = parse.GetValue(ThrottleConfig) ?? new SwfThrottleOptions();
            if (parse.GetValue(ThrottleScale) is { } scale)
            {
                // The command line's factor applies on top of any the file gives.
                options.Throttle.Scale *= scale;
            }
        }

        foreach (var host in parse.GetValue(AllowHost) ?? [])
        {
            options.AllowedHosts.Add(host);
        }

        return options;
    }

    /// <summary>An option that takes one of a few words, each naming a value; completions and the error list the words.</summary>
    private static Option<T> Choice<T>(string name, string description, T defaultValue, (string Word, T Value)[] choices)
    {
        var words = choices.Select(c => c.Word).ToArray();
        var option = new Option<T>(name)
        {
            Description = description,
            HelpName = string.Join('|', words),
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                foreach (var (word, value) in choices)
                {
                    if (text == word)
                    {
                        return value;
                    }
                }

                result.AddError($"{name} needs {string.Join(", ", words[..^1])} or {words[^1]}, not '{text}'.");
                return defaultValue;
            },
        };
        option.CompletionSources.Add(words);
        return option;
    }

    private static Option<bool> Flag(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>An option with a text value. As before System.CommandLine, a value that looks like an option means the value is missing.</summary>
    private static Option<string> Text(string name, string helpName, string description, string missing, bool blankIsValue)
    {
        var option = new Option<string>(name) { Description = description, HelpName = helpName };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (string.IsNullOrEmpty(value) || (!blankIsValue && string.IsNullOrWhiteSpace(value)) || value.StartsWith("--", StringComparison.Ordinal))
            {
                result.AddError(missing);
            }
        });
        return option;
    }

    private static int? ParsePort(ArgumentResult result, string name)
    {
        var text = result.Tokens[0].Value;
        var port = PortNumber(text);
        if (port is null)
        {
            result.AddError($"{name} needs a port number from 0 to 65535, not '{text}'.");
        }

        return port;
    }

    private static int? PortNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 ? port : null;

    private void OnlyWithThrottle(OptionResult result, string name)
    {
        if (!result.Implicit && !Given(result, Throttle))
        {
            result.AddError($"{name} is only used with --throttle.");
        }
    }

    private void OnlyWithRequireAuth(OptionResult result, string name)
    {
        if (!result.Implicit && !Given(result, RequireAuth))
        {
            result.AddError($"{name} is only used with --require-auth.");
        }
    }

    /// <summary>Gets whether an option is on the command line (not only there by its default).</summary>
    private static bool Given(SymbolResult result, Option option) => result.GetResult(option) is { Implicit: false };

    private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>Gets --port's number, or null when it is absent or not a port number (its own rule reports that).</summary>
    private int? GivenPort(SymbolResult result) =>
        result.GetResult(Port) is { Implicit: false, Tokens: [var token] } ? PortNumber(token.Value) : null;
}
