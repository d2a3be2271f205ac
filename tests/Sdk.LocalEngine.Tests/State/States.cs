using Swf.LocalEngine.State;
using Swf.Model;

namespace Swf.LocalEngine.Tests.State;

/// <summary>Builds engine state objects directly, for the tests of their transitions.</summary>
internal static class States
{
    private static readonly DateTime At = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static ExecutionState Run(string runId = "r1")
    {
        var domain = new DomainState { Name = "d", RetentionPeriodInDays = "1", Undo = new UndoLog() };
        var run = new ExecutionState
        {
            Domain = domain,
            WorkflowId = "wf-1",
            RunId = runId,
            WorkflowType = new TypeKey("Wf", "1"),
            Settings = new ExecutionSettings
            {
                TaskList = "decisions",
                TaskPriority = 0,
                ExecutionStartToCloseTimeout = "60",
                TaskStartToCloseTimeout = "10",
                ChildPolicy = ChildPolicy.Terminate,
            },
            StartTimestamp = At,
            Sequence = 1,
        };
        domain.AddRun(run);
        run.Append(EventType.WorkflowExecutionStarted, At, _ => { });
        return run;
    }

    public static ActivityTaskState Activity(ExecutionState run, string activityId = "a1")
    {
        var scheduledEventId = run.Append(EventType.ActivityTaskScheduled, At, _ => { });
        var activity = new ActivityTaskState
        {
            Execution = run,
            TaskList = "activities",
            Priority = 0,
            Sequence = scheduledEventId,
            ActivityId = activityId,
            ActivityType = new TypeKey("Act", "1"),
            ScheduledEventId = scheduledEventId,
        };
        run.AddActivity(activity);
        return activity;
    }

    public static DecisionTaskState DecisionTask(ExecutionState run)
    {
        var scheduledEventId = run.Append(EventType.DecisionTaskScheduled, At, _ => { });
        var task = new DecisionTaskState { Execution = run, TaskList = "decisions", Priority = 0, Sequence = scheduledEventId, ScheduledEventId = scheduledEventId };
        run.ScheduleDecisionTask(task);
        return task;
    }
}
