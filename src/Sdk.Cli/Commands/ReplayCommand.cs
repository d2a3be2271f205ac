using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Swf.Cli.Histories;
using Swf.Cli.Replay;
using Swf.Converters;
using Swf.Exceptions;
using Swf.Model;
using Swf.Payloads;
using Swf.Worker;

namespace Swf.Cli.Commands;

/// <summary>
/// <c>swf replay --assembly PATH FILE...</c>: replays history files against compiled workflow code;
/// <c>swf replay --assembly PATH --domain D</c>: replays the domain's closed executions, downloaded from SWF.
/// </summary>
internal sealed class ReplayCommand : Command
{
    private const string Bulk = "With --domain: ";

    public ReplayCommand(CliContext context)
        : base(
            "replay",
            "Replay histories against the workflows compiled in an assembly and report non-determinism: history FILEs, or with --domain " +
            "the domain's closed executions of the assembly's workflow types, downloaded from SWF and replayed as their real executions.\n" +
            "Exit code: 0 when every history replays, 1 when any is non-deterministic, 2 when any cannot be replayed.")
    {
        Arguments.Add(Files);
        Options.Add(Assembly);
        Options.Add(WorkflowId);
        Options.Add(RunId);
        Options.Add(PayloadConverter);
        Options.Add(PayloadPipelineType);
        Options.Add(Domain);
        Options.Add(ClosedSince);
        Options.Add(StartedSince);
        Options.Add(Types);
        Options.Add(Max);
        Options.Add(Parallel);
        Connection.AddTo(this);
        SetAction((parseResult, cancellationToken) => RunAsync(parseResult, context, cancellationToken));
    }

    public Argument<string[]> Files { get; } = new("FILE")
    {
        Description = "The histories to replay, each against the workflow type named by its WorkflowExecutionStarted event, and as the execution " +
            "it records (swf history get records it) or --workflow-id and --run-id.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string> Assembly { get; } = CliOptions.Required(
        "--assembly",
        "PATH",
        "The assembly (.dll) with the workflow code, built with its dependencies beside it. Workflows are found in it in this order: " +
        "those the Swf.Sdk source generator registered (SwfRegistry), public static WorkflowDefinition properties and fields, " +
        "then public static methods returning IEnumerable<WorkflowDefinition>.");

    public Option<string?> WorkflowId { get; } = CliOptions.Text(
        "--workflow-id", "W", "The workflow id of the one history FILE, when the file does not record its execution (with --run-id).");

    public Option<string?> RunId { get; } = CliOptions.Text(
        "--run-id",
        "R",
        "The run id of the one history FILE, when the file does not record its execution (with --workflow-id). Without them, a history whose " +
        "decisions depend on its ids (default child ids, Workflow.NewGuid, Workflow.Random) is reported as needing them.");

    public Option<string?> PayloadConverter { get; } = CliOptions.Text(
        "--payload-converter", "TYPE", "An IPayloadConverter type in the assembly (default: System.Text.Json with web defaults).");

    public Option<string?> PayloadPipelineType { get; } = CliOptions.Text(
        "--payload-pipeline",
        "TYPE",
        "A type in the assembly with one public static PayloadPipeline property or field: the codecs, keys and payload store the histories were " +
        "written with (default: none; an encoded payload then fails naming the codec, key id or store it needs).");

    public Option<string?> Domain { get; } = CliOptions.Text(
        "--domain",
        "D",
        "Replay the domain's closed executions instead of FILEs: every one SWF still keeps (its retention period) of the assembly's workflow types, " +
        "the most recently closed first.");

    public Option<SinceValue?> ClosedSince { get; } = CliOptions.Since(
        "--closed-since", Bulk + "only executions closed since WHEN: " + SinceValue.Forms + ". Moved up to the domain's retention period when older.");

    public Option<SinceValue?> StartedSince { get; } = CliOptions.Since(
        "--started-since", Bulk + "only executions started since WHEN, instead of --closed-since.");

