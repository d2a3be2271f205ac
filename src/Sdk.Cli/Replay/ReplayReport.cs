using System.Globalization;
using Swf.Exceptions;
using Swf.Model;
using Swf.Worker;

namespace Swf.Cli.Replay;

/// <summary>The report lines of <c>swf replay</c>: one per history, marked <c>ok</c>, <c>FAIL</c> or <c>ERROR</c>, with its exit code.</summary>
internal static class ReplayReport
{
    public const string Ok = "ok    ";
    public const string Fail = "FAIL  ";
    public const string Failed = "ERROR ";

    public static string Name(WorkflowType type) => $"{type.Name}/{type.Version}";

    public static string Replayed(string source, string name, int events) =>
        $"{source}: {name}, {events.ToString(CultureInfo.InvariantCulture)} events replayed deterministically.";

    public static string NonDeterministic(string source, string name, NonDeterministicWorkflowException ex)
    {
        var at = ex.EventId == 0 ? "after the history's last event" : $"at event {ex.EventId.ToString(CultureInfo.InvariantCulture)}";
        return $"{source}: {name} is non-deterministic {at}: history holds {ex.HistoryHolds}, but the code {ex.CodeDid}.";
    }

    public static string BrokeARule(string source, string name, InvalidWorkflowOperationException ex) =>
        $"{source}: {name} broke a rule of deterministic execution: {ex.Message}";

    /// <summary>The line and exit code of one execution replayed by <see cref="ProductionReplayer"/>.</summary>
    /// <param name="result">The outcome.</param>
    /// <param name="where">Where SWF is, for download errors.</param>
    public static (int Code, string Line) Describe(ReplayResult result, string where)
    {
        var source = result.Execution is { } execution ? $"{execution.WorkflowId} run {execution.RunId}" : result.Source;
        var name = result.WorkflowType is { } type ? Name(type) : "(unknown type)";
        return result.Error switch
        {
            null => (ExitCodes.Success, Ok + Replayed(source, name, result.EventCount ?? 0)),
            NonDeterministicWorkflowException nd => (ExitCodes.Found, Fail + NonDeterministic(source, name, nd)),
            InvalidWorkflowOperationException invalid => (ExitCodes.Found, Fail + BrokeARule(source, name, invalid)),
            SwfException swf => (ExitCodes.Error, Failed + $"{source}: {name}: the history could not be downloaded: {Commands.ConnectionOptions.Describe(where, swf)}"),
            var other => (ExitCodes.Error, Failed + $"{source}: replaying {name} failed: {other.Message}"),
        };
    }
}
