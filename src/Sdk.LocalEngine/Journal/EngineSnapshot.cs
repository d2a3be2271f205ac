using System.IO.Compression;
using System.Text.Json;

namespace Swf.LocalEngine.Journal;

/// <summary>
/// The whole state of a <see cref="LocalSwfEngine"/> at one position of its journal, so that a store
/// can drop the journal's entries up to that position and rebuild the engine from the snapshot and
/// the entries after it (<see cref="LocalSwfEngine.Restore(LocalSwfEngineOptions, EngineSnapshot?, IEnumerable{JournalEntry}, Func{JournalReplayFailure, bool})"/>),
/// which bounds how long a restart takes however long the engine has run.
/// </summary>
/// <remarks>
/// <para>
/// A snapshot holds every domain, type, execution (with its whole history), open task, task token,
/// timer and timeout (with its due time), and the engine's counters: restored and given the same
/// later calls, the engine behaves exactly as the one it was taken from. Closed runs past their
/// domain's retention period are left out: they were purged when the snapshot was taken.
/// </para>
/// <para>
/// <see cref="LocalSwfEngine.CaptureSnapshot"/> takes it under the engine's lock, which is quick (it
/// copies references to history events, which never change once recorded); <see cref="WriteTo"/>
/// then writes it outside the lock, so the engine keeps serving while a large snapshot is written.
/// </para>
/// </remarks>
public sealed class EngineSnapshot
{
    internal EngineSnapshot(SnapshotDocument document) => Document = document;

    /// <summary>
    /// Gets the number of journal entries the snapshot includes: those the engine had handed to its
    /// <see cref="IEngineJournal"/> (counting from the start of the journal, the entries it was restored
    /// from included) when the snapshot was taken. Entries after this position are not in it.
    /// </summary>
    public long JournalPosition => Document.JournalPosition;

    /// <summary>Gets the engine's clock when the snapshot was taken.</summary>
    public DateTimeOffset TakenAt => new(Document.TakenAtTicks, TimeSpan.Zero);

    internal SnapshotDocument Document { get; }

    /// <summary>Reads a snapshot that <see cref="WriteTo"/> wrote.</summary>
    /// <param name="stream">The snapshot's bytes.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a snapshot of this engine's format, or are damaged.</exception>
    public static EngineSnapshot ReadFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SnapshotDocument? document;
        try
        {
            using var unzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var arena = SnapshotArena.Enter();
            document = JsonSerializer.Deserialize(unzip, SnapshotJsonContext.Default.SnapshotDocument);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The snapshot is damaged or not an engine snapshot: {ex.Message}", ex);
        }

        if (document is null || document.Format is not (SnapshotDocument.CurrentFormat or SnapshotDocument.Format1))
        {
            throw new InvalidDataException($"The snapshot's format is '{document?.Format}'; this engine reads '{SnapshotDocument.CurrentFormat}' and '{SnapshotDocument.Format1}'.");
        }

        document.Format = SnapshotDocument.CurrentFormat;

        return new EngineSnapshot(document);
    }

    /// <summary>Writes the snapshot: compressed JSON, with each run's history events in SWF's wire shape (as the base64 of their JSON array).</summary>
    /// <param name="stream">Where to write it; left open.</param>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
        JsonSerializer.Serialize(zip, Document, SnapshotJsonContext.Default.SnapshotDocument);
    }
}
