using Swf.Exceptions;
using Swf.LocalEngine.State;
using Swf.LocalEngine.Wire;
using Swf.Model;
using Swf.Validation;

namespace Swf.LocalEngine;

public sealed partial class LocalSwfEngine
{
    /// <inheritdoc/>
    public async Task<PollForDecisionTaskResponse> PollForDecisionTaskAsync(PollForDecisionTaskRequest request, CancellationToken cancellationToken = default)
    {
        SwfRequestValidator.ThrowIfInvalid(request);
        if (!string.IsNullOrEmpty(request.NextPageToken))
        {
            // A later page of a task already handed out: no new task is started.
            return Locked(() => NextDecisionTaskPage(request));
        }

        var task = await PollAsync(
            request.Domain,
            request.TaskList.Name,
            decisions: true,
            request.Identity,
            queued => StartDecisionTask((DecisionTaskState)Polled(request, queued), request),
            () => new DecisionTask { StartedEventId = 0, PreviousStartedEventId = 0, Events = [] },
            cancellationToken).ConfigureAwait(false);
        return new PollForDecisionTaskResponse { DecisionTask = task };
    }

    /// <inheritdoc/>
    public Task<CountPendingDecisionTasksResponse> CountPendingDecisionTasksAsync(CountPendingDecisionTasksRequest request, CancellationToken cancellationToken = default) =>
        Read(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var domain = GetDomain(request.Domain);
            var count = domain.DecisionTaskLists.TryGetValue(request.TaskList.Name, out var queue) ? queue.PendingCount : 0;
            return new CountPendingDecisionTasksResponse { PendingTaskCount = new PendingTaskCount { Count = count, Truncated = false } };
        });

    /// <summary>
    /// Called when an event a decider must see was recorded. SWF keeps at most one decision task
    /// per run: none is added while one is scheduled (it will cover the new event), and one that is
    /// started is followed by a new one when it completes.
    /// </summary>
    private void NotifyDecider(ExecutionState execution)
    {
        if (execution.NoteEventForDecider())
        {
            ScheduleDecisionTask(execution);
        }
    }

    private void ScheduleDecisionTask(ExecutionState execution)
    {
        var taskList = execution.TaskListOverride ?? execution.Settings.TaskList;
        var scheduleToStart = execution.TaskListOverride is null ? null : execution.TaskListOverrideScheduleToStart;
        var scheduledEventId = Append(execution, EventType.DecisionTaskScheduled, e => e.DecisionTaskScheduledEventAttributes = new()
        {
            TaskList = new TaskList { Name = taskList },
            TaskPriority = Durations.FormatPriority(execution.Settings.TaskPriority),
            StartToCloseTimeout = execution.Settings.TaskStartToCloseTimeout,
            ScheduleToStartTimeout = scheduleToStart is { } timeout ? Durations.Format(timeout) : null,
        });
        var task = new DecisionTaskState
        {
            Execution = execution,
            TaskList = taskList,
            Priority = execution.Settings.TaskPriority,
            Sequence = NextSequence(),
            ScheduledEventId = scheduledEventId,
            ScheduleToStartTimeout = scheduleToStart,
        };
        execution.ScheduleDecisionTask(task);
        if (scheduleToStart is { } due)
        {
            task.ArmTimeout(Schedule(due, () => DecisionTaskScheduleToStartTimedOut(task)));
        }

        execution.Domain.DecisionQueue(taskList).Enqueue(task);
    }

    private DecisionTask StartDecisionTask(DecisionTaskState task, PollForDecisionTaskRequest request)
    {
        var execution = task.Execution;

        // Everything that can fail is worked out before the first change.
        var startToClose = Durations.Parse(execution.Settings.TaskStartToCloseTimeout);
        var pageSize = PageSize(request.MaximumPageSize);
        var startedEventId = Append(execution, EventType.DecisionTaskStarted, e => e.DecisionTaskStartedEventAttributes = new()
        {
            Identity = request.Identity,
            ScheduledEventId = task.ScheduledEventId,
        });
        var token = NewToken("d");
        task.Start(startedEventId, token);
        _decisionTokens.Add(token, task);
        _undo.Record(() => _decisionTokens.Remove(token));
        Step("token:decision");
        if (startToClose is { } timeout)
        {
            task.ArmTimeout(Schedule(timeout, () => DecisionTaskStartToCloseTimedOut(task)));
        }

        return DecisionTaskPage(
            execution,
            token,
            startedEventId,
            execution.PreviousStartedEventId,
            request.StartAtPreviousStartedEvent == true,
            request.ReverseOrder == true,
            cursor: null,
            pageSize);
    }

    /// <summary>
    /// Builds one page of a decision task. The task's history ends at its DecisionTaskStarted event;
    /// with startAtPreviousStartedEvent it begins after the previous completed task's started event.
    /// </summary>
    private DecisionTask DecisionTaskPage(ExecutionState execution, string token, long startedEventId, long previousStartedEventId, bool startAtPrevious, bool reverse, long? cursor, int size)
    {
        var low = startAtPrevious && previousStartedEventId > 0 ? previousStartedEventId + 1 : 1;
        var high = startedEventId;
        var (events, next) = SliceHistory(execution, low, high, cursor ?? (reverse ? high : low), reverse, size);
        return new DecisionTask
        {
            TaskToken = token,
            StartedEventId = startedEventId,
            PreviousStartedEventId = previousStartedEventId,
            WorkflowExecution = execution.ToWorkflowExecution(),
            WorkflowType = execution.ToWorkflowType(),
            Events = events,
            NextPageToken = next is { } n
                ? PageToken.Encode(
                    DecisionPageKind(reverse),
                    Now,
                    execution.RunId,
                    token,
                    PageToken.Format(startedEventId),
                    PageToken.Format(previousStartedEventId),
                    startAtPrevious ? "1" : "0",
                    PageToken.Format(n))
                : null,
        };
    }

    private static string DecisionPageKind(bool reverse) => reverse ? "decisionTask:desc" : "decisionTask:asc";

    private PollForDecisionTaskResponse NextDecisionTaskPage(PollForDecisionTaskRequest request)
    {
        var reverse = request.ReverseOrder == true;
        var parts = PageToken.Decode(request.NextPageToken!, DecisionPageKind(reverse), Now, 6);
        var domain = GetDomain(request.Domain);
        if (!domain.Executions.TryGetValue(parts[0], out var execution))
        {
            throw new UnknownResourceException($"Unknown execution: runId={parts[0]}");
        }

        var startedEventId = PageToken.ParseLong(parts[2]);
        if (startedEventId < 1 || startedEventId > execution.History.Count)
        {
            throw PageToken.Invalid();
        }

        var task = DecisionTaskPage(
            execution,
            parts[1],
            startedEventId,
            PageToken.ParseLong(parts[3]),
            parts[4] == "1",
            reverse,
            PageToken.ParseLong(parts[5]),
            PageSize(request.MaximumPageSize));
        return new PollForDecisionTaskResponse { DecisionTask = task };
    }

    /// <summary>Ends a decision task: its token stops working and it leaves its task list.</summary>
    private void FinishDecisionTask(DecisionTaskState task)
    {
        task.Finish();
        if (task.Token is not null)
        {
            var token = task.Token;
            if (_decisionTokens.Remove(token))
            {
                _undo.Record(() => _decisionTokens.Add(token, task));
            }
        }
    }

    /// <summary>
    /// A started decision task was not completed in time. SWF records DecisionTaskTimedOut and
    /// schedules a new task; the old token then fails.
    /// </summary>
    /// <remarks>
    /// The timed-out task counts as not processed: previousStartedEventId stays at the started
    /// event of the last task a decider completed, so the next decider sees the timed-out task's
    /// events as new (SWF's documentation leaves this open; this is the only reading under which a
    /// decider that resumes from previousStartedEventId never misses an event).
    /// </remarks>
    private void DecisionTaskStartToCloseTimedOut(DecisionTaskState task)
    {
        var execution = task.Execution;
        if (task.Phase != DecisionTaskPhase.Started || !execution.IsOpen)
        {
            return;
        }

        Append(execution, EventType.DecisionTaskTimedOut, e => e.DecisionTaskTimedOutEventAttributes = new()
        {
            TimeoutType = DecisionTaskTimeoutType.StartToClose,
            ScheduledEventId = task.ScheduledEventId,
            StartedEventId = task.StartedEventId,
        });
        FinishDecisionTask(task);
        ScheduleDecisionTask(execution);
    }

    /// <summary>
    /// A decision task on a temporary task list override was not picked up in time: it times out
    /// (SCHEDULE_TO_START), the override ends, and the task is scheduled again on the run's own list.
    /// </summary>
    private void DecisionTaskScheduleToStartTimedOut(DecisionTaskState task)
    {
        var execution = task.Execution;
        if (task.Phase != DecisionTaskPhase.Scheduled || !execution.IsOpen)
        {
            return;
        }

        Append(execution, EventType.DecisionTaskTimedOut, e => e.DecisionTaskTimedOutEventAttributes = new()
        {
            TimeoutType = DecisionTaskTimeoutType.ScheduleToStart,
            ScheduledEventId = task.ScheduledEventId,
            StartedEventId = 0,
        });
        FinishDecisionTask(task);
        execution.EndTaskListOverride();
        ScheduleDecisionTask(execution);
    }
}
