using System.Globalization;
using Swf.Model;

namespace OrderProcessing.Commands;

/// <summary>Prints an execution's history as a readable timeline: time since start, event id, type, and what matters about it.</summary>
public static class HistoryTimeline
{
    /// <summary>Writes the timeline.</summary>
    /// <param name="events">The history, from event 1.</param>
    /// <param name="writer">Where to write it.</param>
    public static void Write(IReadOnlyList<HistoryEvent> events, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(writer);
        if (events.Count == 0)
        {
            return;
        }

        var start = events[0].EventTimestamp;
        foreach (var e in events)
        {
            // Decision bookkeeping is the engine's business, not the order's.
            if (e.EventType.Value.StartsWith("DecisionTask", StringComparison.Ordinal))
            {
                continue;
            }

            var elapsed = (e.EventTimestamp - start).TotalSeconds;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  +{elapsed,7:0.000}s  #{e.EventId,-3} {e.EventType.Value,-36} {Describe(e)}"));
        }
    }

    private static string Describe(HistoryEvent e) => Shorten(e switch
    {
        { WorkflowExecutionStartedEventAttributes: { } a } => a.Input,
        { ActivityTaskScheduledEventAttributes: { } a } => $"{a.ActivityType.Name} {a.Input}",
        { ActivityTaskStartedEventAttributes: { } a } => a.Identity,
        { ActivityTaskCompletedEventAttributes: { } a } => a.Result,
        { ActivityTaskFailedEventAttributes: { } a } => a.Reason,
        { ActivityTaskTimedOutEventAttributes: { } a } => a.TimeoutType.Value,
        { TimerStartedEventAttributes: { } a } => $"{a.TimerId} ({a.StartToFireTimeout} s)",
        { TimerFiredEventAttributes: { } a } => a.TimerId,
        { TimerCanceledEventAttributes: { } a } => a.TimerId,
        { WorkflowExecutionSignaledEventAttributes: { } a } => $"{a.SignalName} {a.Input}",
        { MarkerRecordedEventAttributes: { } a } => a.MarkerName,
        { WorkflowExecutionCompletedEventAttributes: { } a } => a.Result,
        { WorkflowExecutionFailedEventAttributes: { } a } => a.Reason,
        _ => null,
    });

    private static string Shorten(string? text)
    {
        const int Max = 110;
        text = text?.ReplaceLineEndings(" ") ?? string.Empty;
        return text.Length <= Max ? text : text[..(Max - 3)] + "...";
    }
}
