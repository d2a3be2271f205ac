using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Swf.Cli.Histories;
using Swf.Cli.Replay;
using Swf.Converters;
using Swf.Exceptions;
using Swf.Model;
using Swf.Worker;

namespace Swf.Cli.Commands;

/// <summary><c>swf replay --assembly PATH FILE...</c>: replays histories against compiled workflow code.</summary>
internal sealed class ReplayCommand : Command
{
    public ReplayCommand(CliContext context)
        : base(
            "replay",
            "Replay histories against the workflows compiled in an assembly and report non-determinism.\n" +
            "Exit code: 0 when every history replays, 1 when any is non-deterministic, 2 when any cannot be replayed.")
    {
        Arguments.Add(Files);
        Options.Add(Assembly);
        Options.Add(WorkflowId);
        Options.Add(RunId);
        Options.Add(PayloadConverter);
        SetAction((parseResult, cancellationToken) => RunAsync(parseResult, context, cancellationToken));
    }

    public Argument<string[]> Files { get; } = new("FILE")
    {
        Description = "The histories to replay, each against the workflow type named by its WorkflowExecutionStarted event.",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string> Assembly { get; } = CliOptions.Required(
        "--assembly",
        "PATH",
        "The assembly (.dll) with the workflow code, built with its dependencies beside it. Workflows are found in it in this order: " +
        "those the Swf.Sdk source generator registered (SwfRegistry), public static WorkflowDefinition properties and fields, " +
        "then public static methods returning IEnumerable<WorkflowDefinition>.");

    public Option<string> WorkflowId { get; } = CliOptions.TextWithDefault("--workflow-id", "W", "The workflow id the histories ran under.", "replay");

    public Option<string> RunId { get; } = CliOptions.TextWithDefault(
        "--run-id", "R", "The run id the histories ran under; give it (and --workflow-id) when the code uses Workflow.Random or Workflow.NewGuid, which it seeds.", "replay");

    public Option<string?> PayloadConverter { get; } = CliOptions.Text(
        "--payload-converter", "TYPE", "An IPayloadConverter type in the assembly (default: System.Text.Json with web defaults).");

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The tool is not trimmed; it reflects over the user's assembly on purpose.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The tool is not published with Native AOT; user payload types need reflection-based JSON.")]
    private async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
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
        var execution = new WorkflowExecution
        {
            WorkflowId = parseResult.GetRequiredValue(WorkflowId),
            RunId = parseResult.GetRequiredValue(RunId),
        };

        var exitCode = ExitCodes.Success;
        foreach (var file in parseResult.GetRequiredValue(Files))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (code, message) = ReplayOne(file, catalog, execution, converter);
            if (code == ExitCodes.Success)
            {
                await context.Out.WriteLineAsync("ok    " + message).ConfigureAwait(false);
            }
            else
            {
                await context.Out.WriteLineAsync((code == ExitCodes.Found ? "FAIL  " : "ERROR ") + message).ConfigureAwait(false);
            }

            exitCode = Math.Max(exitCode, code);
        }

        return exitCode;
    }

    private static (int Code, string Message) ReplayOne(string file, WorkflowCatalog catalog, WorkflowExecution execution, IPayloadConverter converter)
    {
        IReadOnlyList<HistoryEvent> events;
        try
        {
            events = HistoryFile.Read(file);
        }
        catch (CliException ex)
        {
            return (ExitCodes.Error, ex.Message);
        }

        if (events[0].WorkflowExecutionStartedEventAttributes?.WorkflowType is not { } type)
        {
            return (ExitCodes.Error, $"{file}: the history does not start with a WorkflowExecutionStarted event (event {events[0].EventId.ToString(CultureInfo.InvariantCulture)} is {events[0].EventType}); replay needs the whole history from event 1.");
        }

        var name = $"{type.Name}/{type.Version}";
        if (catalog.Find(type.Name, type.Version) is not { } definition)
        {
            return (ExitCodes.Error, $"{file}: workflow type {name} is not in {catalog.Path}; the workflow types found there are: {catalog.DescribeTypes()}.");
        }

        var count = events.Count.ToString(CultureInfo.InvariantCulture);
        try
        {
            WorkflowReplayer.Replay(definition, events, execution, converter);
            return (ExitCodes.Success, $"{file}: {name}, {count} events replayed deterministically.");
        }
        catch (NonDeterministicWorkflowException ex)
        {
            var at = ex.EventId == 0 ? "after the history's last event" : $"at event {ex.EventId.ToString(CultureInfo.InvariantCulture)}";
            return (ExitCodes.Found, $"{file}: {name} is non-deterministic {at}: history holds {ex.HistoryHolds}, but the code {ex.CodeDid}.");
        }
        catch (InvalidWorkflowOperationException ex)
        {
            return (ExitCodes.Found, $"{file}: {name} broke a rule of deterministic execution: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (ExitCodes.Error, $"{file}: replaying {name} failed: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
