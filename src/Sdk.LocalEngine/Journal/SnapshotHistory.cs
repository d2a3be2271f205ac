using System.Text.Json;
using Swf.Model;
using Swf.Serialization;

namespace Swf.LocalEngine.Journal;

/// <summary>
/// A run's history in a snapshot: the events a capture copied, or, once read back, the JSON array they were
/// written as (SWF's wire shape, as <see cref="SnapshotHistoryJsonConverter"/> writes it), unparsed.
/// </summary>
/// <remarks>
/// Reading the events of every retained run was most of what loading a snapshot cost (about 0.3 ms a
/// workflow, as much as replaying its journal), while a closed run's history is read again only when someone
/// asks for it. So a loaded closed run keeps the JSON (<see cref="State.ExecutionState.RestoreUnreadHistory"/>)
/// and parses it on first use, and a snapshot taken before then writes the same bytes back.
/// </remarks>
internal sealed class SnapshotHistory
{
    private SnapshotHistory(IReadOnlyList<HistoryEvent>? events, ReadOnlyMemory<byte>? json) => (Events, Json) = (events, json);

    /// <summary>Gets the events, when the history was captured from an engine (null when it was read from JSON).</summary>
    public IReadOnlyList<HistoryEvent>? Events { get; }

    /// <summary>Gets the history's JSON array, UTF-8, when it was read from a snapshot or not parsed since (null for captured events).</summary>
    public ReadOnlyMemory<byte>? Json { get; }

    /// <summary>A history captured from an engine.</summary>
    /// <param name="events">The events, oldest first; the list is not copied.</param>
    /// <returns>The history.</returns>
    public static SnapshotHistory Of(IReadOnlyList<HistoryEvent> events) => new(events, null);

    /// <summary>A history as a snapshot holds it: its JSON array, not parsed yet.</summary>
    /// <param name="json">The array's UTF-8 bytes; not copied, and never changed afterwards.</param>
    /// <returns>The history.</returns>
    public static SnapshotHistory OfJson(ReadOnlyMemory<byte> json) => new(null, json);

    /// <summary>Gets the events, parsing the JSON when there is no list.</summary>
    /// <returns>A new list of the events.</returns>
    /// <exception cref="JsonException">The JSON is not an array of history events.</exception>
    public List<HistoryEvent> ReadEvents() => Events is { } events ? [.. events] : Parse(Json!.Value.Span);

    /// <summary>Parses a history's JSON array (SWF's wire shape of each event).</summary>
    /// <param name="json">The array's UTF-8 bytes.</param>
    /// <returns>The events.</returns>
    /// <exception cref="JsonException">The JSON is not an array of history events.</exception>
    public static List<HistoryEvent> Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read())
        {
            throw new JsonException("A snapshot's history is empty.");
        }

        var events = ReadArray(ref reader);
        return reader.Read() ? throw new JsonException("A snapshot's history has more after its array.") : events;
    }

    /// <summary>Reads an array of history events, from its start to its end token.</summary>
    /// <param name="reader">The reader, on the array's start.</param>
    /// <returns>The events.</returns>
    /// <exception cref="JsonException">It is not an array of history events.</exception>
    internal static List<HistoryEvent> ReadArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A snapshot's history must be an array of events.");
        }

        var events = new List<HistoryEvent>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            events.Add(JsonSerializer.Deserialize(ref reader, SwfJsonContext.Default.HistoryEvent) ?? throw new JsonException("A snapshot's history holds a null event."));
        }

        return reader.TokenType == JsonTokenType.EndArray ? events : throw new JsonException("A snapshot's history array does not end.");
    }
}
