using Swf.LocalEngine.State;
using Swf.LocalEngine.Wire;
using Swf.Model;

namespace Swf.LocalEngine;

public sealed partial class LocalSwfEngine
{
    /// <summary>
    /// ScheduleActivityTask: each setting from the decision, else the activity type's default. The
    /// task list and the schedule-to-start, schedule-to-close and start-to-close timeouts are
    /// required from one of them; the heartbeat timeout is optional and defaults to NONE, as the
    /// SWF guide documents (so DEFAULT_HEARTBEAT_TIMEOUT_UNDEFINED is never produced).
    /// </summary>
    private void ScheduleActivityTask(DecisionContext context, ScheduleActivityTaskDecisionAttributes attributes)
    {
        var execution = context.Execution;
        void Fail(ScheduleActivityTaskFailedCause cause) =>
            RecordDecisionFailure(context, DecisionKind.ScheduleActivityTask, e => e.ScheduleActivityTaskFailedEventAttributes = new()
            {
                ActivityType = new ActivityType { Name = attributes.ActivityType.Name, Version = attributes.ActivityType.Version },
                ActivityId = attributes.ActivityId,
                Cause = cause,
                DecisionTaskCompletedEventId = context.CompletedEventId,
            });

        if (!execution.Domain.ActivityTypes.TryGetValue(new TypeKey(attributes.ActivityType.Name, attributes.ActivityType.Version), out var type))
        {
            Fail(ScheduleActivityTaskFailedCause.ActivityTypeDoesNotExist);
            return;
        }

        if (type.IsDeprecated)
        {
            Fail(ScheduleActivityTaskFailedCause.ActivityTypeDeprecated);
            return;
        }

        if (execution.Activities.ContainsKey(attributes.ActivityId))
        {
            Fail(ScheduleActivityTaskFailedCause.ActivityIdAlreadyInUse);
            return;
        }

        if (execution.Activities.Count >= _options.MaxOpenActivityTasks)
        {
            Fail(ScheduleActivityTaskFailedCause.OpenActivitiesLimitExceeded);
            return;
        }

        var taskList = attributes.TaskList?.Name ?? type.DefaultTaskList;
        var scheduleToStart = attributes.ScheduleToStartTimeout ?? type.DefaultTaskScheduleToStartTimeout;
        var scheduleToClose = attributes.ScheduleToCloseTimeout ?? type.DefaultTaskScheduleToCloseTimeout;
        var startToClose = attributes.StartToCloseTimeout ?? type.DefaultTaskStartToCloseTimeout;
        var heartbeat = attributes.HeartbeatTimeout ?? type.DefaultTaskHeartbeatTimeout ?? Durations.None;
        var missing = taskList is null ? ScheduleActivityTaskFailedCause.DefaultTaskListUndefined
            : scheduleToStart is null ? ScheduleActivityTaskFailedCause.DefaultScheduleToStartTimeoutUndefined
            : scheduleToClose is null ? ScheduleActivityTaskFailedCause.DefaultScheduleToCloseTimeoutUndefined
            : startToClose is null ? ScheduleActivityTaskFailedCause.DefaultStartToCloseTimeoutUndefined
            : null;
        if (missing is not null)
        {
            Fail(missing);
            return;
        }

        // Everything that can fail is worked out before the first change.
        var priority = Durations.ParsePriority(attributes.TaskPriority ?? type.DefaultTaskPriority);
        var timeouts = (ScheduleToStart: Durations.Parse(scheduleToStart!), ScheduleToClose: Durations.Parse(scheduleToClose!), StartToClose: Durations.Parse(startToClose!), Heartbeat: Durations.Parse(heartbeat));
        var scheduledEventId = Append(execution, EventType.ActivityTaskScheduled, e => e.ActivityTaskScheduledEventAttributes = new()
        {
            ActivityType = new ActivityType { Name = type.Key.Name, Version = type.Key.Version },
            ActivityId = attributes.ActivityId,
            Input = attributes.Input,
            Control = attributes.Control,
            ScheduleToStartTimeout = scheduleToStart,
            ScheduleToCloseTimeout = scheduleToClose,
            StartToCloseTimeout = startToClose,
            HeartbeatTimeout = heartbeat,
            TaskList = new TaskList { Name = taskList! },
            TaskPriority = Durations.FormatPriority(priority),
            DecisionTaskCompletedEventId = context.CompletedEventId,
        });
        var activity = new ActivityTaskState
        {
            Execution = execution,
            TaskList = taskList!,
            Priority = priority,
            Sequence = NextSequence(),
            ActivityId = attributes.ActivityId,
            ActivityType = type.Key,
            ScheduledEventId = scheduledEventId,
            Input = attributes.Input,
            ScheduleToStartTimeout = timeouts.ScheduleToStart,
            ScheduleToCloseTimeout = timeouts.ScheduleToClose,
            StartToCloseTimeout = timeouts.StartToClose,
            HeartbeatTimeout = timeouts.Heartbeat,
        };
        execution.AddActivity(activity);
        if (activity.ScheduleToStartTimeout is { } toStart)
        {
            ArmActivityTimeout(activity, ActivityTaskTimeoutType.ScheduleToStart, toStart);
        }

        if (activity.ScheduleToCloseTimeout is { } toClose)
        {
            ArmActivityTimeout(activity, ActivityTaskTimeoutType.ScheduleToClose, toClose);
        }

        execution.Domain.ActivityQueue(activity.TaskList).Enqueue(activity);
    }

    /// <summary>
    /// RequestCancelActivityTask: a task no worker has picked up is canceled at once; a started one
    /// learns of the request from its next heartbeat and may answer RespondActivityTaskCanceled.
    /// </summary>
    private void RequestCancelActivityTask(DecisionContext context, RequestCancelActivityTaskDecisionAttributes attributes)
    {
        var execution = context.Execution;
        if (!execution.Activities.TryGetValue(attributes.ActivityId, out var activity))
        {
            RecordDecisionFailure(context, DecisionKind.RequestCancelActivityTask, e => e.RequestCancelActivityTaskFailedEventAttributes = new()
            {
                ActivityId = attributes.ActivityId,
                Cause = RequestCancelActivityTaskFailedCause.ActivityIdUnknown,
                DecisionTaskCompletedEventId = context.CompletedEventId,
            });
            return;
        }

        var requestedEventId = Append(execution, EventType.ActivityTaskCancelRequested, e => e.ActivityTaskCancelRequestedEventAttributes = new()
        {
            ActivityId = attributes.ActivityId,
            DecisionTaskCompletedEventId = context.CompletedEventId,
        });
        activity.RequestCancel(requestedEventId);
        if (activity.Phase == ActivityTaskPhase.Scheduled)
        {
            ReportActivityClosed(activity, EventType.ActivityTaskCanceled, e => e.ActivityTaskCanceledEventAttributes = new()
            {
                ScheduledEventId = activity.ScheduledEventId,
                StartedEventId = 0,
                LatestCancelRequestedEventId = requestedEventId,
            });
        }
    }
}
