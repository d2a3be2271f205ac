namespace Swf.Worker;

/// <summary>
/// The runs that broke in this process (a continuation off the workflow scheduler, a deadlock), with the
/// error: their code would break again on replay (and a deadlock would strand another thread), so their
/// decision tasks fail at once. Bounded: the oldest are forgotten first.
/// </summary>
internal sealed class PoisonedRuns(int capacity)
{
    private readonly Dictionary<string, Exception> _errors = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    public void Add(string runId, Exception error)
    {
        lock (_lock)
        {
            if (_errors.TryAdd(runId, error))
            {
                _order.Enqueue(runId);
                if (_order.Count > capacity)
                {
                    _errors.Remove(_order.Dequeue());
                }
            }
        }
    }

    public Exception? Find(string runId)
    {
        lock (_lock)
        {
            return _errors.GetValueOrDefault(runId);
        }
    }
}
