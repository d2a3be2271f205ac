namespace Swf.LocalEngine.Journal;

/// <summary>
/// The engine's journal, which lets a durable store rebuild a <see cref="LocalSwfEngine"/> after a
/// restart, even a crash: the engine hands it every state-changing step, in the order the steps
/// happened, and <see cref="LocalSwfEngine.Restore(LocalSwfEngineOptions, EngineSnapshot?, IEnumerable{JournalEntry}, Func{JournalReplayFailure, bool})"/> replays the steps into a new engine.
/// </summary>
/// <remarks>
/// <para>
/// Set <see cref="LocalSwfEngineOptions.Journal"/> to receive the steps. The engine is
/// deterministic given its inputs and its clock, so the journal holds what it accepted rather
/// than its state: one <see cref="JournalEntry"/> per call that changed something (an accepted
/// mutating request, a poll that started a task, or a clock tick that ran due timers and
/// timeouts), with the instant the call ran at and the random values it drew.
/// </para>
/// <para>
/// A store keeps the entries in order and gives them back, unchanged and in the same order, to
/// <see cref="LocalSwfEngine.Restore(LocalSwfEngineOptions, EngineSnapshot?, IEnumerable{JournalEntry}, Func{JournalReplayFailure, bool})"/>. Nothing else has to be saved. To keep the journal from growing without
/// end, a store may also take an <see cref="EngineSnapshot"/> now and then (<see cref="LocalSwfEngine.CaptureSnapshot"/>),
/// keep it, and drop the entries up to its <see cref="EngineSnapshot.JournalPosition"/>: the engine is then
/// restored from the snapshot and the entries after it.
/// </para>
/// </remarks>
public interface IEngineJournal
{
    /// <summary>
    /// Records a step. Called under the engine's lock after the step ran and before its caller
    /// sees the result, so a store that makes the entry durable here loses nothing it acknowledged.
    /// </summary>
    /// <param name="entry">The step.</param>
    /// <remarks>
    /// The engine waits for this call while holding its lock, so every other engine call waits too:
    /// a store should write and return. An exception thrown here comes out of the engine call that
    /// took the step (for a clock tick, out of the engine's timer callback), after the step took
    /// effect: the engine and the store then disagree, so a store should treat it as fatal.
    /// </remarks>
    void Append(JournalEntry entry);
}
