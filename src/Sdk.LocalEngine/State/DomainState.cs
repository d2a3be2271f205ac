using Swf.Model;

namespace Swf.LocalEngine.State;

/// <summary>A registered domain: its types, its executions (open and retained closed ones) and its task lists.</summary>
internal sealed class DomainState
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Gets the retention period as registered ("0".."90" or "NONE"); SWF echoes the string back.</summary>
    public required string RetentionPeriodInDays { get; init; }

    public RegistrationStatus Status { get; set; } = RegistrationStatus.Registered;

    /// <summary>Gets the resource tags in insertion order; SWF keeps one value per key.</summary>
    public List<KeyValuePair<string, string?>> Tags { get; } = [];

    public SortedDictionary<TypeKey, WorkflowTypeState> WorkflowTypes { get; } = [];

    public SortedDictionary<TypeKey, ActivityTypeState> ActivityTypes { get; } = [];

    /// <summary>Gets every execution still visible, by run id.</summary>
    public Dictionary<string, ExecutionState> Executions { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the one open run of each workflow id (SWF allows one open run per workflow id and domain).</summary>
    public Dictionary<string, ExecutionState> OpenByWorkflowId { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TaskQueue> DecisionTaskLists { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TaskQueue> ActivityTaskLists { get; } = new(StringComparer.Ordinal);

    public bool IsDeprecated => Status == RegistrationStatus.Deprecated;

    public TaskQueue DecisionQueue(string taskList) => GetQueue(DecisionTaskLists, taskList);

    public TaskQueue ActivityQueue(string taskList) => GetQueue(ActivityTaskLists, taskList);

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
