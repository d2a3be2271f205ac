namespace Swf.LocalEngine.State;

/// <summary>Orders waiting tasks: higher priority first, then first scheduled first.</summary>
internal sealed class QueuedTaskComparer : IComparer<QueuedTask>
{
    public static readonly QueuedTaskComparer Instance = new();

    public int Compare(QueuedTask? x, QueuedTask? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var byPriority = y.Priority.CompareTo(x.Priority);
        return byPriority != 0 ? byPriority : x.Sequence.CompareTo(y.Sequence);
    }
}
