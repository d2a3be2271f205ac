namespace Swf.Worker;

/// <summary>What a <see cref="WorkflowWorker"/> has done so far; safe to read while it runs.</summary>
public sealed class WorkflowWorkerCounters
{
    internal long DecisionTasksField;
    internal long CacheHitsField;
    internal long CacheMissesField;
    internal long DecisionTaskFailuresField;
    internal long HistoryPagesField;
    internal long EventsReadField;

    // Only a worker creates its counters.
    internal WorkflowWorkerCounters()
    {
    }

    /// <summary>Gets the number of decision tasks received.</summary>
    public long DecisionTasks => Interlocked.Read(ref DecisionTasksField);

    /// <summary>Gets the number of decision tasks answered by a cached instance, reading only new events.</summary>
    public long CacheHits => Interlocked.Read(ref CacheHitsField);

    /// <summary>Gets the number of decision tasks that needed a full replay.</summary>
    public long CacheMisses => Interlocked.Read(ref CacheMissesField);

    /// <summary>Gets the number of decision tasks left unanswered because of non-determinism or an invalid workflow operation.</summary>
    public long DecisionTaskFailures => Interlocked.Read(ref DecisionTaskFailuresField);

    /// <summary>Gets the number of extra history pages fetched.</summary>
    public long HistoryPages => Interlocked.Read(ref HistoryPagesField);

    /// <summary>Gets the number of history events read.</summary>
    public long EventsRead => Interlocked.Read(ref EventsReadField);

    internal static void Increment(ref long field) => Interlocked.Increment(ref field);

    internal static void Add(ref long field, long value) => Interlocked.Add(ref field, value);
}
