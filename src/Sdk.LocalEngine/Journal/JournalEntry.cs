namespace Swf.LocalEngine.Journal;

/// <summary>
/// One step the engine took, as a durable store keeps it to replay the engine after a restart:
/// when it happened (the instant the whole call ran at), what it was, and every random value it drew.
/// </summary>
/// <param name="At">The engine's clock when the call began.</param>
/// <param name="Request">
/// The accepted mutating request (<c>StartWorkflowExecutionRequest</c>, ...), the poll request that
/// started a task, or null for a clock tick that ran due timers and timeouts.
/// </param>
/// <param name="TaskSequence">For a poll, the sequence number of the task it started; else 0.</param>
/// <param name="Generated">Run ids and task-token salts drawn during the call, in order.</param>
internal sealed record JournalEntry(DateTimeOffset At, object? Request, long TaskSequence, IReadOnlyList<string> Generated);
