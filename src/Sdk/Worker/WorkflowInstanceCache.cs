namespace Swf.Worker;

/// <summary>
/// The running workflow instances a worker keeps, by run id, least recently used dropped first. An
/// instance is taken out while a decision task uses it and put back after, so two tasks never share one.
/// </summary>
internal sealed class WorkflowInstanceCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string RunId, WorkflowInstance Instance)>> _byRunId = new(StringComparer.Ordinal);
    private readonly LinkedList<(string RunId, WorkflowInstance Instance)> _recency = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byRunId.Count;
            }
        }
    }

    public WorkflowInstance? Take(string runId)
    {
        lock (_lock)
        {
            if (!_byRunId.Remove(runId, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            return node.Value.Instance;
        }
    }

    /// <summary>Removes the run's instance if it is this one (not one a decision task has taken meanwhile).</summary>
    /// <returns><c>true</c> when it was removed.</returns>
    public bool Remove(string runId, WorkflowInstance instance)
    {
        lock (_lock)
        {
            if (!_byRunId.TryGetValue(runId, out var node) || !ReferenceEquals(node.Value.Instance, instance))
            {
                return false;
            }

            _byRunId.Remove(runId);
            _recency.Remove(node);
            return true;
        }
    }

    public void Put(string runId, WorkflowInstance instance)
    {
        WorkflowInstance? evicted = null;
        lock (_lock)
        {
            if (capacity == 0)
            {
                evicted = instance;
            }
            else
            {
                _byRunId[runId] = _recency.AddFirst((runId, instance));
                if (_byRunId.Count > capacity)
                {
                    var last = _recency.Last!;
                    _recency.RemoveLast();
                    _byRunId.Remove(last.Value.RunId);
                    evicted = last.Value.Instance;
                }
            }
        }

        evicted?.Dispose();
    }
}
