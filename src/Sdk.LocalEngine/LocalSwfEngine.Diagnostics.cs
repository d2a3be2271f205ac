using System.Globalization;
using System.Text;
using System.Text.Json;
using Swf.LocalEngine.State;
using Swf.Serialization;

namespace Swf.LocalEngine;

/// <content>What tests use to prove that a failed call changed nothing: a fault hook and a full dump of the state.</content>
public sealed partial class LocalSwfEngine
{
    /// <summary>
    /// Gets or sets a hook called at each step of applying a call (each event appended, each decision
    /// of a batch, each task token handed out, each timer or timeout scheduled), with the step's name
    /// such as <c>append:MarkerRecorded</c> or <c>decision:2:StartTimer</c>. A test makes it throw to
    /// stand for a bug in the engine at that step; the call must then change nothing.
    /// </summary>
    internal Action<string>? FaultHook { get; set; }

    /// <summary>
    /// Describes everything the engine holds, in a stable order: domains, tags, types, task lists
    /// (waiting tasks by sequence, waiting pollers, reservations), runs (every field, open tasks,
    /// timers, children and the whole history as JSON), task tokens, scheduled timers and timeouts,
    /// and the counters that mint sequences and tokens. Two engines with equal descriptions answer
    /// every call the same way.
    /// </summary>
    internal string DescribeState()
    {
        // Under the lock but not as an engine call: describing must not run due timers.
        lock (_lock)
        {
            return Describe();
        }
    }

    private string Describe()
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        string Time(DateTimeOffset? at) => at?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "-";
        string Due(ScheduledAction? action) => action is null ? "-" : $"{Time(action.DueAt)}#{action.Sequence}{(action.IsCancelled ? "(cancelled)" : string.Empty)}";

        Line(string.Create(CultureInfo.InvariantCulture, $"sequence {_sequence} tokens {_tokenCounter}"));
        foreach (var action in _scheduled)
        {
            Line("scheduled " + Due(action));
        }

        foreach (var (token, task) in _decisionTokens.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            Line($"decision token {token} -> {task.Execution.RunId}#{task.ScheduledEventId}");
        }

        foreach (var (token, activity) in _activityTokens.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            Line($"activity token {token} -> {activity.Execution.RunId}/{activity.ActivityId}");
        }

        foreach (var domain in _domains.Values)
        {
            Line($"domain {domain.Name} {domain.Status} retention {domain.RetentionPeriodInDays} description {domain.Description}");
            foreach (var tag in domain.Tags)
            {
                Line($"  tag {tag.Key}={tag.Value}");
            }

            foreach (var type in domain.WorkflowTypes.Values)
            {
                Line($"  workflow type {type.Key} {type.Status} {type.CreationDate:O} {type.DeprecationDate:O} {type.DefaultExecutionStartToCloseTimeout} {type.DefaultTaskStartToCloseTimeout} {type.DefaultTaskList} {type.DefaultTaskPriority} {type.DefaultChildPolicy?.Value} {type.DefaultLambdaRole}");
            }

            foreach (var type in domain.ActivityTypes.Values)
            {
                Line($"  activity type {type.Key} {type.Status} {type.CreationDate:O} {type.DeprecationDate:O} {type.DefaultTaskScheduleToStartTimeout} {type.DefaultTaskScheduleToCloseTimeout} {type.DefaultTaskStartToCloseTimeout} {type.DefaultTaskHeartbeatTimeout} {type.DefaultTaskList} {type.DefaultTaskPriority}");
            }

            foreach (var (kind, queues) in new[] { ("decision", domain.DecisionTaskLists), ("activity", domain.ActivityTaskLists) })
            {
                foreach (var queue in queues.Values.OrderBy(q => q.Name, StringComparer.Ordinal))
                {
                    var tasks = string.Join(',', queue.Tasks.Select(t => t.Sequence.ToString(CultureInfo.InvariantCulture)));
                    Line(string.Create(CultureInfo.InvariantCulture, $"  {kind} list {queue.Name} tasks [{tasks}] pending {queue.PendingCount} waiters {queue.WaiterCount}"));
                }
            }

            foreach (var run in domain.Executions.Values.OrderBy(e => e.Sequence))
            {
                Line(string.Create(CultureInfo.InvariantCulture, $"  run {run.RunId} of {run.WorkflowId} #{run.Sequence} {run.Phase} {run.CloseStatus?.Value} {run.CloseTimestamp:O} open={domain.OpenByWorkflowId.TryGetValue(run.WorkflowId, out var open) && ReferenceEquals(open, run)}"));
                Line(string.Create(CultureInfo.InvariantCulture, $"    cancel {run.CancelRequested} previous {run.PreviousStartedEventId} unhandled {run.EventsSinceDecisionTaskStarted} batch {run.ApplyingDecisions}/{run.NeedsDecisionAfterBatch} override {run.TaskListOverride}/{run.TaskListOverrideScheduleToStart} context {run.LatestExecutionContext} latest {run.LatestActivityTaskTimestamp:O} timeout {Due(run.ExecutionTimeout)}"));
                if (run.DecisionTask is { } decision)
                {
                    Line(string.Create(CultureInfo.InvariantCulture, $"    decision task #{decision.Sequence} {decision.Phase} scheduled {decision.ScheduledEventId} started {decision.StartedEventId} token {decision.Token} on {decision.TaskList} timeout {Due(decision.Timeout)}"));
                }

                foreach (var activity in run.Activities.Values.OrderBy(a => a.ActivityId, StringComparer.Ordinal))
                {
                    var timeouts = string.Join(',', activity.Timeouts.OrderBy(t => t.Key.Value, StringComparer.Ordinal).Select(t => $"{t.Key.Value}@{Due(t.Value)}"));
                    Line(string.Create(CultureInfo.InvariantCulture, $"    activity {activity.ActivityId} #{activity.Sequence} {activity.Phase} scheduled {activity.ScheduledEventId} started {activity.StartedEventId} token {activity.Token} cancel {activity.CancelRequested}/{activity.LatestCancelRequestedEventId} heartbeat {activity.HeartbeatDetails} timeouts [{timeouts}]"));
                }

                foreach (var timer in run.Timers.Values.OrderBy(t => t.TimerId, StringComparer.Ordinal))
                {
                    Line(string.Create(CultureInfo.InvariantCulture, $"    timer {timer.TimerId} {timer.Phase} started {timer.StartedEventId} fires {Due(timer.Firing)}"));
                }

                foreach (var child in run.Children.Values.OrderBy(c => c.InitiatedEventId))
                {
                    Line(string.Create(CultureInfo.InvariantCulture, $"    child {child.InitiatedEventId} {child.WorkflowId} {child.Phase} run {child.Run?.RunId} started {child.StartedEventId}"));
                }

                foreach (var historyEvent in run.History)
                {
                    Line("    " + JsonSerializer.Serialize(historyEvent, SwfJsonContext.Default.HistoryEvent));
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Calls the fault hook, if a test set one.</summary>
    private void Step(string name) => FaultHook?.Invoke(name);
}
