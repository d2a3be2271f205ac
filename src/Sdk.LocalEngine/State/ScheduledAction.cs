namespace Swf.LocalEngine.State;

/// <summary>
/// A timeout or timer due at a point on the engine's clock. All of them wait in one queue behind a
/// single clock timer, so that actions run in due order even when a fake clock jumps past several
/// at once, and each runs as of its due time.
/// </summary>
internal sealed class ScheduledAction(DateTimeOffset dueAt, long sequence, Action action, SortedSet<ScheduledAction> owner, UndoLog undo)
{
    public static readonly IComparer<ScheduledAction> Order = Comparer<ScheduledAction>.Create((x, y) =>
    {
        var byDue = x.DueAt.CompareTo(y.DueAt);
        return byDue != 0 ? byDue : x.Sequence.CompareTo(y.Sequence);
    });

    public DateTimeOffset DueAt { get; } = dueAt;

    public long Sequence { get; } = sequence;

    public Action Action { get; } = action;

    public bool IsCancelled { get; private set; }

    /// <summary>Puts the new action in the engine's queue of due actions.</summary>
    public void Add()
    {
        if (owner.Add(this))
        {
            undo.Record(() => owner.Remove(this));
        }
    }

    /// <summary>Withdraws the action; called under the engine's lock.</summary>
    public void Cancel()
    {
        var (wasCancelled, wasQueued) = (IsCancelled, owner.Remove(this));
        IsCancelled = true;
        undo.Record(() =>
        {
            IsCancelled = wasCancelled;
            if (wasQueued)
            {
                owner.Add(this);
            }
        });
    }
}
