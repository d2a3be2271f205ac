namespace Swf.LocalEngine.Journal;

/// <summary>Receives every state-changing step of a <see cref="LocalSwfEngine"/>, in the order they happened.</summary>
internal interface IEngineJournal
{
    /// <summary>
    /// Records a step. Called under the engine's lock after the step ran and before its caller
    /// sees the result, so a store that makes the entry durable here loses nothing it acknowledged.
    /// </summary>
    void Append(JournalEntry entry);
}
