using System.CommandLine;
using System.Net;
using Amazon.Runtime;
using Swf.Client;
using Swf.Exceptions;

namespace Swf.Cli.Commands;

/// <summary>
/// The options that say where SWF is and how to call it (<c>--endpoint</c>, <c>--region</c>, <c>--profile</c>,
/// <c>--timeout</c>, <c>--max-attempts</c>), shared by the commands that call SWF, and the client they make.
/// </summary>
internal sealed class ConnectionOptions
{
    private readonly TimeSpan _maxDelay;

    /// <param name="purpose">Says in the help what the options are for, or empty when the command only calls SWF.</param>
    /// <param name="defaultMaxAttempts">Attempts per call by default.</param>
    /// <param name="maxDelay">The longest backoff between attempts, before jitter.</param>
    public ConnectionOptions(string purpose, int defaultMaxAttempts, TimeSpan maxDelay)
    {
        _maxDelay = maxDelay;
        Endpoint = CliOptions.HttpUrl(
            "--endpoint",
            Say(purpose, "An explicit SWF endpoint, such as http://127.0.0.1:5055 for swf-local. Against a loopback endpoint (swf-local, moto) without --profile or AWS_ACCESS_KEY_ID, placeholder credentials are used."));
        Region = CliOptions.Text("--region", "R", Say(purpose, "The AWS region (default: AWS_REGION or AWS_DEFAULT_REGION)."));
        Profile = CliOptions.Text(
            "--profile", "P", Say(purpose, "The shared-config profile to take credentials from (default: the AWS SDKs' standard credential chain)."));
        Timeout = CliOptions.Seconds("--timeout", Say(purpose, "How long one call may take."), 3600, 30);
        MaxAttempts = CliOptions.WholeNumber(
            "--max-attempts", "N", Say(purpose, "Attempts per call, retries included, 1 to 10; throttling and server errors are retried with backoff."), 1, 10, defaultMaxAttempts);
    }

    public Option<Uri?> Endpoint { get; }

    public Option<string?> Region { get; }

    public Option<string?> Profile { get; }

    public Option<double> Timeout { get; }

    public Option<int> MaxAttempts { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Endpoint);
        command.Options.Add(Region);
        command.Options.Add(Profile);
        command.Options.Add(Timeout);
        command.Options.Add(MaxAttempts);
    }

    /// <summary>Tells whether any of the options was given on the command line.</summary>
    public bool AnyGiven(ParseResult parseResult) =>
        new Option[] { Endpoint, Region, Profile, Timeout, MaxAttempts }.Any(o => parseResult.GetResult(o) is { Implicit: false });

    /// <summary>Makes the client the options describe.</summary>
    /// <returns>The client, and where it calls, for messages.</returns>
    /// <exception cref="CliException">Neither an endpoint nor a region is known, or the options are not valid.</exception>
    public (SwfHttpClient Client, string Where) CreateClient(ParseResult parseResult, CliContext context)
    {
        var options = new SwfClientOptions
        {
            Region = parseResult.GetValue(Region),
            Profile = parseResult.GetValue(Profile),
            RequestTimeout = TimeSpan.FromSeconds(parseResult.GetValue(Timeout)),
        };
        options.Retry.MaxAttempts = parseResult.GetValue(MaxAttempts);
        options.Retry.BaseDelay = context.RetryBaseDelay;
        options.Retry.MaxDelay = _maxDelay;
        if (parseResult.GetValue(Endpoint) is { } url)
        {
            options.ServiceUrl = url;
            if (options.Profile is null && IsLoopback(url) && string.IsNullOrEmpty(context.GetEnvironmentVariable("AWS_ACCESS_KEY_ID")))
            {
                // Local engines do not check signatures; the standard chain would otherwise probe the
                // instance-metadata service before giving up, which takes seconds.
                options.Credentials = new BasicAWSCredentials("swf-local", "swf-local");
            }
        }
        else if (options.Region is null
            && string.IsNullOrEmpty(context.GetEnvironmentVariable("AWS_REGION"))
            && string.IsNullOrEmpty(context.GetEnvironmentVariable("AWS_DEFAULT_REGION")))
        {
            // Not a validator on --endpoint or --region: it reads the environment, and a command's validator
            // would hide the options' own errors (System.CommandLine stops at the command's).
            throw CliException.Usage("Say where SWF is: --endpoint URL or --region R (or set AWS_REGION).");
        }

        try
        {
            var client = new SwfHttpClient(options);
            return (client, options.ServiceUrl?.ToString() ?? client.Endpoint.ToString());
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message, ex);
        }
    }

    /// <summary>Says why a call to SWF failed, as one line.</summary>
    /// <param name="where">Where SWF is.</param>
    /// <param name="ex">The failure.</param>
    /// <returns>The line.</returns>
    public static string Describe(string where, SwfException ex) => ex switch
    {
        SwfTransportException => $"SWF at {where} did not answer: {ex.Message}",
        { StatusCode: 0 } => $"Cannot call SWF at {where}: {ex.Message}",
        _ => $"SWF at {where} refused the call: {ex.ErrorCode}: {ex.Message}",
    };

    /// <summary>Prefixes a description with what the options are for: "With --domain: the AWS region ...".</summary>
    private static string Say(string purpose, string description) =>
        purpose.Length == 0 ? description : purpose + char.ToLowerInvariant(description[0]) + description[1..];

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
