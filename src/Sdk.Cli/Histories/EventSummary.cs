namespace Swf.Cli.Histories;

/// <summary>What a reader needs to know about one history event: its identity, what it is about, and its key attributes.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="Timestamp">When SWF recorded it.</param>
/// <param name="EventType">The event's type.</param>
/// <param name="Subject">What it is about: an activity or child type, a timer id, a signal or marker name; or null.</param>
/// <param name="Attributes">The key attributes, in the order they are shown.</param>
/// <param name="Tone">How it reads: a failure, a success, a decision-task event, ...</param>
internal sealed record EventSummary(long EventId, DateTime Timestamp, string EventType, string? Subject, IReadOnlyList<EventAttribute> Attributes, EventTone Tone);

/// <summary>One key attribute of an event.</summary>
/// <param name="Name">The attribute's name, as SWF spells it.</param>
/// <param name="Value">Its value, in full.</param>
/// <param name="Incidental">
/// Whether the value changes from one run of the same code to the next (worker identities, run ids,
/// sticky task lists), so that <c>history diff</c> ignores it.
/// </param>
internal sealed record EventAttribute(string Name, string Value, bool Incidental = false);

/// <summary>How an event reads, for colouring.</summary>
internal enum EventTone
{
    Plain,
    Decision,
    Command,
    Success,
    Failure,
    Timer,
    Signal,
}
