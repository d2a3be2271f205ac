using System.CommandLine;
using System.Globalization;
using System.Net;
using Amazon.Runtime;
using Swf.Cli.Histories;
using Swf.Client;
using Swf.Client.Paging;
using Swf.Exceptions;
using Swf.Model;
using Swf.Serialization;

namespace Swf.Cli.Commands;

/// <summary><c>swf history get</c>: downloads every page of an execution's history.</summary>
internal sealed class HistoryGetCommand : Command
{
    public HistoryGetCommand(CliContext context)
        : base("get", "Download every page of an execution's history as the JSON 'aws swf get-workflow-execution-history' prints.")
    {
        Options.Add(Domain);
        Options.Add(WorkflowId);
        Options.Add(RunId);
        Options.Add(Endpoint);
        Options.Add(Region);
        Options.Add(Profile);
        Options.Add(Output);
        Options.Add(PageSize);
        Options.Add(Timeout);
        Options.Add(MaxAttempts);
        Options.Add(IsoTimestamps);
        SetAction((parseResult, cancellationToken) => RunAsync(parseResult, context, cancellationToken));
    }

    public Option<string> Domain { get; } = CliOptions.Required("--domain", "D", "The SWF domain.");

    public Option<string> WorkflowId { get; } = CliOptions.Required("--workflow-id", "W", "The execution's workflow id.");

    public Option<string?> RunId { get; } = CliOptions.Text(
        "--run-id", "R", "The execution's run id (default: the open run of the workflow id, else its most recently started closed run).");

    public Option<Uri?> Endpoint { get; } = CliOptions.HttpUrl(
        "--endpoint",
        "An explicit SWF endpoint, such as http://127.0.0.1:5055 for swf-local. Against a loopback endpoint (swf-local, moto) without --profile or AWS_ACCESS_KEY_ID, placeholder credentials are used.");

    public Option<string?> Region { get; } = CliOptions.Text("--region", "R", "The AWS region (default: AWS_REGION or AWS_DEFAULT_REGION).");

    public Option<string?> Profile { get; } = CliOptions.Text(
        "--profile", "P", "The shared-config profile to take credentials from (default: the AWS SDKs' standard credential chain).");

    public Option<string?> Output { get; } = CliOptions.Text(
        "--output", "FILE", "Write the history to FILE, once every page has arrived, instead of to standard output.", "-o");

    public Option<int?> PageSize { get; } = CliOptions.WholeNumber("--page-size", "N", "Events per page, 1 to 1000 (default: SWF's, 1000).", 1, 1000);

    public Option<double> Timeout { get; } = CliOptions.Seconds("--timeout", "How long one call may take.", 3600, 30);

    public Option<int> MaxAttempts { get; } = CliOptions.WholeNumber("--max-attempts", "N", "Attempts per call, retries included, 1 to 10.", 1, 10, 3);

    public Option<bool> IsoTimestamps { get; } = CliOptions.Flag(
        "--iso-timestamps", "Print timestamps as ISO-8601 strings, as AWS CLI v2 does (default: epoch seconds, as v1 does).");

    private async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        var domain = parseResult.GetRequiredValue(Domain);
        var workflowId = parseResult.GetRequiredValue(WorkflowId);
        var runId = parseResult.GetValue(RunId);
        var output = parseResult.GetValue(Output);
        var pageSize = parseResult.GetValue(PageSize);
        var options = ClientOptions(parseResult, context);

        using var client = CreateClient(options);
        var where = options.ServiceUrl?.ToString() ?? client.Endpoint.ToString();
        try
        {
            runId ??= await LatestRunAsync(client, domain, workflowId, cancellationToken).ConfigureAwait(false);
            var request = new GetWorkflowExecutionHistoryRequest
            {
                Domain = domain,
                Execution = new WorkflowExecution { WorkflowId = workflowId, RunId = runId },
                MaximumPageSize = pageSize,
            };
            var events = new List<HistoryEvent>();
            var pages = 0;
            await foreach (var page in client.GetWorkflowExecutionHistoryPaginator(request).Responses.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                pages++;
                events.AddRange(page.History?.Events ?? []);
            }

            var json = HistoryJson.Write(events, parseResult.GetValue(IsoTimestamps));
            if (output is null)
            {
                await context.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(json)).ConfigureAwait(false);
            }
            else
            {
                await File.WriteAllBytesAsync(output, json, cancellationToken).ConfigureAwait(false);
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

    private SwfClientOptions ClientOptions(ParseResult parseResult, CliContext context)
    {
        var options = new SwfClientOptions
        {
            Region = parseResult.GetValue(Region),
            Profile = parseResult.GetValue(Profile),
            RequestTimeout = TimeSpan.FromSeconds(parseResult.GetValue(Timeout)),
        };
        options.Retry.MaxAttempts = parseResult.GetValue(MaxAttempts);
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
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
