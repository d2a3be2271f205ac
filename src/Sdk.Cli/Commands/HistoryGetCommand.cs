using Swf.Serialization;
using System.Globalization;
using System.Net;
using Amazon.Runtime;
using Swf.Cli.Histories;
using Swf.Client;
using Swf.Client.Paging;
using Swf.Exceptions;
using Swf.Model;

namespace Swf.Cli.Commands;

/// <summary><c>swf history get</c>: downloads every page of an execution's history.</summary>
internal sealed class HistoryGetCommand : Command
{
    public override string Name => "history get";

    public override string Summary => "Download every page of an execution's history as the JSON 'aws swf get-workflow-execution-history' prints.";

    public override string Synopsis => "swf history get --domain D --workflow-id W [--run-id R] [--endpoint URL | --region R] [--profile P] [-o FILE]";

    public override string? Details =>
        "Without --run-id, the open run of the workflow id is taken, or else its most recently started closed run.\n" +
        "Credentials come from --profile or the AWS SDKs' standard chain; against a loopback --endpoint (swf-local,\n" +
        "moto) without --profile or AWS_ACCESS_KEY_ID, placeholder credentials are used. Without -o the JSON goes to\n" +
        "standard output; with -o the file is written only once every page has arrived.";

    public override CommandSpec Spec { get; } = new CommandSpec()
        .Value("--domain", "D", "The SWF domain.")
        .Value("--workflow-id", "W", "The execution's workflow id.")
        .Value("--run-id", "R", "The execution's run id (default: the open run, else the latest closed one).")
        .Value("--endpoint", "URL", "An explicit SWF endpoint, such as http://127.0.0.1:5055 for swf-local.")
        .Value("--region", "R", "The AWS region (default: AWS_REGION or AWS_DEFAULT_REGION).")
        .Value("--profile", "P", "The shared-config profile to take credentials from.")
        .Value("--output", "FILE", "Write the history to FILE instead of standard output.", "-o")
        .Value("--page-size", "N", "Events per page, 1 to 1000 (default: SWF's, 1000).")
        .Value("--timeout", "SECONDS", "How long one call may take (default 30).")
        .Value("--max-attempts", "N", "Attempts per call, retries included (default 3).")
        .Flag("--iso-timestamps", "Print timestamps as ISO-8601 strings, as AWS CLI v2 does (default: epoch seconds, as v1 does).");

    public override async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        if (line.Positionals.Count > 0)
        {
            throw CliException.Usage($"Unexpected argument '{line.Positionals[0]}'.");
        }

        var domain = line.Required("--domain");
        var workflowId = line.Required("--workflow-id");
        var runId = line.Value("--run-id");
        var output = line.Value("--output");
        var pageSize = line.Int("--page-size", 1, 1000);
        var options = ClientOptions(line, context);

        using var client = CreateClient(options);
        var where = options.ServiceUrl?.ToString() ?? client.Endpoint.ToString();
        try
        {
            runId ??= await LatestRunAsync(client, domain, workflowId, context.CancellationToken).ConfigureAwait(false);
            var request = new GetWorkflowExecutionHistoryRequest
            {
                Domain = domain,
                Execution = new WorkflowExecution { WorkflowId = workflowId, RunId = runId },
                MaximumPageSize = pageSize,
            };
            var events = new List<HistoryEvent>();
            var pages = 0;
            await foreach (var page in client.GetWorkflowExecutionHistoryPaginator(request).Responses.WithCancellation(context.CancellationToken).ConfigureAwait(false))
            {
                pages++;
                events.AddRange(page.History?.Events ?? []);
            }

            var json = HistoryJson.Write(events, line.Flag("--iso-timestamps"));
            if (output is null)
            {
                await context.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(json)).ConfigureAwait(false);
            }
            else
            {
                await File.WriteAllBytesAsync(output, json, context.CancellationToken).ConfigureAwait(false);
                await context.Error.WriteLineAsync(
                    $"Wrote {events.Count.ToString(CultureInfo.InvariantCulture)} events ({pages.ToString(CultureInfo.InvariantCulture)} pages) of {workflowId} run {runId} to {output}.").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }
        catch (SwfTransportException ex)
        {
            throw new CliException($"SWF at {where} did not answer: {ex.Message}", ex);
        }
        catch (UnknownResourceException ex)
        {
            throw new CliException($"SWF at {where} knows no such domain or execution (domain '{domain}', workflow id '{workflowId}'{(runId is null ? string.Empty : $", run id '{runId}'")}): {ex.Message}", ex);
        }
        catch (SwfException ex) when (ex.StatusCode == 0)
        {
            throw new CliException($"Cannot call SWF at {where}: {ex.Message}", ex);
        }
        catch (SwfException ex)
        {
            throw new CliException($"SWF at {where} refused the call: {ex.ErrorCode}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot write {output}: {ex.Message}", ex);
        }
    }

    private static SwfClientOptions ClientOptions(CommandLine line, CliContext context)
    {
        var options = new SwfClientOptions
        {
            Region = line.Value("--region"),
            Profile = line.Value("--profile"),
            RequestTimeout = TimeSpan.FromSeconds(line.Seconds("--timeout") ?? 30),
        };
        options.Retry.MaxAttempts = line.Int("--max-attempts", 1, 10) ?? 3;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        if (line.Value("--endpoint") is { } endpoint)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw CliException.Usage($"--endpoint must be an http:// or https:// URL; it is '{endpoint}'.");
            }

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
            throw CliException.Usage("Say where SWF is: --endpoint URL or --region R (or set AWS_REGION).");
        }

        return options;
    }

    private static SwfHttpClient CreateClient(SwfClientOptions options)
    {
        try
        {
            return new SwfHttpClient(options);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message, ex);
        }
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static async Task<string> LatestRunAsync(SwfHttpClient client, string domain, string workflowId, CancellationToken cancellationToken)
    {
        var filter = new WorkflowExecutionFilter { WorkflowId = workflowId };
        var since = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch };
        var open = await client.ListOpenWorkflowExecutionsAsync(
            new ListOpenWorkflowExecutionsRequest { Domain = domain, StartTimeFilter = since, ExecutionFilter = filter, MaximumPageSize = 1 },
            cancellationToken).ConfigureAwait(false);
        if (open.WorkflowExecutionInfos?.ExecutionInfos is [var running, ..])
        {
            return running.Execution.RunId;
        }

        var closed = await client.ListClosedWorkflowExecutionsAsync(
            new ListClosedWorkflowExecutionsRequest { Domain = domain, StartTimeFilter = since, ExecutionFilter = filter, MaximumPageSize = 1 },
            cancellationToken).ConfigureAwait(false);
        return closed.WorkflowExecutionInfos?.ExecutionInfos is [var latest, ..]
            ? latest.Execution.RunId
            : throw new CliException($"No execution with workflow id '{workflowId}' in domain '{domain}' (open, or closed within the domain's retention period).");
    }
}
