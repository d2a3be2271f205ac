using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Sdk.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Common;

// Swf.Payloads (the SDK's payload pipeline) would shadow Temporal's Payloads message inside namespace Swf.
using TemporalPayloads = Temporalio.Api.Common.V1.Payloads;

namespace Swf.Benchmarks;

/// <summary>
/// Histories of <see cref="TemporalSequentialWorkflow"/> shaped as a Temporal server records them
/// (there is no server here): the same events a real run writes, with the attributes the server fills
/// in, and on the first <c>WorkflowTaskCompleted</c> the SDK metadata a real worker writes. Core flag 1
/// (IdAndTypeDeterminismChecks) makes the replayer check each scheduled activity's id and type against
/// the code, as ours does; without it the comparison would flatter Temporal.
/// </summary>
public static class TemporalHistories
{
    private static readonly ByteString JsonPlain = ByteString.CopyFromUtf8("json/plain");
    private static readonly TaskQueue Queue = new() { Name = "bench", Kind = TaskQueueKind.Normal };

    /// <summary>Builds the closed history of a run of n activities.</summary>
    /// <param name="activities">The activity count.</param>
    /// <param name="tamperActivity">When set, the index of an activity whose scheduled type is changed.</param>
    /// <param name="coreFlags">Whether the first task's metadata carries core flag 1, as real workers write.</param>
    /// <returns>The history.</returns>
    public static WorkflowHistory Build(int activities, int? tamperActivity = null, bool coreFlags = true)
    {
        var events = new List<HistoryEvent>((6 * activities) + 5);
        var time = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        HistoryEvent Add(EventType type)
        {
            time = time.AddMilliseconds(250);
            var e = new HistoryEvent { EventId = events.Count + 1, EventTime = Timestamp.FromDateTime(time), EventType = type, TaskId = 1_048_576 + events.Count };
            events.Add(e);
            return e;
        }

        long WorkflowTask(bool first)
        {
            var scheduled = Add(EventType.WorkflowTaskScheduled);
            scheduled.WorkflowTaskScheduledEventAttributes = new() { TaskQueue = Queue, StartToCloseTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(10)), Attempt = 1 };
            var started = Add(EventType.WorkflowTaskStarted);
            started.WorkflowTaskStartedEventAttributes = new()
            {
                ScheduledEventId = scheduled.EventId,
                Identity = "worker@bench",
                RequestId = Guid.NewGuid().ToString(),
                HistorySizeBytes = events.Count * 300L,
            };
            var completed = Add(EventType.WorkflowTaskCompleted);
            completed.WorkflowTaskCompletedEventAttributes = new()
            {
                ScheduledEventId = scheduled.EventId,
                StartedEventId = started.EventId,
                Identity = "worker@bench",
                MeteringMetadata = new(),
                SdkMetadata = first
                    ? new WorkflowTaskCompletedMetadata { SdkName = "temporal-dotnet", SdkVersion = "1.21.1", CoreUsedFlags = { coreFlags ? [1u] : [] } }
                    : new WorkflowTaskCompletedMetadata(),
            };
            return completed.EventId;
        }

        Add(EventType.WorkflowExecutionStarted).WorkflowExecutionStartedEventAttributes = new()
        {
            WorkflowType = new() { Name = "Sequential" },
            TaskQueue = Queue,
            Input = Json(activities.ToString(CultureInfo.InvariantCulture)),
            WorkflowTaskTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(10)),
            OriginalExecutionRunId = "run-1",
            FirstExecutionRunId = "run-1",
            Attempt = 1,
            Identity = "client@bench",
            WorkflowId = "wf-1",
        };
        var last = "0";
        for (var i = 0; i < activities; i++)
        {
            var completed = WorkflowTask(i == 0);
            var scheduled = Add(EventType.ActivityTaskScheduled);
            scheduled.ActivityTaskScheduledEventAttributes = new()
            {
                ActivityId = (i + 1).ToString(CultureInfo.InvariantCulture),
                ActivityType = new() { Name = tamperActivity == i ? "Other" : "Step" },
                TaskQueue = Queue,
                Input = Json(SequentialWorkflow.Quote(last)),
                ScheduleToCloseTimeout = Duration.FromTimeSpan(TimeSpan.Zero),
                ScheduleToStartTimeout = Duration.FromTimeSpan(TimeSpan.Zero),
                StartToCloseTimeout = Duration.FromTimeSpan(TimeSpan.FromMinutes(1)),
                HeartbeatTimeout = Duration.FromTimeSpan(TimeSpan.Zero),
                WorkflowTaskCompletedEventId = completed,
                RetryPolicy = new()
                {
                    InitialInterval = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)),
                    BackoffCoefficient = 2,
                    MaximumInterval = Duration.FromTimeSpan(TimeSpan.FromSeconds(100)),
                },
            };
            var started = Add(EventType.ActivityTaskStarted);
            started.ActivityTaskStartedEventAttributes = new() { ScheduledEventId = scheduled.EventId, Identity = "worker@bench", RequestId = Guid.NewGuid().ToString(), Attempt = 1 };
            last = (i + 1).ToString(CultureInfo.InvariantCulture);
            Add(EventType.ActivityTaskCompleted).ActivityTaskCompletedEventAttributes = new()
            {
                ScheduledEventId = scheduled.EventId,
                StartedEventId = started.EventId,
                Identity = "worker@bench",
                Result = Json(SequentialWorkflow.Quote(last)),
            };
        }

        var done = WorkflowTask(activities == 0);
        Add(EventType.WorkflowExecutionCompleted).WorkflowExecutionCompletedEventAttributes = new()
        {
            WorkflowTaskCompletedEventId = done,
            Result = Json(SequentialWorkflow.Quote(last)),
        };
        return new WorkflowHistory("wf-1", events);
    }

    private static TemporalPayloads Json(string json) =>
        new() { Payloads_ = { new Payload { Metadata = { ["encoding"] = JsonPlain }, Data = ByteString.CopyFromUtf8(json) } } };
}
