using Swf.Exceptions;
using Swf.LocalEngine.State;
using Swf.Model;
using Swf.Validation;

namespace Swf.LocalEngine;

public sealed partial class LocalSwfEngine
{
    /// <inheritdoc/>
    public async Task<PollForActivityTaskResponse> PollForActivityTaskAsync(PollForActivityTaskRequest request, CancellationToken cancellationToken = default)
    {
        SwfRequestValidator.ThrowIfInvalid(request);
        var task = await PollAsync(
            request.Domain,
            request.TaskList.Name,
            decisions: false,
            request.Identity,
            queued => StartActivityTask((ActivityTaskState)Polled(request, queued), request.Identity),
            () => new ActivityTask { StartedEventId = 0 },
            cancellationToken).ConfigureAwait(false);
        return new PollForActivityTaskResponse { ActivityTask = task };
    }

    /// <inheritdoc/>
    public Task<CountPendingActivityTasksResponse> CountPendingActivityTasksAsync(CountPendingActivityTasksRequest request, CancellationToken cancellationToken = default) =>
        Read(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var domain = GetDomain(request.Domain);
            var count = domain.ActivityTaskLists.TryGetValue(request.TaskList.Name, out var queue) ? queue.PendingCount : 0;
            return new CountPendingActivityTasksResponse { PendingTaskCount = new PendingTaskCount { Count = count, Truncated = false } };
        });

    /// <inheritdoc/>
    public Task<RecordActivityTaskHeartbeatResponse> RecordActivityTaskHeartbeatAsync(RecordActivityTaskHeartbeatRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var activity = GetActivityByToken(request.TaskToken);
            activity.RecordHeartbeat(request.Details);
            if (activity.HeartbeatTimeout is { } timeout)
            {
                // Each heartbeat restarts the heartbeat timeout; it does not extend start-to-close.
                ArmActivityTimeout(activity, ActivityTaskTimeoutType.Heartbeat, timeout);
            }

            return new RecordActivityTaskHeartbeatResponse { ActivityTaskStatus = new ActivityTaskStatus { CancelRequested = activity.CancelRequested } };
        });

    /// <inheritdoc/>
    public Task<RespondActivityTaskCompletedResponse> RespondActivityTaskCompletedAsync(RespondActivityTaskCompletedRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var activity = GetActivityByToken(request.TaskToken);
            ReportActivityClosed(activity, EventType.ActivityTaskCompleted, e => e.ActivityTaskCompletedEventAttributes = new()
            {
                Result = request.Result,
                ScheduledEventId = activity.ScheduledEventId,
                StartedEventId = activity.StartedEventId,
            });
            return new RespondActivityTaskCompletedResponse();
        });

    /// <inheritdoc/>
    public Task<RespondActivityTaskFailedResponse> RespondActivityTaskFailedAsync(RespondActivityTaskFailedRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var activity = GetActivityByToken(request.TaskToken);
            ReportActivityClosed(activity, EventType.ActivityTaskFailed, e => e.ActivityTaskFailedEventAttributes = new()
            {
                Reason = request.Reason,
                Details = request.Details,
                ScheduledEventId = activity.ScheduledEventId,
                StartedEventId = activity.StartedEventId,
            });
            return new RespondActivityTaskFailedResponse();
        });

    /// <inheritdoc/>
    public Task<RespondActivityTaskCanceledResponse> RespondActivityTaskCanceledAsync(RespondActivityTaskCanceledRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var activity = GetActivityByToken(request.TaskToken);
            ReportActivityClosed(activity, EventType.ActivityTaskCanceled, e => e.ActivityTaskCanceledEventAttributes = new()
            {
                Details = request.Details,
                ScheduledEventId = activity.ScheduledEventId,
                StartedEventId = activity.StartedEventId,
                LatestCancelRequestedEventId = activity.LatestCancelRequestedEventId == 0 ? null : activity.LatestCancelRequestedEventId,
            });
            return new RespondActivityTaskCanceledResponse();
        });

    private ActivityTask StartActivityTask(ActivityTaskState activity, string? identity)
    {
        var execution = activity.Execution;
        var startedEventId = Append(execution, EventType.ActivityTaskStarted, e => e.ActivityTaskStartedEventAttributes = new()
        {
            Identity = identity,
            ScheduledEventId = activity.ScheduledEventId,
        });
        var token = NewToken("a");
        activity.Start(startedEventId, token);
        _activityTokens.Add(token, activity);
        _undo.Record(() => _activityTokens.Remove(token));
        Step("token:activity");
        if (activity.StartToCloseTimeout is { } startToClose)
        {
            ArmActivityTimeout(activity, ActivityTaskTimeoutType.StartToClose, startToClose);
        }

        if (activity.HeartbeatTimeout is { } heartbeat)
        {
            ArmActivityTimeout(activity, ActivityTaskTimeoutType.Heartbeat, heartbeat);
        }

        return new ActivityTask
        {
            TaskToken = token,
            ActivityId = activity.ActivityId,
            StartedEventId = activity.StartedEventId,
            WorkflowExecution = execution.ToWorkflowExecution(),
            ActivityType = new ActivityType { Name = activity.ActivityType.Name, Version = activity.ActivityType.Version },
            Input = activity.Input,
        };
    }

    /// <summary>Finds the started activity task of a token; a token of a closed task or run is unknown.</summary>
    private ActivityTaskState GetActivityByToken(string token) =>
        _activityTokens.TryGetValue(token, out var activity) && activity.Phase == ActivityTaskPhase.Started && activity.Execution.IsOpen
            ? activity
            : throw new UnknownResourceException("Unknown activity task: the task token is unknown, or its task or execution has closed.");

    private void ArmActivityTimeout(ActivityTaskState activity, ActivityTaskTimeoutType type, TimeSpan timeout) =>
        activity.ArmTimeout(type, Schedule(timeout, () => ActivityTimedOut(activity, type)));

    /// <summary>An activity timeout fired: ActivityTaskTimedOut (with the last heartbeat's details), then a decision task.</summary>
    private void ActivityTimedOut(ActivityTaskState activity, ActivityTaskTimeoutType type)
    {
        if (activity.Phase == ActivityTaskPhase.Closed || !activity.Execution.IsOpen)
        {
            return;
        }

        ReportActivityClosed(activity, EventType.ActivityTaskTimedOut, e => e.ActivityTaskTimedOutEventAttributes = new()
        {
            TimeoutType = type,
            ScheduledEventId = activity.ScheduledEventId,
            StartedEventId = activity.StartedEventId,
            Details = activity.HeartbeatDetails,
        });
    }

    /// <summary>Records how an activity task ended, ends it, and gives its run a decision task to react.</summary>
    private void ReportActivityClosed(ActivityTaskState activity, EventType type, Action<HistoryEvent> attributes)
    {
        Append(activity.Execution, type, attributes);
        CloseActivity(activity);
        NotifyDecider(activity.Execution);
    }

    /// <summary>Ends an activity task: it leaves its run, its task list and the token table, and its timeouts stop.</summary>
    private void CloseActivity(ActivityTaskState activity)
    {
        activity.Close();
        if (activity.Token is not null)
        {
            var token = activity.Token;
            if (_activityTokens.Remove(token))
            {
                _undo.Record(() => _activityTokens.Add(token, activity));
            }
        }
    }
}
