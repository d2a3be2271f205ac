using System.Text.Json.Serialization;

namespace Swf.LocalEngine.Journal;

/// <summary>
/// The engine's whole state as an <see cref="EngineSnapshot"/> writes it: every domain, type,
/// execution (with its history), open task, task token, timer and timeout (with its due time and
/// sequence number), and the engine's counters. Times are UTC ticks, so that they round-trip to the
/// tick; history events are written in SWF's wire shape.
/// </summary>
/// <remarks>
/// What a snapshot leaves out is what a journal replay leaves out too: waiting long polls (their
/// clients poll again), task lists with nothing waiting on them (a poll creates them again), and
/// closed runs past their domain's retention period. Task lists with waiting tasks come back with the tasks.
/// </remarks>
internal sealed class SnapshotDocument
{
    /// <summary>The format this engine writes (and reads): format 1 with each history as the base64 of its JSON array.</summary>
    public const string CurrentFormat = "swf-local-engine-snapshot/2";

    /// <summary>The format before, which this engine reads too: each history as its JSON array.</summary>
    public const string Format1 = "swf-local-engine-snapshot/1";

    /// <summary>Gets or sets the format; a format 1 document is set to the current one once read, since it is written back in that format.</summary>
    public required string Format { get; set; }

    public required long JournalPosition { get; init; }

    public required long TakenAtTicks { get; init; }

    public required long Sequence { get; init; }

    public required long TokenCounter { get; init; }

    public required List<DomainRecord> Domains { get; init; }

    internal sealed class DomainRecord
    {
        public required string Name { get; init; }

        public string? Description { get; init; }

        public required string RetentionPeriodInDays { get; init; }

        public bool Deprecated { get; init; }

        public required List<TagRecord> Tags { get; init; }

        public required List<WorkflowTypeRecord> WorkflowTypes { get; init; }

        public required List<ActivityTypeRecord> ActivityTypes { get; init; }

        public required List<ExecutionRecord> Executions { get; init; }
    }

    internal sealed class TagRecord
    {
        public required string Key { get; init; }

        public string? Value { get; init; }
    }

    internal sealed class WorkflowTypeRecord
    {
        public required string Name { get; init; }

        public required string Version { get; init; }

        public string? Description { get; init; }

        public required long CreationTicks { get; init; }

        public long? DeprecationTicks { get; init; }

        public string? DefaultTaskStartToCloseTimeout { get; init; }

        public string? DefaultExecutionStartToCloseTimeout { get; init; }

        public string? DefaultTaskList { get; init; }

        public string? DefaultTaskPriority { get; init; }

        public string? DefaultChildPolicy { get; init; }

        public string? DefaultLambdaRole { get; init; }
    }

    internal sealed class ActivityTypeRecord
    {
        public required string Name { get; init; }

        public required string Version { get; init; }

        public string? Description { get; init; }

        public required long CreationTicks { get; init; }

        public long? DeprecationTicks { get; init; }

        public string? DefaultTaskStartToCloseTimeout { get; init; }

        public string? DefaultTaskHeartbeatTimeout { get; init; }

        public string? DefaultTaskList { get; init; }

        public string? DefaultTaskPriority { get; init; }

        public string? DefaultTaskScheduleToStartTimeout { get; init; }

        public string? DefaultTaskScheduleToCloseTimeout { get; init; }
    }

    internal sealed class ExecutionRecord
    {
        public required string WorkflowId { get; init; }

        public required string RunId { get; init; }

        public required string TypeName { get; init; }

        public required string TypeVersion { get; init; }

        public required string TaskList { get; init; }

        public int TaskPriority { get; init; }

        public required string ExecutionStartToCloseTimeout { get; init; }

        public required string TaskStartToCloseTimeout { get; init; }

        public required string ChildPolicy { get; init; }

        public string? LambdaRole { get; init; }

        public required List<string> TagList { get; init; }

        public required long StartTicks { get; init; }

        public required long Sequence { get; init; }

        public string? ParentWorkflowId { get; init; }

        public string? ParentRunId { get; init; }

        public long ParentInitiatedEventId { get; init; }

        /// <summary>Gets how the run closed; null while it is open.</summary>
        public string? CloseStatus { get; init; }

        public long? CloseTicks { get; init; }

        public bool CancelRequested { get; init; }

        [JsonConverter(typeof(SnapshotHistoryJsonConverter))]
        public required SnapshotHistory History { get; init; }

        public long? LatestActivityTaskTicks { get; init; }

        public string? LatestExecutionContext { get; init; }

        public long PreviousStartedEventId { get; init; }

        public bool EventsSinceDecisionTaskStarted { get; init; }

        public string? TaskListOverride { get; init; }

        public long? TaskListOverrideScheduleToStartTicks { get; init; }

        public DueRecord? ExecutionTimeout { get; init; }

        public DecisionTaskRecord? DecisionTask { get; init; }

        public List<ActivityRecord>? Activities { get; init; }

        public List<TimerRecord>? Timers { get; init; }

        public List<ChildRecord>? Children { get; init; }
    }

    /// <summary>A scheduled action: when it is due (UTC ticks) and its place among actions due at the same time.</summary>
    internal sealed class DueRecord
    {
        public required long AtTicks { get; init; }

        public required long Sequence { get; init; }
    }

    internal sealed class DecisionTaskRecord
    {
        public required string TaskList { get; init; }

        public int Priority { get; init; }

        public required long Sequence { get; init; }

        public required long ScheduledEventId { get; init; }

        public long? ScheduleToStartTimeoutTicks { get; init; }

        /// <summary>Gets the started event's id; 0 while the task waits on its task list.</summary>
        public long StartedEventId { get; init; }

        public string? Token { get; init; }

        public DueRecord? Timeout { get; init; }
    }

    internal sealed class ActivityRecord
    {
        public required string TaskList { get; init; }

        public int Priority { get; init; }

        public required long Sequence { get; init; }

        public required string ActivityId { get; init; }

        public required string TypeName { get; init; }

        public required string TypeVersion { get; init; }

        public required long ScheduledEventId { get; init; }

        public string? Input { get; init; }

        public long? ScheduleToStartTicks { get; init; }

        public long? ScheduleToCloseTicks { get; init; }

        public long? StartToCloseTicks { get; init; }

        public long? HeartbeatTicks { get; init; }

        /// <summary>Gets the started event's id; 0 while the task waits on its task list.</summary>
        public long StartedEventId { get; init; }

        public string? Token { get; init; }

        public bool CancelRequested { get; init; }

        public long LatestCancelRequestedEventId { get; init; }

        public string? HeartbeatDetails { get; init; }

        public required List<ActivityTimeoutRecord> Timeouts { get; init; }
    }

    internal sealed class ActivityTimeoutRecord
    {
        public required string Type { get; init; }

        public required DueRecord Due { get; init; }
    }

    internal sealed class TimerRecord
    {
        public required string TimerId { get; init; }

        public required long StartedEventId { get; init; }

        public required DueRecord Firing { get; init; }
    }

    internal sealed class ChildRecord
    {
        public required long InitiatedEventId { get; init; }

        public required string WorkflowId { get; init; }

        public required string TypeName { get; init; }

        public required string TypeVersion { get; init; }

        /// <summary>Gets the child's current run; null until the child started.</summary>
        public string? RunId { get; init; }

        public long StartedEventId { get; init; }
    }
}
