using Swf.Model;

namespace Swf.LocalEngine.Tests;

/// <summary>
/// Every call is all or nothing. A fault is injected at each step of applying a call in turn (each
/// event appended, each decision, each token, each timer scheduled, and the end of the call): the
/// call must fail with it, leave the engine's whole state exactly as before, journal nothing, and
/// then succeed when it is sent again.
/// </summary>
/// <remarks>
/// Before calls were atomic, an exception half-way through a decision batch left its first events
/// recorded with no decision task open, and one on the poll route left a DecisionTaskStarted with no
/// token handed out.
/// </remarks>
public sealed class AtomicityTests
{
    private const string Others = "others";
    private const string Kids = "kids";

    /// <summary>Each scenario prepares an engine and returns the call under test.</summary>
    private static readonly Dictionary<string, Func<EngineHarness, Task<Func<Task>>>> Scenarios = new()
    {
        ["RespondDecisionTaskCompleted with every kind of decision"] = async h =>
        {
            await StartTargetAsync(h);
            await h.StartAsync();
            await h.DecideAsync(D.ScheduleActivity("a0"), D.StartTimer("t0", 60), D.StartChild("kid", configure: c => c.TaskList = new TaskList { Name = Kids }));
            var task = await h.PollDecisionAsync();
            return () => h.RespondAsync(
                task,
                D.Marker("m", "details"),
                D.ScheduleActivity("a1", "input"),
                D.RequestCancelActivity("a0"),
                D.StartTimer("t1", 30),
                D.CancelTimer("t0"),
                D.SignalExternal("target", "ping", input: "x"),
                D.RequestCancelExternal("target"),
                D.StartChild("kid-2", configure: c => c.TaskList = new TaskList { Name = Kids }),
                D.ScheduleLambda("l", "f"),
                D.ScheduleActivity("a2", configure: a => a.ActivityType = new ActivityType { Name = "Missing", Version = "1" }),
                D.RequestCancelActivity("unknown"),
                D.CancelTimer("unknown"),
                D.ContinueAsNew("next"));
        },
        ["RespondDecisionTaskCompleted with a task list override"] = async h =>
        {
            await h.StartAsync();
            var task = await h.PollDecisionAsync();
            return () => h.Engine.RespondDecisionTaskCompletedAsync(new RespondDecisionTaskCompletedRequest
            {
                TaskToken = task.TaskToken!,
                ExecutionContext = "ctx",
                TaskList = new TaskList { Name = "sticky" },
                TaskListScheduleToStartTimeout = "5",
                Decisions = [D.StartTimer("t", 1)],
            });
        },
        ["RespondDecisionTaskCompleted of a child that completes"] = async h =>
        {
            await h.StartAsync("parent");
            await h.DecideAsync(D.StartChild("kid", configure: c => c.TaskList = new TaskList { Name = Kids }));
            var kid = await h.PollDecisionAsync(Kids);
            return () => h.RespondAsync(kid, D.Complete("done"));
        },
        ["PollForDecisionTask"] = async h =>
        {
            await h.StartAsync();
            return () => h.Engine.PollForDecisionTaskAsync(new PollForDecisionTaskRequest { Domain = EngineHarness.Domain, TaskList = new TaskList { Name = EngineHarness.DecisionList }, Identity = "d" });
        },
        ["PollForActivityTask"] = async h =>
        {
            await h.StartAsync();
            await h.DecideAsync(D.ScheduleActivity("a", configure: a => a.HeartbeatTimeout = "10"));
            return () => h.Engine.PollForActivityTaskAsync(new PollForActivityTaskRequest { Domain = EngineHarness.Domain, TaskList = new TaskList { Name = EngineHarness.ActivityList }, Identity = "w" });
        },
        ["StartWorkflowExecution"] = h => Task.FromResult<Func<Task>>(() => h.StartAsync("wf-new", "input", r => r.TagList = ["a", "b"])),
        ["SignalWorkflowExecution while the decider works"] = async h =>
        {
            await h.StartAsync();
            await h.PollDecisionAsync();
            return () => h.Engine.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1", SignalName = "s", Input = "i" });
        },
        ["RequestCancelWorkflowExecution"] = async h =>
        {
            await h.StartAsync();
            await h.DecideAsync(D.StartTimer("t", 60));
            return () => h.Engine.RequestCancelWorkflowExecutionAsync(new RequestCancelWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1" });
        },
        ["TerminateWorkflowExecution of a parent with open work"] = async h =>
        {
            await h.StartAsync("parent");
            await h.DecideAsync(D.StartChild("kid", configure: c => c.TaskList = new TaskList { Name = Kids }), D.ScheduleActivity("a"), D.StartTimer("t", 60));
            await h.PollActivityAsync();
            await h.PollDecisionAsync();
            return () => h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "parent", Reason = "r" });
        },
        ["RespondActivityTaskCompleted"] = async h =>
        {
            var token = await StartActivityAsync(h);
            return () => h.Engine.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = token, Result = "r" });
        },
        ["RespondActivityTaskFailed"] = async h =>
        {
            var token = await StartActivityAsync(h);
            return () => h.Engine.RespondActivityTaskFailedAsync(new RespondActivityTaskFailedRequest { TaskToken = token, Reason = "r", Details = "d" });
        },
        ["RespondActivityTaskCanceled"] = async h =>
        {
            var token = await StartActivityAsync(h);
            await h.Engine.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1", SignalName = "stop" });
            await h.DecideAsync(D.RequestCancelActivity("a"));
            return () => h.Engine.RespondActivityTaskCanceledAsync(new RespondActivityTaskCanceledRequest { TaskToken = token, Details = "d" });
        },
        ["RecordActivityTaskHeartbeat"] = async h =>
        {
            var token = await StartActivityAsync(h);
            return () => h.Engine.RecordActivityTaskHeartbeatAsync(new RecordActivityTaskHeartbeatRequest { TaskToken = token, Details = "50%" });
        },
        ["RegisterDomain"] = h => Task.FromResult<Func<Task>>(() =>
            h.Engine.RegisterDomainAsync(new RegisterDomainRequest { Name = "other", WorkflowExecutionRetentionPeriodInDays = "1", Tags = [new ResourceTag { Key = "k", Value = "v" }] })),
        ["RegisterWorkflowType"] = h => Task.FromResult<Func<Task>>(() =>
            h.Engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest { Domain = EngineHarness.Domain, Name = "Other", Version = "1" })),
        ["DeprecateWorkflowType"] = h => Task.FromResult<Func<Task>>(() =>
            h.Engine.DeprecateWorkflowTypeAsync(new DeprecateWorkflowTypeRequest { Domain = EngineHarness.Domain, WorkflowType = EngineHarness.Workflow })),
        ["DeleteActivityType"] = async h =>
        {
            await h.Engine.DeprecateActivityTypeAsync(new DeprecateActivityTypeRequest { Domain = EngineHarness.Domain, ActivityType = EngineHarness.Activity });
            return () => h.Engine.DeleteActivityTypeAsync(new DeleteActivityTypeRequest { Domain = EngineHarness.Domain, ActivityType = EngineHarness.Activity });
        },
        ["DeprecateDomain"] = h => Task.FromResult<Func<Task>>(() => h.Engine.DeprecateDomainAsync(new DeprecateDomainRequest { Name = EngineHarness.Domain })),
        ["TagResource"] = h => Task.FromResult<Func<Task>>(() => h.Engine.TagResourceAsync(new TagResourceRequest
        {
            ResourceArn = $"arn:aws:swf:us-east-1:123456789012:/domain/{EngineHarness.Domain}",
            Tags = [new ResourceTag { Key = "k", Value = "v" }],
        })),
    };

    public static TheoryData<string> ScenarioNames() => [.. Scenarios.Keys];

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public async Task Call_FaultAtAnyStep_ChangesNothingJournalsNothingAndSucceedsWhenSentAgain(string scenario)
    {
        var steps = await CountStepsAsync(scenario);
        Assert.True(steps.Count > 0, $"{scenario} has no step to fail at");

        for (var failAt = 1; failAt <= steps.Count; failAt++)
        {
            var journal = new MemoryJournal();
            using var h = await EngineHarness.CreateAsync(o => o.Journal = journal);
            var act = await Scenarios[scenario](h);
            var before = h.Engine.DescribeState();
            var journaled = journal.Entries.Count;
            var seen = 0;
            h.Engine.FaultHook = step =>
            {
                if (++seen == failAt)
                {
                    throw new InjectedFaultException(step);
                }
            };

            var fault = await Assert.ThrowsAsync<InjectedFaultException>(act);

            Assert.Equal(steps[failAt - 1], fault.Message);
            var after = h.Engine.DescribeState();
            Assert.True(before == after, $"{scenario}: a fault at step {failAt} ({fault.Message}) left a change:\n{Diff(before, after)}");
            Assert.Equal(journaled, journal.Entries.Count);

            h.Engine.FaultHook = null;
            await act();
            Assert.Equal(journaled + 1, journal.Entries.Count);
        }
    }

    private static async Task<List<string>> CountStepsAsync(string scenario)
    {
        using var h = await EngineHarness.CreateAsync();
        var act = await Scenarios[scenario](h);
        var steps = new List<string>();
        h.Engine.FaultHook = steps.Add;
        await act();
        return steps;
    }

    private static async Task StartTargetAsync(EngineHarness h) =>
        await h.StartAsync("target", configure: r => r.TaskList = new TaskList { Name = Others });

    private static async Task<string> StartActivityAsync(EngineHarness h)
    {
        await h.StartAsync();
        await h.DecideAsync(D.ScheduleActivity("a", configure: a => a.HeartbeatTimeout = "10"));
        return (await h.PollActivityAsync()).TaskToken!;
    }

    private static string Diff(string before, string after)
    {
        var was = before.Split('\n');
        var now = after.Split('\n');
        return string.Join('\n', was.Except(now).Select(l => "- " + l).Concat(now.Except(was).Select(l => "+ " + l)));
    }

    private sealed class InjectedFaultException(string step) : Exception(step);
}
