using System.Globalization;
using Swf.LocalEngine.Wire;
using Swf.Model;

namespace Swf.LocalEngine.State;

/// <summary>A registered domain: its types, its executions (open and retained closed ones) and its task lists.</summary>
internal sealed class DomainState
{
    private readonly List<KeyValuePair<string, string?>> _tags = [];
    private readonly Dictionary<string, ExecutionState> _executions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExecutionState> _openByWorkflowId = new(StringComparer.Ordinal);

    // The retained closed runs by close time (then start order, which is unique): the oldest is the next
    // to expire, since every run of the domain has the same retention period, so expiring costs only the
    // runs that expire, not a walk over every run on each lookup. The key is taken when the run closes and
    // kept with it, so taking the close back (undo) finds the entry whatever the run's fields are by then.
    private readonly SortedSet<(long CloseTicks, long Sequence, ExecutionState Run)> _closedByTime = new(
        Comparer<(long CloseTicks, long Sequence, ExecutionState Run)>.Create(static (a, b) =>
            a.CloseTicks != b.CloseTicks ? a.CloseTicks.CompareTo(b.CloseTicks) : a.Sequence.CompareTo(b.Sequence)));
    private readonly SortedDictionary<TypeKey, WorkflowTypeState> _workflowTypes = [];
    private readonly SortedDictionary<TypeKey, ActivityTypeState> _activityTypes = [];
    private readonly Dictionary<string, TaskQueue> _decisionTaskLists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskQueue> _activityTaskLists = new(StringComparer.Ordinal);
    private TimeSpan? _retention;

