namespace Swf.LocalEngine.State;

/// <summary>One task list of one kind (decision or activity) in a domain: waiting tasks and waiting pollers.</summary>
/// <remarks>
/// Every change to the waiting tasks records its undo (see <see cref="UndoLog"/>). Handing a task to a
/// waiting poller wakes the poller, which cannot be taken back; undoing the hand-over takes the task
/// back from the poller, which then wakes to nothing and waits again. The pollers' own bookkeeping
/// (waiting, claiming what they were handed) is theirs: a poll that fails to start the task it took
/// gives it back itself.
/// </remarks>
internal sealed class TaskQueue(string name, UndoLog undo)
{
    private readonly SortedSet<QueuedTask> _tasks = new(QueuedTaskComparer.Instance);
    private readonly LinkedList<PollWaiter> _waiters = new();
    private int _reserved;

    public string Name { get; } = name;

    /// <summary>Gets the tasks scheduled and not yet started, including those handed to a poller that has not taken them yet.</summary>
    public int PendingCount => _tasks.Count + _reserved;

    public int WaiterCount => _waiters.Count;

    /// <summary>Gets the waiting tasks in the order they are handed out.</summary>
    public IEnumerable<QueuedTask> Tasks => _tasks;

    /// <summary>Gets the pollers waiting for a task, first come first.</summary>
    public IEnumerable<PollWaiter> Waiters => _waiters;

    public void Enqueue(QueuedTask task)
    {
        Add(task);
        Dispatch();
    }

    public void Remove(QueuedTask task)
    {
        if (_tasks.Remove(task))
        {
            undo.Record(() => _tasks.Add(task));
        }
    }

    public bool TryTake(out QueuedTask task)
    {
        while (_tasks.Min is { } first)
        {
            Remove(first);
            if (first.IsStartable)
            {
                task = first;
                return true;
            }
        }

        task = null!;
        return false;
    }

    /// <summary>Takes the waiting task with the given sequence number (a replayed poll names the task it started).</summary>
    public QueuedTask? TakeSequence(long sequence)
    {
        var task = _tasks.FirstOrDefault(t => t.Sequence == sequence);
        if (task is not null)
        {
            Remove(task);
        }

        return task;
    }

    public void AddWaiter(PollWaiter waiter)
    {
        waiter.Node = _waiters.AddLast(waiter);
    }

    /// <summary>Removes a waiter that stopped waiting (timed out or cancelled) without a task.</summary>
    public void RemoveWaiter(PollWaiter waiter)
    {
        if (waiter.Node is { List: not null } node)
        {
            _waiters.Remove(node);
        }

        waiter.Node = null;
    }

    /// <summary>Takes back the task a waiter reserved: it either starts it or gives it back.</summary>
    public QueuedTask? Claim(PollWaiter waiter)
    {
        var task = waiter.Reserved;
        if (task is not null)
        {
            waiter.Reserved = null;
            _reserved--;
        }

        return task;
    }

    /// <summary>Gives back a task whose poller went away (or failed to start it); it keeps its place because its priority and sequence are unchanged.</summary>
    public void Return(QueuedTask task)
    {
        if (task.IsStartable)
        {
            Enqueue(task);
        }
    }

    /// <summary>Wakes every waiting poller without a task (the engine is shutting down).</summary>
    public void WakeAll()
    {
        while (_waiters.First is { } node)
        {
            _waiters.RemoveFirst();
            node.Value.Node = null;
            node.Value.Signal.TrySetResult();
        }
    }

    private void Add(QueuedTask task)
    {
        if (_tasks.Add(task))
        {
            undo.Record(() => _tasks.Remove(task));
        }
    }

    /// <summary>Hands waiting tasks to waiting pollers, first poller first.</summary>
    private void Dispatch()
    {
        while (_waiters.First is { } node && TryTake(out var task))
        {
            _waiters.RemoveFirst();
            var waiter = node.Value;
            waiter.Node = null;
            waiter.Reserved = task;
            _reserved++;
            waiter.Signal.TrySetResult();
            undo.Record(() =>
            {
                // The poller was woken and will find no task; it waits again.
                if (ReferenceEquals(waiter.Reserved, task))
                {
                    waiter.Reserved = null;
                    _reserved--;
                }
            });
        }
    }
}
