using System.Globalization;
using System.Text.Json;
using Swf.Model;
using Swf.Serialization;

namespace Swf.Benchmarks;

/// <summary>
/// Histories of <see cref="SequentialWorkflow"/> as SWF records them, with the attributes SWF fills in,
/// and as <c>aws swf get-workflow-execution-history</c> (CLI v1) prints them: <c>{"events":[...]}</c>
/// with epoch-second timestamps. <c>--verify</c> checks the shape against the local engine's own history.
/// </summary>
public static class SwfHistories
{
    /// <summary>The activity counts that give about 100, 1,000, 10,000 and 25,000 events (6n + 5).</summary>
    public static readonly int[] ActivityCounts = [16, 166, 1666, 4165];

    /// <summary>Gets the sizes a run measures: in a <c>--quick</c> run only 1,001 and 24,995 events (the linearity pair).</summary>
    public static int[] RunSizes => BenchJobs.Quick ? [166, 4165] : ActivityCounts;

    /// <summary>Returns the number of events in the history of n activities.</summary>
    /// <param name="activities">The activity count.</param>
    /// <returns>The event count.</returns>
    public static int EventCount(int activities) => (6 * activities) + 5;

    /// <summary>Builds the closed history of a run of n activities.</summary>
    /// <param name="activities">The activity count.</param>
    /// <param name="tamperActivity">When set, the index of an activity whose scheduled type is changed.</param>
    /// <returns>The events.</returns>
    public static List<HistoryEvent> Build(int activities, int? tamperActivity = null)
    {
        var builder = new Builder();
        builder.Started(activities);
        var last = "0";
        for (var i = 0; i < activities; i++)
        {
            var completed = builder.DecisionTask();
            var scheduled = builder.ActivityScheduled(i + 1, SequentialWorkflow.Quote(last), completed, tamperActivity == i ? "Other" : "Step");
            last = (i + 1).ToString(CultureInfo.InvariantCulture);
            builder.ActivityDone(scheduled, SequentialWorkflow.Quote(last));
        }

        var done = builder.DecisionTask();
        builder.Add(EventType.WorkflowExecutionCompleted).WorkflowExecutionCompletedEventAttributes = new()
        {
            Result = SequentialWorkflow.Quote(last),
            DecisionTaskCompletedEventId = done,
        };
        return builder.Events;
    }

    /// <summary>Builds an open history that ends in a started decision task, after <paramref name="activities"/> completed activities.</summary>
    /// <param name="activities">The completed activities.</param>
    /// <param name="total">The workflow's input: how many it will run.</param>
    /// <returns>The builder, to extend it one decision task at a time.</returns>
    public static Builder BuildOpen(int activities, int total)
    {
        var builder = new Builder();
        builder.Started(total);
        for (var i = 0; i < activities; i++)
        {
            var completed = builder.DecisionTask();
            var scheduled = builder.ActivityScheduled(i + 1, SequentialWorkflow.Quote(i), completed, "Step");
            builder.ActivityDone(scheduled, SequentialWorkflow.Quote(i + 1));
        }

        builder.DecisionTaskStarted();
        return builder;
    }

    /// <summary>Serializes events as the CLI prints them.</summary>
    /// <param name="events">The events.</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static byte[] ToJson(List<HistoryEvent> events) =>
        JsonSerializer.SerializeToUtf8Bytes(new History { Events = events }, SwfJsonContext.Default.History);

    /// <summary>Reads the CLI's JSON into the model, as a decider reads a page.</summary>
    /// <param name="json">The UTF-8 JSON.</param>
    /// <returns>The events.</returns>
    public static List<HistoryEvent> Parse(byte[] json) => JsonSerializer.Deserialize(json, SwfJsonResponses.For<History>())!.Events;

    /// <summary>SWF's page size: <c>PollForDecisionTask</c> and <c>GetWorkflowExecutionHistory</c> return at most 1,000 events a page.</summary>
    public const int PageSize = 1000;

    /// <summary>
    /// Splits a history into the bodies of the <c>PollForDecisionTask</c> responses SWF sends for it: the task's
    /// members and up to <paramref name="pageSize"/> events each, with a <c>nextPageToken</c> on every page but the last.
    /// </summary>
    /// <param name="events">The events.</param>
    /// <param name="pageSize">Events per page.</param>
    /// <returns>The UTF-8 JSON bodies, in order.</returns>
    public static List<byte[]> ToPages(List<HistoryEvent> events, int pageSize)
    {
        var pages = new List<byte[]>();
        var started = events.FindLast(e => e.EventType == EventType.DecisionTaskStarted)?.EventId ?? 0;
        for (var first = 0; first < events.Count; first += pageSize)
        {
            var last = first + pageSize >= events.Count;
            pages.Add(JsonSerializer.SerializeToUtf8Bytes(
                new DecisionTask
                {
                    TaskToken = "AAAAKgAAAAIAAAAAAAAAA+token",
                    StartedEventId = started,
                    PreviousStartedEventId = 0,
                    WorkflowExecution = new WorkflowExecution { WorkflowId = "wf-1", RunId = "run-1" },
                    WorkflowType = SequentialWorkflow.Type,
                    Events = events.GetRange(first, Math.Min(pageSize, events.Count - first)),
                    NextPageToken = last ? null : "page-" + (first / pageSize + 1).ToString(CultureInfo.InvariantCulture),
                },
                SwfJsonContext.Default.DecisionTask));
        }

        return pages;
    }

