using Swf.Model;

namespace Swf.LocalEngine.State;

/// <summary>One run of a workflow execution: its history and everything open in it.</summary>
internal sealed class ExecutionState
{
    public required DomainState Domain { get; init; }

    public required string WorkflowId { get; init; }

    public required string RunId { get; init; }

    public required TypeKey WorkflowType { get; init; }

    public required ExecutionSettings Settings { get; init; }

    public List<string> TagList { get; init; } = [];

    public required DateTime StartTimestamp { get; init; }

    /// <summary>Gets the engine-wide order of starts; breaks ties between equal timestamps in listings.</summary>
    public required long Sequence { get; init; }

    public WorkflowExecution? Parent { get; init; }

    public long ParentInitiatedEventId { get; init; }

    public DateTime? CloseTimestamp { get; set; }

    public CloseStatus? CloseStatus { get; set; }

    public bool CancelRequested { get; set; }

    public List<HistoryEvent> History { get; } = [];

    public DateTime? LatestActivityTaskTimestamp { get; set; }

    public string? LatestExecutionContext { get; set; }

    /// <summary>Gets or sets the scheduled or started decision task; SWF allows at most one per run.</summary>
    public DecisionTaskState? DecisionTask { get; set; }

    /// <summary>Gets or sets the DecisionTaskStarted id of the last decision task a decider completed.</summary>
    public long PreviousStartedEventId { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether an event a decider must see arrived while the decision
    /// task was started; it makes a closing decision fail with UNHANDLED_DECISION and asks for a new task.
    /// </summary>
    public bool EventsSinceDecisionTaskStarted { get; set; }

    /// <summary>Gets or sets a value indicating whether RespondDecisionTaskCompleted is applying decisions right now.</summary>
    public bool ApplyingDecisions { get; set; }

    /// <summary>Gets or sets a value indicating whether the decisions being applied produced something the decider must see.</summary>
    public bool NeedsDecisionAfterBatch { get; set; }

    /// <summary>Gets or sets the task list override from RespondDecisionTaskCompleted, if any.</summary>
    public string? TaskListOverride { get; set; }

    /// <summary>Gets or sets the override's schedule-to-start timeout; null makes the override permanent.</summary>
    public TimeSpan? TaskListOverrideScheduleToStart { get; set; }

    public Dictionary<string, ActivityTaskState> Activities { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TimerState> Timers { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the children initiated and not yet closed, by initiated event id.</summary>
    public Dictionary<long, ChildExecutionState> Children { get; } = [];

    public ScheduledAction? ExecutionTimer { get; set; }

    public bool IsOpen => CloseStatus is null;

    public WorkflowExecution ToWorkflowExecution() => new() { WorkflowId = WorkflowId, RunId = RunId };

    public WorkflowType ToWorkflowType() => new() { Name = WorkflowType.Name, Version = WorkflowType.Version };
}
