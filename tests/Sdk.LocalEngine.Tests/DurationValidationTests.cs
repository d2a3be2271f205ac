using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

/// <summary>
/// Every duration member of every operation and decision (the model's DurationInSeconds and
/// DurationInSecondsOptional shapes) refuses a value that is not whole seconds up to a year, or
/// NONE where NONE is allowed, with a ValidationException naming the member, before anything is
/// recorded or journaled. An empty string used to pass, and the engine then failed on it after
/// recording events, journaled the request anyway and could never replay its journal again.
/// </summary>
public sealed class DurationValidationTests
{
    private const string Decision1 = "decisions.1.member.";

    /// <summary>Values no duration member takes.</summary>
    private static readonly string[] Invalid = [string.Empty, " ", "ten", "-1", "1.5", "31536001"];

    /// <summary>Each duration member: its path as SWF names it, whether it takes NONE, and how to send a value in it.</summary>
    private static readonly Dictionary<string, (bool TakesNone, Func<EngineHarness, DecisionTask, string, Task> Send)> Members = new()
    {
        ["defaultTaskStartToCloseTimeout (RegisterActivityType)"] = (true, (h, t, v) => RegisterActivity(h, r => r.DefaultTaskStartToCloseTimeout = v)),
        ["defaultTaskHeartbeatTimeout"] = (true, (h, t, v) => RegisterActivity(h, r => r.DefaultTaskHeartbeatTimeout = v)),
        ["defaultTaskScheduleToStartTimeout"] = (true, (h, t, v) => RegisterActivity(h, r => r.DefaultTaskScheduleToStartTimeout = v)),
        ["defaultTaskScheduleToCloseTimeout"] = (true, (h, t, v) => RegisterActivity(h, r => r.DefaultTaskScheduleToCloseTimeout = v)),
        ["defaultTaskStartToCloseTimeout (RegisterWorkflowType)"] = (true, (h, t, v) => RegisterWorkflow(h, r => r.DefaultTaskStartToCloseTimeout = v)),
        ["defaultExecutionStartToCloseTimeout"] = (false, (h, t, v) => RegisterWorkflow(h, r => r.DefaultExecutionStartToCloseTimeout = v)),
        ["executionStartToCloseTimeout"] = (false, (h, t, v) => h.StartAsync("wf-2", configure: r => r.ExecutionStartToCloseTimeout = v)),
        ["taskStartToCloseTimeout"] = (true, (h, t, v) => h.StartAsync("wf-2", configure: r => r.TaskStartToCloseTimeout = v)),
        ["taskListScheduleToStartTimeout"] = (true, (h, t, v) => Respond(h, t, r => (r.TaskList, r.TaskListScheduleToStartTimeout) = (new TaskList { Name = "sticky" }, v))),
        [Decision1 + "scheduleActivityTaskDecisionAttributes.scheduleToCloseTimeout"] = (true, (h, t, v) => Decide(h, t, D.ScheduleActivity("a", configure: a => a.ScheduleToCloseTimeout = v))),
        [Decision1 + "scheduleActivityTaskDecisionAttributes.scheduleToStartTimeout"] = (true, (h, t, v) => Decide(h, t, D.ScheduleActivity("a", configure: a => a.ScheduleToStartTimeout = v))),
        [Decision1 + "scheduleActivityTaskDecisionAttributes.startToCloseTimeout"] = (true, (h, t, v) => Decide(h, t, D.ScheduleActivity("a", configure: a => a.StartToCloseTimeout = v))),
        [Decision1 + "scheduleActivityTaskDecisionAttributes.heartbeatTimeout"] = (true, (h, t, v) => Decide(h, t, D.ScheduleActivity("a", configure: a => a.HeartbeatTimeout = v))),
        [Decision1 + "continueAsNewWorkflowExecutionDecisionAttributes.executionStartToCloseTimeout"] = (false, (h, t, v) => Decide(h, t, D.ContinueAsNew(configure: a => a.ExecutionStartToCloseTimeout = v))),
        [Decision1 + "continueAsNewWorkflowExecutionDecisionAttributes.taskStartToCloseTimeout"] = (true, (h, t, v) => Decide(h, t, D.ContinueAsNew(configure: a => a.TaskStartToCloseTimeout = v))),
        [Decision1 + "startTimerDecisionAttributes.startToFireTimeout"] = (false, (h, t, v) => Decide(h, t, new Decision { DecisionType = DecisionType.StartTimer, StartTimerDecisionAttributes = new() { TimerId = "t", StartToFireTimeout = v } })),
        [Decision1 + "startChildWorkflowExecutionDecisionAttributes.executionStartToCloseTimeout"] = (false, (h, t, v) => Decide(h, t, D.StartChild("child", configure: a => a.ExecutionStartToCloseTimeout = v))),
        [Decision1 + "startChildWorkflowExecutionDecisionAttributes.taskStartToCloseTimeout"] = (true, (h, t, v) => Decide(h, t, D.StartChild("child", configure: a => a.TaskStartToCloseTimeout = v))),
        [Decision1 + "scheduleLambdaFunctionDecisionAttributes.startToCloseTimeout"] = (true, (h, t, v) => Decide(h, t, new Decision
        {
            DecisionType = DecisionType.ScheduleLambdaFunction,
            ScheduleLambdaFunctionDecisionAttributes = new() { Id = "l", Name = "f", StartToCloseTimeout = v },
        })),
    };