    public Option<string[]> Types { get; } = CliOptions.Repeated(
        "--type", "NAME[/VERSION]", Bulk + "only this workflow type (every version of NAME without /VERSION); repeat it for several.");

    public Option<int?> Max { get; } = CliOptions.WholeNumber("--max", "N", Bulk + "replay at most N executions, the most recent first.", 1, int.MaxValue);

    public Option<int> Parallel { get; } = CliOptions.WholeNumber(
        "--parallel", "N", Bulk + "download and replay N histories at once, 1 to 64.", 1, 64, 4);

    public ConnectionOptions Connection { get; } = new(Bulk, defaultMaxAttempts: 8, maxDelay: TimeSpan.FromSeconds(20));

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The tool is not trimmed; it reflects over the user's assembly on purpose.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The tool is not published with Native AOT; user payload types need reflection-based JSON.")]
    private async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        var files = parseResult.GetValue(Files) ?? [];
        var domain = parseResult.GetValue(Domain);
        var execution = Validate(parseResult, files, domain);

        var catalog = WorkflowCatalog.Load(parseResult.GetRequiredValue(Assembly));
        foreach (var warning in catalog.Warnings)
        {
            await context.Error.WriteLineAsync("swf replay: warning: " + warning).ConfigureAwait(false);
        }

        // The tool cannot know the user's source-generated JSON metadata, so payloads default to
        // reflection-based System.Text.Json with the same web defaults as the runtime's converter.
        var converter = parseResult.GetValue(PayloadConverter) is { } converterType
            ? catalog.CreatePayloadConverter(converterType)
            : JsonPayloadConverter.CreateReflectionBased();
        var payloads = parseResult.GetValue(PayloadPipelineType) is { } pipelineType
            ? catalog.CreatePayloadPipeline(pipelineType)
            : PayloadPipeline.Empty;

        return domain is null
            ? await ReplayFilesAsync(files, catalog, execution, converter, payloads, context, cancellationToken).ConfigureAwait(false)
            : await ReplayDomainAsync(parseResult, domain, catalog, converter, payloads, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks that the options make one of the two modes; returns the execution given for a file.</summary>
    private WorkflowExecution? Validate(ParseResult parseResult, string[] files, string? domain)
    {
        var workflowId = parseResult.GetValue(WorkflowId);
        var runId = parseResult.GetValue(RunId);
        if (domain is null)
        {
            if (files.Length == 0)
            {
                throw CliException.Usage("Give the history FILEs to replay, or --domain D to replay the domain's closed executions.");
            }

            var bulkOnly = new Option[] { ClosedSince, StartedSince, Types, Max, Parallel }
                .Where(o => parseResult.GetResult(o) is { Implicit: false })
                .Select(o => o.Name)
                .ToList();
            if (bulkOnly.Count > 0 || Connection.AnyGiven(parseResult))
            {
                var named = bulkOnly.Count > 0 ? string.Join(", ", bulkOnly) : "--endpoint, --region, --profile, --timeout and --max-attempts";
                throw CliException.Usage($"{named} {(bulkOnly.Count == 1 ? "applies" : "apply")} only with --domain, which replays the domain's closed executions.");
            }

            if ((workflowId is null) != (runId is null))
            {
                throw CliException.Usage("Give --workflow-id and --run-id together: they name the execution the history FILE belongs to.");
            }

            if (workflowId is not null && files.Length > 1)
            {
                throw CliException.Usage("--workflow-id and --run-id name the execution of one history FILE; give one FILE at a time.");
            }

            return workflowId is null ? null : new WorkflowExecution { WorkflowId = workflowId, RunId = runId! };
        }

        if (domain.Length == 0)
        {
            throw CliException.Usage("The option --domain needs a value that is not empty.");
        }

        if (files.Length > 0)
        {
            throw CliException.Usage("Give history FILEs or --domain, not both: --domain replays the executions SWF lists.");
        }

        if (workflowId is not null || runId is not null)
        {
            throw CliException.Usage("--workflow-id and --run-id name the execution of a history FILE; with --domain, each execution is replayed as itself.");
        }

        if (parseResult.GetValue(ClosedSince) is not null && parseResult.GetValue(StartedSince) is not null)
        {
            throw CliException.Usage("Give --closed-since or --started-since, not both: SWF lists executions by one time filter at a time.");
        }

        return null;
    }

    private static async Task<int> ReplayFilesAsync(
        string[] files, WorkflowCatalog catalog, WorkflowExecution? given, IPayloadConverter converter, PayloadPipeline payloads, CliContext context, CancellationToken cancellationToken)
    {
        var exitCode = ExitCodes.Success;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (code, message) = await ReplayOneAsync(file, catalog, given, converter, payloads, context).ConfigureAwait(false);
            var mark = code switch
            {
                ExitCodes.Success => ReplayReport.Ok,
                ExitCodes.Found => ReplayReport.Fail,
                _ => ReplayReport.Failed,
            };
            await context.Out.WriteLineAsync(mark + message).ConfigureAwait(false);
            exitCode = Math.Max(exitCode, code);
        }

        return exitCode;
    }

