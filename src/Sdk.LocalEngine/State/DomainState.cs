using Swf.Model;

namespace Swf.LocalEngine.State;

/// <summary>A registered domain: its types, its executions (open and retained closed ones) and its task lists.</summary>
internal sealed class DomainState
{
    private readonly List<KeyValuePair<string, string?>> _tags = [];
    private readonly Dictionary<string, ExecutionState> _executions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExecutionState> _openByWorkflowId = new(StringComparer.Ordinal);

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Gets the retention period as registered ("0".."90" or "NONE"); SWF echoes the string back.</summary>
    public required string RetentionPeriodInDays { get; init; }

    public RegistrationStatus Status { get; private set; } = RegistrationStatus.Registered;

    /// <summary>Gets the resource tags in insertion order; SWF keeps one value per key.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Tags => _tags;

    public SortedDictionary<TypeKey, WorkflowTypeState> WorkflowTypes { get; } = [];

    public SortedDictionary<TypeKey, ActivityTypeState> ActivityTypes { get; } = [];

    /// <summary>Gets every execution still visible, by run id.</summary>
    public IReadOnlyDictionary<string, ExecutionState> Executions => _executions;

    /// <summary>Gets the one open run of each workflow id (SWF allows one open run per workflow id and domain).</summary>
    public IReadOnlyDictionary<string, ExecutionState> OpenByWorkflowId => _openByWorkflowId;

    public Dictionary<string, TaskQueue> DecisionTaskLists { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TaskQueue> ActivityTaskLists { get; } = new(StringComparer.Ordinal);

    public bool IsDeprecated => Status == RegistrationStatus.Deprecated;

    public TaskQueue DecisionQueue(string taskList) => GetQueue(DecisionTaskLists, taskList);

    public TaskQueue ActivityQueue(string taskList) => GetQueue(ActivityTaskLists, taskList);

    /// <summary>Registered to Deprecated: the domain takes no new executions or registrations.</summary>
    public void Deprecate()
    {
        if (IsDeprecated)
        {
            throw IllegalTransition.Create($"domain {Name}", nameof(Deprecate), Status);
        }

        Status = RegistrationStatus.Deprecated;
    }

    /// <summary>Deprecated to Registered.</summary>
    public void Undeprecate()
    {
        if (!IsDeprecated)
        {
            throw IllegalTransition.Create($"domain {Name}", nameof(Undeprecate), Status);
        }

        Status = RegistrationStatus.Registered;
    }

    /// <summary>Replaces the tags (already merged and checked against SWF's limit).</summary>
    /// <param name="tags">The new tag set, in order.</param>
    public void SetTags(IEnumerable<KeyValuePair<string, string?>> tags)
    {
        var copy = tags.ToList();
        _tags.Clear();
        _tags.AddRange(copy);
    }

    /// <summary>Removes the tags with the given keys.</summary>
    /// <param name="keys">The keys.</param>
    public void RemoveTags(IReadOnlySet<string> keys) => _tags.RemoveAll(t => keys.Contains(t.Key));

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
    }

    /// <summary>Called by <see cref="ExecutionState.Close"/>: the run's workflow id has no open run any more.</summary>
    /// <param name="execution">The closed run.</param>
    public void RunClosed(ExecutionState execution)
    {
        if (_openByWorkflowId.TryGetValue(execution.WorkflowId, out var open) && ReferenceEquals(open, execution))
        {
            _openByWorkflowId.Remove(execution.WorkflowId);
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

        _executions.Remove(execution.RunId);
    }

    private static TaskQueue GetQueue(Dictionary<string, TaskQueue> lists, string name)
    {
        if (!lists.TryGetValue(name, out var queue))
        {
            queue = new TaskQueue(name);
            lists.Add(name, queue);
        }

        return queue;
    }
}
