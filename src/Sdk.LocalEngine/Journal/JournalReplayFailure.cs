using System.Globalization;

namespace Swf.LocalEngine.Journal;

/// <summary>
/// A journal entry that does not replay on this engine: the journal is damaged, was written by
/// another version of the engine or with other settings, or holds a step that a bug made fail.
/// </summary>
/// <remarks>
/// <see cref="LocalSwfEngine.Restore(LocalSwfEngineOptions, IEnumerable{JournalEntry}, Func{JournalReplayFailure, bool})"/>
/// hands it to its caller, who may skip the entry: a skipped entry changes nothing, and the replay
/// goes on with the next one. Not skipped, it stops the restore with an <see cref="InvalidDataException"/>
/// carrying <see cref="Message"/>, with <see cref="Error"/> as its inner exception.
/// </remarks>
public sealed class JournalReplayFailure
{
    internal JournalReplayFailure(long position, JournalEntry entry, Exception error)
    {
        Position = position;
        Entry = entry;
        Error = error;
        Message = string.Create(
            CultureInfo.InvariantCulture,
            $"Journal entry {position} ({Operation} at {entry.At:O}) does not replay on this engine: {error.Message}");
    }

    /// <summary>Gets the entry's position in the journal, counting from 1.</summary>
    public long Position { get; }

    /// <summary>Gets the entry.</summary>
    public JournalEntry Entry { get; }

    /// <summary>Gets why the entry does not replay.</summary>
    public Exception Error { get; }

    /// <summary>Gets the name of the entry's operation, such as <c>RespondDecisionTaskCompleted</c>, or <c>clock tick</c>.</summary>
    public string Operation => OperationOf(Entry);

    /// <summary>Gets a description naming the entry by its position, operation and instant, and saying why it does not replay.</summary>
    public string Message { get; }

    /// <summary>Names an entry's operation: its request type without the <c>Request</c> suffix, or <c>clock tick</c>.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The operation's name.</returns>
    public static string OperationOf(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Request is null)
        {
            return "clock tick";
        }

        var name = entry.Request.GetType().Name;
        return name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : name;
    }
}