    /// <summary>Reads the pages as the decider does on a cache miss: each body through the wire client's JSON path, the events appended.</summary>
    /// <param name="pages">The response bodies.</param>
    /// <returns>The events.</returns>
    public static List<HistoryEvent> ParsePages(List<byte[]> pages)
    {
        var events = new List<HistoryEvent>();
        foreach (var page in pages)
        {
            events.AddRange(JsonSerializer.Deserialize(page, SwfJsonResponses.For<DecisionTask>())!.Events ?? []);
        }

        return events;
    }

    /// <summary>Appends events with consecutive ids and timestamps a quarter second apart.</summary>
    public sealed class Builder
    {
        private static readonly TaskList Decisions = new() { Name = "decisions" };
        private static readonly TaskList ActivityList = new() { Name = "activities" };
        private DateTime _time = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private long _decisionScheduled;
        private int _nextActivity;

        /// <summary>Gets the events so far.</summary>
        public List<HistoryEvent> Events { get; } = [];

        /// <summary>Gets the id of the last event.</summary>
        public long LastEventId => Events.Count;

        /// <summary>Gets the id of the last <c>DecisionTaskStarted</c> event.</summary>
        public long LastStartedEventId { get; private set; }

        /// <summary>Appends an event.</summary>
        /// <param name="type">Its type.</param>
        /// <returns>The event, to set its attributes.</returns>
        public HistoryEvent Add(EventType type)
        {
            _time = _time.AddMilliseconds(250);
            var e = new HistoryEvent { EventId = Events.Count + 1, EventType = type, EventTimestamp = _time };
            Events.Add(e);
            return e;
        }

        /// <summary>Appends <c>WorkflowExecutionStarted</c>.</summary>
        /// <param name="activities">The input: how many activities to run.</param>
        public void Started(int activities) =>
            Add(EventType.WorkflowExecutionStarted).WorkflowExecutionStartedEventAttributes = new()
            {
                WorkflowType = SequentialWorkflow.Type,
                TaskList = Decisions,
                ChildPolicy = ChildPolicy.Terminate,
                ExecutionStartToCloseTimeout = "86400",
                TaskStartToCloseTimeout = "30",
                Input = activities.ToString(CultureInfo.InvariantCulture),
            };

        /// <summary>Appends a scheduled and started decision task.</summary>
        public void DecisionTaskStarted()
        {
            var scheduled = Add(EventType.DecisionTaskScheduled);
            scheduled.DecisionTaskScheduledEventAttributes = new() { TaskList = Decisions, StartToCloseTimeout = "30" };
            _decisionScheduled = scheduled.EventId;
            var started = Add(EventType.DecisionTaskStarted);
            started.DecisionTaskStartedEventAttributes = new() { ScheduledEventId = scheduled.EventId, Identity = "decider" };
            LastStartedEventId = started.EventId;
        }

        /// <summary>Appends a decision task: scheduled, started, completed.</summary>
        /// <returns>The id of its <c>DecisionTaskCompleted</c> event.</returns>
        public long DecisionTask()
        {
            DecisionTaskStarted();
            return DecisionTaskCompleted();
        }

        /// <summary>Appends <c>DecisionTaskCompleted</c> for the open decision task.</summary>
        /// <returns>Its id.</returns>
        public long DecisionTaskCompleted()
        {
            var completed = Add(EventType.DecisionTaskCompleted);
            completed.DecisionTaskCompletedEventAttributes = new() { ScheduledEventId = _decisionScheduled, StartedEventId = LastStartedEventId };
            return completed.EventId;
        }

        /// <summary>Appends <c>ActivityTaskScheduled</c>.</summary>
        /// <param name="id">The activity id (the runtime numbers them 1, 2, ...).</param>
        /// <param name="input">The encoded input.</param>
        /// <param name="completed">The decision task's completed event.</param>
        /// <param name="typeName">The activity type's name.</param>
        /// <returns>The event's id.</returns>
        public long ActivityScheduled(int id, string input, long completed, string typeName)
        {
            _nextActivity = id + 1;
            var e = Add(EventType.ActivityTaskScheduled);
            e.ActivityTaskScheduledEventAttributes = new()
            {
                ActivityType = new ActivityType { Name = typeName, Version = "1" },
                ActivityId = id.ToString(CultureInfo.InvariantCulture),
                Input = input,
                TaskList = ActivityList,
                ScheduleToStartTimeout = "60",
                ScheduleToCloseTimeout = "120",
                StartToCloseTimeout = "60",
                HeartbeatTimeout = "NONE",
                DecisionTaskCompletedEventId = completed,
            };
            return e.EventId;
        }

        /// <summary>Appends <c>ActivityTaskStarted</c> and <c>ActivityTaskCompleted</c>.</summary>
        /// <param name="scheduled">The scheduled event's id.</param>
        /// <param name="result">The encoded result.</param>
        public void ActivityDone(long scheduled, string result)
        {
            var started = Add(EventType.ActivityTaskStarted);
            started.ActivityTaskStartedEventAttributes = new() { ScheduledEventId = scheduled, Identity = "activity-worker" };
            Add(EventType.ActivityTaskCompleted).ActivityTaskCompletedEventAttributes = new()
            {
                ScheduledEventId = scheduled,
                StartedEventId = started.EventId,
                Result = result,
            };
        }

        /// <summary>
        /// Extends an open history by one round: the open decision task completes with the next
        /// activity, which runs, and the next decision task starts.
        /// </summary>
        /// <returns>The index in <see cref="Events"/> of the first new event.</returns>
        public int NextRound()
        {
            var first = Events.Count;
            var completed = DecisionTaskCompleted();
            var id = _nextActivity == 0 ? 1 : _nextActivity;
            var scheduled = ActivityScheduled(id, SequentialWorkflow.Quote(id - 1), completed, "Step");
            ActivityDone(scheduled, SequentialWorkflow.Quote(id));
            DecisionTaskStarted();
            return first;
        }
    }
}