    public static TheoryData<string, string> InvalidValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var (member, (takesNone, _)) in Members)
        {
            foreach (var value in takesNone ? Invalid : [.. Invalid, "NONE"])
            {
                data.Add(member, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public async Task Operation_InvalidDuration_IsValidationExceptionNamingTheMemberAndChangesNothing(string member, string value)
    {
        var journal = new MemoryJournal();
        using var h = await EngineHarness.CreateAsync(o => o.Journal = journal);
        var runId = await h.StartAsync();
        var task = await h.PollDecisionAsync();
        var history = await h.EventTypesAsync(runId);
        var journaled = journal.Entries.Count;

        var error = await Assert.ThrowsAsync<ValidationException>(() => Members[member].Send(h, task, value));

        var path = member.Split(' ')[0];
        Assert.Contains($"Value at '{path}' failed to satisfy constraint", error.Message, StringComparison.Ordinal);
        Assert.Equal(history, await h.EventTypesAsync(runId));
        Assert.Equal(journaled, journal.Entries.Count);

        // The decision task is still the decider's to complete.
        await h.RespondAsync(task, D.Complete());
        Assert.Equal(EventType.WorkflowExecutionCompleted.Value, (await h.EventTypesAsync(runId))[^1]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("31536000")]
    public async Task Decision_DurationAtTheLimits_IsAccepted(string value)
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();

        await h.DecideAsync(D.ScheduleActivity("a", configure: a => (a.ScheduleToCloseTimeout, a.HeartbeatTimeout) = (value, value)), new Decision
        {
            DecisionType = DecisionType.StartTimer,
            StartTimerDecisionAttributes = new() { TimerId = "t", StartToFireTimeout = value },
        });

        Assert.Contains(EventType.TimerStarted.Value, await h.EventTypesAsync(runId));
        Assert.Contains(EventType.ActivityTaskScheduled.Value, await h.EventTypesAsync(runId));
    }

    private static Task<RegisterActivityTypeResponse> RegisterActivity(EngineHarness h, Action<RegisterActivityTypeRequest> configure)
    {
        var request = new RegisterActivityTypeRequest { Domain = EngineHarness.Domain, Name = "Other", Version = "1" };
        configure(request);
        return h.Engine.RegisterActivityTypeAsync(request);
    }

    private static Task<RegisterWorkflowTypeResponse> RegisterWorkflow(EngineHarness h, Action<RegisterWorkflowTypeRequest> configure)
    {
        var request = new RegisterWorkflowTypeRequest { Domain = EngineHarness.Domain, Name = "Other", Version = "1" };
        configure(request);
        return h.Engine.RegisterWorkflowTypeAsync(request);
    }

    private static Task<RespondDecisionTaskCompletedResponse> Respond(EngineHarness h, DecisionTask task, Action<RespondDecisionTaskCompletedRequest> configure)
    {
        var request = new RespondDecisionTaskCompletedRequest { TaskToken = task.TaskToken! };
        configure(request);
        return h.Engine.RespondDecisionTaskCompletedAsync(request);
    }

    private static Task Decide(EngineHarness h, DecisionTask task, Decision decision) => h.RespondAsync(task, decision);
}
