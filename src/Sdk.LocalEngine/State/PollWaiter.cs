namespace Swf.LocalEngine.State;

/// <summary>
/// A long poll waiting on a task list. A task that arrives is reserved for the first waiter and
/// the waiter is woken; the waiter starts the task itself, under the engine's lock, so that a
/// poll cancelled in the meantime can give the task back instead of losing it.
/// </summary>
internal sealed class PollWaiter
{
    /// <summary>Gets the signal; continuations run asynchronously so that waking never runs a poll inside the lock.</summary>
    public TaskCompletionSource Signal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets the identity the poller gave, if any.</summary>
    public string? Identity { get; init; }

    /// <summary>Gets when the poller started waiting, on the engine's clock.</summary>
    public DateTimeOffset Since { get; init; }

    /// <summary>Gets or sets the task handed to this waiter, if any.</summary>
    public QueuedTask? Reserved { get; set; }

    /// <summary>Gets or sets the waiter's node in its task list's FIFO, while it waits.</summary>
    public LinkedListNode<PollWaiter>? Node { get; set; }
}
