using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Swf.Exceptions;
using Swf.Model;
using Swf.Serialization;

namespace Swf.LocalEngine.Tests;

/// <summary>
/// A random but reproducible SWF workload for snapshot tests: starts, polls, decisions of every kind,
/// activity answers, signals, cancels, terminations, type deprecations and clock moves (timeouts,
/// timers, retention). Its choices depend only on its own seeded generator and what the engine
/// answered, so two copies (<see cref="Clone"/>) driving two engines in the same state make the same
/// calls; tokens are the only thing that differ between engines, and they are kept per copy.
/// </summary>
internal sealed class SnapshotWorkload
{
    public static readonly string[] Domains = ["d1", "d2"];
    private static readonly string[] WorkflowIds = ["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"];
    private static readonly string[] ActivityIds = ["a1", "a2", "a3"];
    private static readonly string[] TimerIds = ["t1", "t2"];

    private readonly List<(string Domain, string Token)> _decisionTasks = [];
    private readonly List<(string Domain, string Token)> _activityTasks = [];
    private ulong _random;
    private int _counter;

    public SnapshotWorkload(ulong seed) => _random = seed;

    /// <summary>Gets what the engine answered, one line per call, tokens left out.</summary>
    public StringBuilder Transcript { get; private set; } = new();

    /// <summary>Copies the workload's whole state; the copy goes on with an empty transcript.</summary>
    public SnapshotWorkload Clone()
    {
        var copy = new SnapshotWorkload(_random) { _counter = _counter };
        copy._decisionTasks.AddRange(_decisionTasks);
        copy._activityTasks.AddRange(_activityTasks);
        return copy;
    }

