namespace Swf.Worker;

/// <summary>
/// Which runs the worker already warned about for which history length, so each warning is logged once per run
/// (a run's decision tasks keep crossing the line once it is past it). Bounded: the oldest are forgotten first, so a
/// run forgotten long ago may be warned about again.
/// </summary>
internal sealed class HistoryBudgetWarnings(int capacity)
{
    private readonly HashSet<(string RunId, long Threshold)> _warned = [];
    private readonly Queue<(string RunId, long Threshold)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>Records a warning; returns <c>false</c> when this run was already warned about this threshold.</summary>
    public bool TryAdd(string runId, long threshold)
    {
        lock (_lock)
        {
            if (!_warned.Add((runId, threshold)))
            {
                return false;
            }

            _order.Enqueue((runId, threshold));
            if (_order.Count > capacity)
            {
                _warned.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