    /// <summary>Gets the engine's undo log, which every change to this domain and everything in it records to.</summary>
    public required UndoLog Undo { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Gets the retention period as registered ("0".."90" or "NONE"); SWF echoes the string back.</summary>
    public required string RetentionPeriodInDays { get; init; }

    /// <summary>Gets how long a closed run stays visible: the retention period in days; "NONE" keeps nothing, as 0 does.</summary>
    public TimeSpan Retention => _retention ??= TimeSpan.FromDays(
        RetentionPeriodInDays == Durations.None ? 0 : int.Parse(RetentionPeriodInDays, CultureInfo.InvariantCulture));

    public RegistrationStatus Status { get; private set; } = RegistrationStatus.Registered;

    /// <summary>Gets the resource tags in insertion order; SWF keeps one value per key.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Tags => _tags;

    /// <summary>Gets the workflow types, ordered by name then version.</summary>
    public IReadOnlyDictionary<TypeKey, WorkflowTypeState> WorkflowTypes => _workflowTypes;

    /// <summary>Gets the activity types, ordered by name then version.</summary>
    public IReadOnlyDictionary<TypeKey, ActivityTypeState> ActivityTypes => _activityTypes;

    /// <summary>Gets every execution still visible, by run id.</summary>
    public IReadOnlyDictionary<string, ExecutionState> Executions => _executions;

    /// <summary>Gets the one open run of each workflow id (SWF allows one open run per workflow id and domain).</summary>
    public IReadOnlyDictionary<string, ExecutionState> OpenByWorkflowId => _openByWorkflowId;

    public IReadOnlyDictionary<string, TaskQueue> DecisionTaskLists => _decisionTaskLists;

    public IReadOnlyDictionary<string, TaskQueue> ActivityTaskLists => _activityTaskLists;

    public bool IsDeprecated => Status == RegistrationStatus.Deprecated;

    public TaskQueue DecisionQueue(string taskList) => GetQueue(_decisionTaskLists, taskList);

    public TaskQueue ActivityQueue(string taskList) => GetQueue(_activityTaskLists, taskList);

    /// <summary>Registered to Deprecated: the domain takes no new executions or registrations.</summary>
    public void Deprecate()
    {
        if (IsDeprecated)
        {
            throw IllegalTransition.Create($"domain {Name}", nameof(Deprecate), Status);
        }

        Status = RegistrationStatus.Deprecated;
        Undo.Record(() => Status = RegistrationStatus.Registered);
    }

    /// <summary>Deprecated to Registered.</summary>
    public void Undeprecate()
    {
        if (!IsDeprecated)
        {
            throw IllegalTransition.Create($"domain {Name}", nameof(Undeprecate), Status);
        }

        Status = RegistrationStatus.Registered;
        Undo.Record(() => Status = RegistrationStatus.Deprecated);
    }

    /// <summary>Replaces the tags (already merged and checked against SWF's limit).</summary>
    /// <param name="tags">The new tag set, in order.</param>
    public void SetTags(IEnumerable<KeyValuePair<string, string?>> tags)
    {
        var copy = tags.ToList();
        RememberTags();
        _tags.Clear();
        _tags.AddRange(copy);
    }

    /// <summary>Removes the tags with the given keys.</summary>
    /// <param name="keys">The keys.</param>
    public void RemoveTags(IReadOnlySet<string> keys)
    {
        RememberTags();
        _tags.RemoveAll(t => keys.Contains(t.Key));
    }

    /// <summary>Adds a newly registered workflow type; its key must be new.</summary>
    /// <param name="type">The type.</param>
    public void AddWorkflowType(WorkflowTypeState type)
    {
        _workflowTypes.Add(type.Key, type);
        Undo.Record(() => _workflowTypes.Remove(type.Key));
    }

    /// <summary>Adds a newly registered activity type; its key must be new.</summary>
    /// <param name="type">The type.</param>
    public void AddActivityType(ActivityTypeState type)
    {
        _activityTypes.Add(type.Key, type);
        Undo.Record(() => _activityTypes.Remove(type.Key));
    }

    /// <summary>Forgets a deleted workflow type.</summary>
    /// <param name="type">The type.</param>
    public void RemoveWorkflowType(WorkflowTypeState type)
    {
        if (_workflowTypes.Remove(type.Key))
        {
            Undo.Record(() => _workflowTypes.Add(type.Key, type));
        }
    }

    /// <summary>Forgets a deleted activity type.</summary>
    /// <param name="type">The type.</param>
    public void RemoveActivityType(ActivityTypeState type)
    {
        if (_activityTypes.Remove(type.Key))
        {
            Undo.Record(() => _activityTypes.Add(type.Key, type));
        }
    }

    /// <summary>Adds a new open run; its run id must be new and its workflow id must have no open run.</summary>
    /// <param name="execution">The run.</param>
    public void AddRun(ExecutionState execution)
    {
        if (!execution.IsOpen || _executions.ContainsKey(execution.RunId) || _openByWorkflowId.ContainsKey(execution.WorkflowId))
        {
            throw new InvalidOperationException($"Engine bug: run {execution.RunId} of workflow {execution.WorkflowId} cannot be added to domain {Name}.");
        }

        _executions.Add(execution.RunId, execution);
        _openByWorkflowId.Add(execution.WorkflowId, execution);
        Undo.Record(() =>
        {
            _executions.Remove(execution.RunId);
            _openByWorkflowId.Remove(execution.WorkflowId);
        });
    }

    /// <summary>
    /// Called by <see cref="ExecutionState.Close"/>: the run's workflow id has no open run any more, and
    /// the run's retention starts at its close time.
    /// </summary>
    /// <param name="execution">The closed run.</param>
    public void RunClosed(ExecutionState execution)
    {
        if (_openByWorkflowId.TryGetValue(execution.WorkflowId, out var open) && ReferenceEquals(open, execution))
        {
            _openByWorkflowId.Remove(execution.WorkflowId);
            Undo.Record(() => _openByWorkflowId.Add(execution.WorkflowId, execution));
        }

        var entry = ClosedEntry(execution);
        _closedByTime.Add(entry);
        Undo.Record(() => _closedByTime.Remove(entry));
    }

    /// <summary>
    /// Forgets every closed run past the retention period as of <paramref name="now"/>: those with
    /// <c>now - close time &gt; retention</c>, oldest first. Costs the number of runs it forgets (and a
    /// look at the oldest one that stays), not the number of runs retained.
    /// </summary>
    /// <param name="now">The engine's time.</param>
    public void RemoveExpired(DateTime now)
    {
        var retention = Retention;
        while (_closedByTime.Count > 0)
        {
            var oldest = _closedByTime.Min.Run;
            if (!(now - oldest.CloseTimestamp!.Value > retention))
            {
                return;
            }

            RemoveRun(oldest);
        }
    }

    /// <summary>Forgets a closed run past the domain's retention period.</summary>
    /// <param name="execution">The run.</param>
    public void RemoveRun(ExecutionState execution)
    {
        if (execution.IsOpen)
        {
            throw new InvalidOperationException($"Engine bug: open run {execution.RunId} of workflow {execution.WorkflowId} cannot be removed from domain {Name}.");
        }

        if (_executions.Remove(execution.RunId))
        {
            Undo.Record(() => _executions.Add(execution.RunId, execution));
        }

        var entry = ClosedEntry(execution);
        if (_closedByTime.Remove(entry))
        {
            Undo.Record(() => _closedByTime.Add(entry));
        }
    }

    private static (long CloseTicks, long Sequence, ExecutionState Run) ClosedEntry(ExecutionState execution) =>
        (execution.CloseTimestamp?.Ticks ?? throw new InvalidOperationException($"Engine bug: run {execution.RunId} has no close time."), execution.Sequence, execution);

    private TaskQueue GetQueue(Dictionary<string, TaskQueue> lists, string name)
    {
        if (!lists.TryGetValue(name, out var queue))
        {
            queue = new TaskQueue(name, Undo);
            lists.Add(name, queue);
            Undo.Record(() => lists.Remove(name));
        }

        return queue;
    }

    private void RememberTags()
    {
        var saved = _tags.ToList();
        Undo.Record(() =>
        {
            _tags.Clear();
            _tags.AddRange(saved);
        });
    }
}
