using Swf.LocalEngine.State;
using Swf.LocalEngine.Wire;
using Swf.Model;

namespace Swf.LocalEngine;

public sealed partial class LocalSwfEngine
{
    private void StartTimer(DecisionContext context, StartTimerDecisionAttributes attributes)
    {
        var execution = context.Execution;
        void Fail(StartTimerFailedCause cause) =>
            RecordDecisionFailure(context, DecisionKind.StartTimer, e => e.StartTimerFailedEventAttributes = new()
            {
                TimerId = attributes.TimerId,
                Cause = cause,
                DecisionTaskCompletedEventId = context.CompletedEventId,
            });

        if (execution.Timers.ContainsKey(attributes.TimerId))
        {
            Fail(StartTimerFailedCause.TimerIdAlreadyInUse);
            return;
        }

        if (execution.Timers.Count >= _options.MaxOpenTimers)
        {
            Fail(StartTimerFailedCause.OpenTimersLimitExceeded);
            return;
        }

        var startToFire = Durations.Parse(attributes.StartToFireTimeout)!.Value;
        var startedEventId = Append(execution, EventType.TimerStarted, e => e.TimerStartedEventAttributes = new()
        {
            TimerId = attributes.TimerId,
            Control = attributes.Control,
            StartToFireTimeout = attributes.StartToFireTimeout,
            DecisionTaskCompletedEventId = context.CompletedEventId,
        });
        var timer = new TimerState { TimerId = attributes.TimerId, StartedEventId = startedEventId, Undo = _undo };
        execution.AddTimer(timer);
        timer.Arm(Schedule(startToFire, () => FireTimer(execution, timer)));
    }

    private void FireTimer(ExecutionState execution, TimerState timer)
    {
        if (!execution.IsOpen || !execution.Timers.TryGetValue(timer.TimerId, out var current) || !ReferenceEquals(current, timer))
        {
            return;
        }

        execution.RemoveTimer(timer);
        timer.Fire();
        Append(execution, EventType.TimerFired, e => e.TimerFiredEventAttributes = new() { TimerId = timer.TimerId, StartedEventId = timer.StartedEventId });
        NotifyDecider(execution);
    }

    private void CancelTimer(DecisionContext context, CancelTimerDecisionAttributes attributes)
    {
        var execution = context.Execution;
        if (!execution.Timers.TryGetValue(attributes.TimerId, out var timer))
        {
            RecordDecisionFailure(context, DecisionKind.CancelTimer, e => e.CancelTimerFailedEventAttributes = new()
            {
                TimerId = attributes.TimerId,
                Cause = CancelTimerFailedCause.TimerIdUnknown,
                DecisionTaskCompletedEventId = context.CompletedEventId,
            });
            return;
        }

        execution.RemoveTimer(timer);
        timer.Cancel();
        Append(execution, EventType.TimerCanceled, e => e.TimerCanceledEventAttributes = new()
        {
            TimerId = timer.TimerId,
            StartedEventId = timer.StartedEventId,
            DecisionTaskCompletedEventId = context.CompletedEventId,
        });
    }
}
