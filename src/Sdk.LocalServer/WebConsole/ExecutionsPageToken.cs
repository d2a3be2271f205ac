using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Swf.Model;

namespace Swf.LocalServer.WebConsole;

/// <summary>
/// Where a page of the console's executions list ends: the last run shown (its start time, workflow id and run
/// id), written as an opaque URL-safe token.
/// </summary>
/// <param name="StartTicks">The run's start time, in ticks (UTC).</param>
/// <param name="WorkflowId">The run's workflow id.</param>
/// <param name="RunId">The run's id.</param>
internal sealed record ExecutionsPageToken(long StartTicks, string WorkflowId, string RunId)
{
    /// <summary>Makes the token of a page that ends with <paramref name="last"/>.</summary>
    public static ExecutionsPageToken After(WorkflowExecutionInfo last) =>
        new(last.StartTimestamp.ToUniversalTime().Ticks, last.Execution.WorkflowId, last.Execution.RunId);

    /// <summary>Reads a token, or returns null when it is not one that <see cref="ToString"/> wrote.</summary>
    public static ExecutionsPageToken? Parse(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n');
            return parts is [var ticks, var workflowId, var runId] && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var start) && start <= DateTime.MaxValue.Ticks
                ? new ExecutionsPageToken(start, workflowId, runId)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Finds where the next page starts in a list sorted newest first: just after the token's run, or, when that run
    /// is no longer listed, at the first run that started before it.
    /// </summary>
    public int IndexIn(List<WorkflowExecutionInfo> sorted)
    {
        var at = sorted.FindIndex(e => e.Execution.RunId == RunId && e.Execution.WorkflowId == WorkflowId);
        if (at >= 0)
        {
            return at + 1;
        }

        var older = sorted.FindIndex(e => e.StartTimestamp.ToUniversalTime().Ticks < StartTicks);
        return older < 0 ? sorted.Count : older;
    }

    /// <summary>Writes the token (Base64url, so that it goes into a query string as it is).</summary>
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{StartTicks}\n{WorkflowId}\n{RunId}")));
}
