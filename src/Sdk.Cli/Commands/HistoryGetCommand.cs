using System.CommandLine;
using System.Globalization;
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
        Connection.AddTo(this);
        Options.Add(Output);
        Options.Add(PageSize);
        Options.Add(IsoTimestamps);
        SetAction((parseResult, cancellationToken) => RunAsync(parseResult, context, cancellationToken));
    }

    public Option<string> Domain { get; } = CliOptions.Required("--domain", "D", "The SWF domain.");

    public Option<string> WorkflowId { get; } = CliOptions.Required("--workflow-id", "W", "The execution's workflow id.");

    public Option<string?> RunId { get; } = CliOptions.Text(
        "--run-id", "R", "The execution's run id (default: the open run of the workflow id, else its most recently started closed run).");

    public ConnectionOptions Connection { get; } = new(string.Empty, defaultMaxAttempts: 3, maxDelay: TimeSpan.FromSeconds(5));

    public Option<string?> Output { get; } = CliOptions.Text(
        "--output", "FILE", "Write the history to FILE, once every page has arrived, instead of to standard output.", "-o");

    public Option<int?> PageSize { get; } = CliOptions.WholeNumber("--page-size", "N", "Events per page, 1 to 1000 (default: SWF's, 1000).", 1, 1000);

    public Option<bool> IsoTimestamps { get; } = CliOptions.Flag(
        "--iso-timestamps", "Print timestamps as ISO-8601 strings, as AWS CLI v2 does (default: epoch seconds, as v1 does).");

    private async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        var domain = parseResult.GetRequiredValue(Domain);
        var workflowId = parseResult.GetRequiredValue(WorkflowId);
        var runId = parseResult.GetValue(RunId);
        var output = parseResult.GetValue(Output);
        var pageSize = parseResult.GetValue(PageSize);
        var (client, where) = Connection.CreateClient(parseResult, context);
        using var disposeClient = client;
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

            // The execution goes beside the events, so that a replay of the file sees the ids the code saw.
            var json = HistoryJson.Write(events, request.Execution, parseResult.GetValue(IsoTimestamps));
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
        catch (UnknownResourceException ex)
        {
            throw new CliException($"SWF at {where} knows no such domain or execution (domain '{domain}', workflow id '{workflowId}'{(runId is null ? string.Empty : $", run id '{runId}'")}): {ex.Message}", ex);
        }
        catch (SwfException ex)
        {
            throw new CliException(ConnectionOptions.Describe(where, ex), ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot write {output}: {ex.Message}", ex);
        }
    }

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
