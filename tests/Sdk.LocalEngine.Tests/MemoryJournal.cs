using Swf.LocalEngine.Journal;

namespace Swf.LocalEngine.Tests;

/// <summary>A journal that keeps the engine's entries in memory.</summary>
internal sealed class MemoryJournal : IEngineJournal
{
    public List<JournalEntry> Entries { get; } = [];

    public void Append(JournalEntry entry) => Entries.Add(entry);
}