    public static async Task RegisterAsync(LocalSwfEngine engine)
    {
        foreach (var domain in Domains)
        {
            await engine.RegisterDomainAsync(new RegisterDomainRequest { Name = domain, WorkflowExecutionRetentionPeriodInDays = domain == "d1" ? "1" : "0" });
            await engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
            {
                Domain = domain,
                Name = "flow",
                Version = "1",
                DefaultTaskList = new TaskList { Name = "deciders" },
                DefaultExecutionStartToCloseTimeout = "7200",
                DefaultTaskStartToCloseTimeout = "30",
                DefaultChildPolicy = ChildPolicy.RequestCancel,
            });
            await engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest { Domain = domain, Name = "flow", Version = "2", Description = "no defaults" });
            await engine.RegisterActivityTypeAsync(new RegisterActivityTypeRequest
            {
                Domain = domain,
                Name = "work",
                Version = "1",
                DefaultTaskList = new TaskList { Name = "workers" },
                DefaultTaskScheduleToStartTimeout = "60",
                DefaultTaskScheduleToCloseTimeout = "600",
                DefaultTaskStartToCloseTimeout = "300",
                DefaultTaskHeartbeatTimeout = "45",
            });
        }
    }

    /// <summary>Takes one random step against the engine, moving its clock when the step is a clock move.</summary>
    public async Task StepAsync(LocalSwfEngine engine, FakeTimeProvider clock)
    {
        var domain = Next(5) == 0 ? "d2" : "d1";
        var roll = Next(100);
        try
        {
            switch (roll)
            {
                case < 14:
                    await StartAsync(engine, domain);
                    break;
                case < 45:
                    // Usually a decider answers what it just took; now and then it holds a task, so some are out at any time.
                    if (await PollDecisionAsync(engine, domain) && Next(5) != 0)
                    {
                        await DecideAsync(engine, _decisionTasks.Count - 1);
                    }

                    break;
                case < 52:
                    await DecideAsync(engine, _decisionTasks.Count == 0 ? -1 : Next(_decisionTasks.Count));
                    break;
                case < 72:
                    if (await PollActivityAsync(engine, domain) && Next(2) != 0)
                    {
                        await AnswerActivityAsync(engine, _activityTasks.Count - 1);
                    }

                    break;
                case < 79:
                    await AnswerActivityAsync(engine, _activityTasks.Count == 0 ? -1 : Next(_activityTasks.Count));
                    break;
                case < 84:
                    await engine.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = domain, WorkflowId = Pick(WorkflowIds), SignalName = "poke", Input = Name("s") });
                    Log("signal ok");
                    break;
                case < 86:
                    await engine.RequestCancelWorkflowExecutionAsync(new RequestCancelWorkflowExecutionRequest { Domain = domain, WorkflowId = Pick(WorkflowIds) });
                    Log("cancel ok");
                    break;
                case < 87:
                    await engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = domain, WorkflowId = Pick(WorkflowIds), Reason = "test", ChildPolicy = Next(2) == 0 ? ChildPolicy.Terminate : null });
                    Log("terminate ok");
                    break;
                case < 88:
                    await ToggleTypeAsync(engine, domain);
                    break;
                case < 89:
                    var arn = (await engine.DescribeDomainAsync(new DescribeDomainRequest { Name = domain })).DomainDetail.DomainInfo.Arn!;
                    await engine.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new ResourceTag { Key = Pick(["team", "env"]), Value = Name("v") }] });
                    Log("tag ok");
                    break;
                default:
                    var seconds = Next(20) switch { < 14 => 1 + Next(10), < 19 => 10 + Next(110), _ => 3600 * (1 + Next(30)) };
                    clock.Advance(TimeSpan.FromSeconds(seconds));
                    Log($"advance {seconds}");
                    break;
            }
        }
        catch (SwfException ex)
        {
            Log($"fault {ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task StartAsync(LocalSwfEngine engine, string domain)
    {
        var request = new StartWorkflowExecutionRequest
        {
            Domain = domain,
            WorkflowId = Pick(WorkflowIds),
            WorkflowType = new WorkflowType { Name = "flow", Version = Next(5) == 0 ? "2" : "1" },
            Input = Name("in"),
            TagList = Next(2) == 0 ? [Pick(["red", "blue"])] : null,
            TaskPriority = Next(3) == 0 ? Next(10).ToString(CultureInfo.InvariantCulture) : null,
        };
        if (Next(4) == 0)
        {
            // Type 2 has no defaults: these make it start; on type 1 they override.
            request.ExecutionStartToCloseTimeout = (60 + Next(3600)).ToString(CultureInfo.InvariantCulture);
            request.TaskStartToCloseTimeout = (5 + Next(60)).ToString(CultureInfo.InvariantCulture);
            request.TaskList = new TaskList { Name = "deciders" };
            request.ChildPolicy = Pick([ChildPolicy.Terminate, ChildPolicy.Abandon, ChildPolicy.RequestCancel]);
        }

        var run = await engine.StartWorkflowExecutionAsync(request);
        Log($"started {request.WorkflowId} {run.Run.RunId}");
    }

    private async Task<bool> PollDecisionAsync(LocalSwfEngine engine, string domain)
    {
        var task = (await engine.PollForDecisionTaskAsync(new PollForDecisionTaskRequest
        {
            Domain = domain,
            TaskList = new TaskList { Name = Next(5) == 0 ? "sticky" : "deciders" },
            Identity = "decider",
            StartAtPreviousStartedEvent = Next(2) == 0,
            ReverseOrder = Next(4) == 0,
        })).DecisionTask;
        if (string.IsNullOrEmpty(task.TaskToken))
        {
            Log("decision poll empty");
            return false;
        }

        _decisionTasks.Add((domain, task.TaskToken));
        Log($"decision task {task.WorkflowExecution!.WorkflowId} {task.StartedEventId} {task.PreviousStartedEventId} {Events(task.Events!)}");
        return true;
    }

    private async Task DecideAsync(LocalSwfEngine engine, int index)
    {
        if (index < 0)
        {
            Log("no decision task held");
            return;
        }

        var (_, token) = _decisionTasks[index];
        _decisionTasks.RemoveAt(index);
        var decisions = new List<Decision>();
        for (var i = Next(4); i > 0; i--)
        {
            decisions.Add(OpenDecision());
        }

        if (Next(6) == 0)
        {
            decisions.Add(ClosingDecision());
        }

        var request = new RespondDecisionTaskCompletedRequest { TaskToken = token, Decisions = decisions, ExecutionContext = Next(3) == 0 ? Name("ctx") : null };
        if (Next(5) == 0)
        {
            request.TaskList = new TaskList { Name = "sticky" };
            request.TaskListScheduleToStartTimeout = Next(2) == 0 ? (1 + Next(10)).ToString(CultureInfo.InvariantCulture) : null;
        }

        await engine.RespondDecisionTaskCompletedAsync(request);
        Log($"decided {string.Join(",", decisions.Select(d => d.DecisionType.Value))}");
    }

    private Decision OpenDecision() => Next(10) switch
    {
        0 or 1 or 2 => new Decision
        {
            DecisionType = DecisionType.ScheduleActivityTask,
            ScheduleActivityTaskDecisionAttributes = new ScheduleActivityTaskDecisionAttributes
            {
                ActivityType = new ActivityType { Name = "work", Version = "1" },
                ActivityId = Pick(ActivityIds),
                Input = Name("act"),
                TaskList = Next(3) == 0 ? new TaskList { Name = "slow" } : null,
                HeartbeatTimeout = Next(3) == 0 ? "NONE" : null,
                ScheduleToStartTimeout = Next(3) == 0 ? (1 + Next(30)).ToString(CultureInfo.InvariantCulture) : null,
                TaskPriority = Next(3) == 0 ? Next(5).ToString(CultureInfo.InvariantCulture) : null,
            },
        },
        3 or 4 => new Decision
        {
            DecisionType = DecisionType.StartTimer,
            StartTimerDecisionAttributes = new StartTimerDecisionAttributes { TimerId = Pick(TimerIds), StartToFireTimeout = (1 + Next(Next(2) == 0 ? 60 : 100_000)).ToString(CultureInfo.InvariantCulture) },
        },
        5 => new Decision { DecisionType = DecisionType.CancelTimer, CancelTimerDecisionAttributes = new CancelTimerDecisionAttributes { TimerId = Pick(TimerIds) } },
        6 => new Decision { DecisionType = DecisionType.RequestCancelActivityTask, RequestCancelActivityTaskDecisionAttributes = new RequestCancelActivityTaskDecisionAttributes { ActivityId = Pick(ActivityIds) } },
        7 => new Decision { DecisionType = DecisionType.RecordMarker, RecordMarkerDecisionAttributes = new RecordMarkerDecisionAttributes { MarkerName = "m", Details = Name("d") } },
        8 => Next(2) == 0
            ? new Decision
            {
                DecisionType = DecisionType.SignalExternalWorkflowExecution,
                SignalExternalWorkflowExecutionDecisionAttributes = new SignalExternalWorkflowExecutionDecisionAttributes { WorkflowId = Pick(WorkflowIds), SignalName = "ext", Input = Name("x") },
            }
            : new Decision
            {
                DecisionType = DecisionType.RequestCancelExternalWorkflowExecution,
                RequestCancelExternalWorkflowExecutionDecisionAttributes = new RequestCancelExternalWorkflowExecutionDecisionAttributes { WorkflowId = Pick(WorkflowIds) },
            },
        _ => new Decision
        {
            DecisionType = DecisionType.StartChildWorkflowExecution,
            StartChildWorkflowExecutionDecisionAttributes = new StartChildWorkflowExecutionDecisionAttributes
            {
                WorkflowType = new WorkflowType { Name = "flow", Version = "1" },
                WorkflowId = Pick(WorkflowIds),
                Input = Name("child"),
                ChildPolicy = Next(2) == 0 ? ChildPolicy.Terminate : null,
            },
        },
    };

    private Decision ClosingDecision() => Next(5) switch
    {
        0 or 1 => new Decision { DecisionType = DecisionType.CompleteWorkflowExecution, CompleteWorkflowExecutionDecisionAttributes = new CompleteWorkflowExecutionDecisionAttributes { Result = Name("r") } },
        2 => new Decision { DecisionType = DecisionType.FailWorkflowExecution, FailWorkflowExecutionDecisionAttributes = new FailWorkflowExecutionDecisionAttributes { Reason = "no", Details = Name("f") } },
        3 => new Decision { DecisionType = DecisionType.CancelWorkflowExecution, CancelWorkflowExecutionDecisionAttributes = new CancelWorkflowExecutionDecisionAttributes { Details = "c" } },
        _ => new Decision
        {
            DecisionType = DecisionType.ContinueAsNewWorkflowExecution,
            ContinueAsNewWorkflowExecutionDecisionAttributes = new ContinueAsNewWorkflowExecutionDecisionAttributes { Input = Name("next"), TagList = Next(2) == 0 ? ["again"] : null },
        },
    };

    private async Task<bool> PollActivityAsync(LocalSwfEngine engine, string domain)
    {
        var task = (await engine.PollForActivityTaskAsync(new PollForActivityTaskRequest { Domain = domain, TaskList = new TaskList { Name = Next(4) == 0 ? "slow" : "workers" }, Identity = "worker" })).ActivityTask;
        if (string.IsNullOrEmpty(task.TaskToken))
        {
            Log("activity poll empty");
            return false;
        }

        _activityTasks.Add((domain, task.TaskToken));
        Log($"activity task {task.WorkflowExecution!.WorkflowId} {task.ActivityId} {task.StartedEventId} {task.Input}");
        return true;
    }

    private async Task AnswerActivityAsync(LocalSwfEngine engine, int index)
    {
        if (index < 0)
        {
            Log("no activity task held");
            return;
        }

        var (_, token) = _activityTasks[index];
        switch (Next(6))
        {
            case 0 or 1:
                var status = await engine.RecordActivityTaskHeartbeatAsync(new RecordActivityTaskHeartbeatRequest { TaskToken = token, Details = Name("hb") });
                Log($"heartbeat cancelRequested={status.ActivityTaskStatus.CancelRequested}");
                return;
            case 2:
                _activityTasks.RemoveAt(index);
                await engine.RespondActivityTaskFailedAsync(new RespondActivityTaskFailedRequest { TaskToken = token, Reason = "boom", Details = Name("e") });
                break;
            case 3:
                _activityTasks.RemoveAt(index);
                await engine.RespondActivityTaskCanceledAsync(new RespondActivityTaskCanceledRequest { TaskToken = token, Details = "stopped" });
                break;
            default:
                _activityTasks.RemoveAt(index);
                await engine.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = token, Result = Name("done") });
                break;
        }

        Log("activity answered");
    }

    private async Task ToggleTypeAsync(LocalSwfEngine engine, string domain)
    {
        var type = new ActivityType { Name = "work", Version = "1" };
        var detail = await engine.DescribeActivityTypeAsync(new DescribeActivityTypeRequest { Domain = domain, ActivityType = type });
        if (detail.ActivityTypeDetail.TypeInfo.Status == RegistrationStatus.Registered)
        {
            await engine.DeprecateActivityTypeAsync(new DeprecateActivityTypeRequest { Domain = domain, ActivityType = type });
        }
        else
        {
            await engine.UndeprecateActivityTypeAsync(new UndeprecateActivityTypeRequest { Domain = domain, ActivityType = type });
        }

        Log("type toggled");
    }

    private static string Events(List<HistoryEvent> events) =>
        string.Join(";", events.Select(e => JsonSerializer.Serialize(e, SwfJsonContext.Default.HistoryEvent)));

    private void Log(string line) => Transcript.AppendLine(line);

    private string Name(string prefix) => prefix + (++_counter).ToString(CultureInfo.InvariantCulture);

    private T Pick<T>(T[] items) => items[Next(items.Length)];

    /// <summary>SplitMix64: a generator whose whole state is one number, so that a copy goes on identically.</summary>
    private int Next(int bound)
    {
        _random += 0x9E3779B97F4A7C15UL;
        var z = _random;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z % (ulong)bound);
    }
}