    private static async Task<(int Code, string Message)> ReplayOneAsync(string file, WorkflowCatalog catalog, WorkflowExecution? given, IPayloadConverter converter, PayloadPipeline payloads, CliContext context)
    {
        Serialization.HistoryDocument document;
        try
        {
            document = HistoryFile.ReadDocument(file);
        }
        catch (CliException ex)
        {
            return (ExitCodes.Error, ex.Message);
        }

        var events = document.Events;
        if (events[0].WorkflowExecutionStartedEventAttributes?.WorkflowType is not { } type)
        {
            return (ExitCodes.Error, $"{file}: the history does not start with a WorkflowExecutionStarted event (event {events[0].EventId.ToString(CultureInfo.InvariantCulture)} is {events[0].EventType}); replay needs the whole history from event 1.");
        }

        var name = ReplayReport.Name(type);
        if (catalog.Find(type.Name, type.Version) is not { } definition)
        {
            return (ExitCodes.Error, $"{file}: workflow type {name} is not in {catalog.Path}; the workflow types found there are: {catalog.DescribeTypes()}.");
        }

        if (document.Execution is { } recorded && given is not null && (recorded.WorkflowId != given.WorkflowId || recorded.RunId != given.RunId))
        {
            await context.Error.WriteLineAsync(
                $"swf replay: warning: {file} records its execution (workflow id '{recorded.WorkflowId}', run id '{recorded.RunId}'); it is replayed as that, not as --workflow-id and --run-id.").ConfigureAwait(false);
        }

        try
        {
            WorkflowReplayer.Replay(definition, events, new WorkflowReplayOptions { Execution = document.Execution ?? given, PayloadConverter = converter, PayloadPipeline = payloads });
            return (ExitCodes.Success, ReplayReport.Replayed(file, name, events.Count));
        }
        catch (PayloadCodecException ex)
        {
            return (ExitCodes.Error, $"{file}: the payloads of {name} cannot be read: {ex.Message}");
        }
        catch (NonDeterministicWorkflowException ex)
        {
            return (ExitCodes.Found, ReplayReport.NonDeterministic(file, name, ex));
        }
        catch (InvalidWorkflowOperationException ex)
        {
            return (ExitCodes.Found, ReplayReport.BrokeARule(file, name, ex));
        }
        catch (ReplayExecutionRequiredException)
        {
            return (ExitCodes.Error,
                $"{file}: {name} cannot be replayed without its execution: the history does not say which execution it is, and the workflow's decisions " +
                "depend on its workflow id or run id (child ids, Workflow.NewGuid, Workflow.Random). Pass --workflow-id and --run-id, " +
                "or download the history with 'swf history get', which records them.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (ExitCodes.Error, $"{file}: replaying {name} failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task<int> ReplayDomainAsync(
        ParseResult parseResult, string domain, WorkflowCatalog catalog, IPayloadConverter converter, PayloadPipeline payloads, CliContext context, CancellationToken cancellationToken)
    {
        var now = context.Clock.GetUtcNow();
        var options = new ProductionReplayOptions
        {
            ClosedAfter = parseResult.GetValue(ClosedSince)?.Resolve(now),
            StartedAfter = parseResult.GetValue(StartedSince)?.Resolve(now),
            MaxExecutions = parseResult.GetValue(Max),
            MaxConcurrency = parseResult.GetValue(Parallel),
            PayloadConverter = converter,
            PayloadPipeline = payloads,
            TimeProvider = context.Clock,
            Logger = new CliLogger(context.Error, "swf replay"),
        };

        // The wire client already retries throttling with backoff (--max-attempts); a second layer would multiply the attempts.
        options.Retry.MaxAttempts = 1;
        foreach (var type in parseResult.GetValue(Types) ?? [])
        {
            options.WorkflowTypes.Add(ParseType(type, catalog));
        }

        var definitions = catalog.Definitions.ToList();
        if (definitions.Count == 0)
        {
            throw new CliException($"{catalog.Path} has no workflow definitions to replay.");
        }

        var (client, where) = Connection.CreateClient(parseResult, context);
        using var disposeClient = client;
        var counts = new int[3];
        var exitCode = ExitCodes.Success;
        try
        {
            await foreach (var result in ProductionReplayer.StreamClosedAsync(client, domain, definitions, options, cancellationToken).ConfigureAwait(false))
            {
                var (code, line) = ReplayReport.Describe(result, where);
                await context.Out.WriteLineAsync(line).ConfigureAwait(false);
                counts[code]++;
                exitCode = Math.Max(exitCode, code);
            }
        }
        catch (UnknownResourceException ex)
        {
            throw new CliException($"SWF at {where} knows no domain '{domain}': {ex.Message}", ex);
        }
        catch (SwfException ex)
        {
            throw new CliException(ConnectionOptions.Describe(where, ex), ex);
        }

        var total = counts.Sum();
        var types = options.WorkflowTypes.Count > 0
            ? string.Join(", ", options.WorkflowTypes.Select(t => t.Version is null ? t.Name : $"{t.Name}/{t.Version}"))
            : catalog.DescribeTypes();
        await context.Out.WriteLineAsync(total == 0
            ? $"No closed executions of {types} in domain {domain} to replay."
            : $"Replayed {Count(total, "closed execution")} of domain {domain}: {counts[ExitCodes.Success].ToString(CultureInfo.InvariantCulture)} ok, " +
              $"{counts[ExitCodes.Found].ToString(CultureInfo.InvariantCulture)} non-deterministic, {Count(counts[ExitCodes.Error], "error")}.").ConfigureAwait(false);
        return exitCode;
    }

    private static WorkflowTypeFilter ParseType(string text, WorkflowCatalog catalog)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var filter = slash < 0
            ? new WorkflowTypeFilter { Name = text }
            : new WorkflowTypeFilter { Name = text[..slash], Version = text[(slash + 1)..] };
        if (filter.Name.Length == 0 || filter.Version is { Length: 0 })
        {
            throw CliException.Usage($"The option --type must be NAME or NAME/VERSION; it is '{text}'.");
        }

        if (!catalog.Definitions.Any(d => d.WorkflowType.Name == filter.Name && (filter.Version is null || d.WorkflowType.Version == filter.Version)))
        {
            throw new CliException($"--type {text}: no such workflow type in {catalog.Path}; the workflow types found there are: {catalog.DescribeTypes()}.");
        }

        return filter;
    }

    private static string Count(int count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? string.Empty : "s")}";
}
