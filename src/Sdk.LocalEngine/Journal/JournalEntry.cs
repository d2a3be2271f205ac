namespace Swf.LocalEngine.Journal;

/// <summary>
/// One step a <see cref="LocalSwfEngine"/> took, as its <see cref="IEngineJournal"/> receives it and as
/// <see cref="LocalSwfEngine.Restore(LocalSwfEngineOptions, EngineSnapshot?, IEnumerable{JournalEntry}, Func{JournalReplayFailure, bool})"/> replays it: when it happened (the instant the whole call ran
/// at), what it was, and every random value it drew.
/// </summary>
/// <remarks>
/// A store must give an entry back as it received it: the same instant (to the tick), a request
/// equal member for member (a JSON round trip through <c>Swf.Serialization.SwfJsonContext</c> keeps it),
/// the same task sequence and the same generated values in the same order.
/// </remarks>
/// <param name="At">The engine's clock when the call began; the whole call ran as of this instant.</param>
/// <param name="Request">
/// What the call was: the accepted mutating request (one of the <c>Swf.Model</c> request types of
/// the operations that change state, such as <c>StartWorkflowExecutionRequest</c> or
/// <c>RespondDecisionTaskCompletedRequest</c>), the <c>PollForDecisionTaskRequest</c> or
/// <c>PollForActivityTaskRequest</c> that started a task, or null for a clock tick that ran due
/// timers and timeouts. A request that failed is recorded too, because the call may have run due
/// timers before it failed; replaying it fails the same way.
/// </param>
/// <param name="TaskSequence">For a poll, the engine's sequence number of the task it started (several may wait on one task list); else 0.</param>
/// <param name="Generated">The run ids and task-token salts the call drew, in the order it drew them.</param>
public sealed record JournalEntry(DateTimeOffset At, object? Request, long TaskSequence, IReadOnlyList<string> Generated);
