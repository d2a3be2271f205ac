using System.Collections.Concurrent;
using Swf.Activities;
using Swf.Client;
using Swf.Exceptions;
using Swf.Hosting;
using Swf.Interceptors;
using Swf.Model;
using Swf.Payloads;
using Swf.Workflows;

namespace Swf.Testing.Tests.Interceptors;

public class InterceptorTests
{
    private static readonly WorkflowType Parent = new() { Name = "Parent", Version = "1" };
    private static readonly WorkflowType Child = new() { Name = "Child", Version = "1" };
    private static readonly ActivityType Echo = new() { Name = "Echo", Version = "1" };

    /// <summary>Runs an activity, then a child that runs one too, waits for a signal, then continues as new once.</summary>
    private sealed class ParentWorkflow
    {
        private string? _signal;

        public async Task<string?> RunAsync(string? input)
        {
            if (input == "second")
            {
                return "done";
            }

            await Workflow.ExecuteActivityAsync(Echo, "parent");
            await Workflow.ExecuteChildWorkflowAsync(Child, "child", new ChildWorkflowOptions { WorkflowId = "child-1" });
            await Workflow.WaitConditionAsync(() => _signal is not null);
            throw Workflow.ContinueAsNew("second");
        }

        public Task OnSignalAsync(string? input)
        {
            _signal = input;
            return Task.CompletedTask;
        }
    }

    private static void Configure(ISwfBuilder swf, Func<ActivityContext, string?, Task<string?>>? execute = null) => swf
        .AddWorkflow(new WorkflowDefinition
        {
            WorkflowType = Parent,
            DefaultTaskList = "decisions",
            DefaultExecutionStartToCloseTimeout = TimeSpan.FromDays(1),
            DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
            DefaultChildPolicy = ChildPolicy.Terminate,
            CreateInstance = () => new ParentWorkflow(),
            Run = (w, input) => ((ParentWorkflow)w).RunAsync(input),
            Signals = new Dictionary<string, Func<object, string?, Task>> { ["go"] = (w, input) => ((ParentWorkflow)w).OnSignalAsync(input) },
            Queries = new Dictionary<string, Func<object, string?>> { ["state"] = _ => "\"ok\"" },
        })
        .AddWorkflow(new WorkflowDefinition
        {
            WorkflowType = Child,
            DefaultTaskList = "decisions",
            DefaultExecutionStartToCloseTimeout = TimeSpan.FromDays(1),
            DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
            DefaultChildPolicy = ChildPolicy.Terminate,
            CreateInstance = () => new object(),
            Run = (_, input) => Workflow.ExecuteActivityAsync(Echo, input),
        })
        .AddActivities([new ActivityDefinition
        {
            ActivityType = Echo,
            DefaultTaskList = "activities",
            DefaultScheduleToStartTimeout = TimeSpan.FromMinutes(5),
            DefaultScheduleToCloseTimeout = TimeSpan.FromHours(1),
            DefaultStartToCloseTimeout = TimeSpan.FromMinutes(30),
            Execute = execute ?? ((_, input) => Task.FromResult(input)),
        }]);

    private static PayloadPipeline EncryptedWithClaimCheck()
    {
        var options = new PayloadPipelineOptions { Store = new InMemoryPayloadStore(), StoreThreshold = 10 };
        options.Codecs.Add(new CompressionPayloadCodec());
        options.Codecs.Add(new AesGcmPayloadCodec(new InMemoryEncryptionKeyProvider("k1", new Dictionary<string, byte[]> { ["k1"] = new byte[32] })));
        return new PayloadPipeline(options);
    }

    private static async Task RunParentAsync(SwfTestEnvironment env)
    {
        var handle = await env.Client.StartAsync(Parent, "parent-1", "first");
        await env.RunUntilIdleAsync();
        await handle.SignalAsync("go", "now");
        await env.RunUntilClosedAsync();
        Assert.Equal("done", await env.Client.GetHandle("parent-1").GetResultAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Headers_ClientToWorkflowToActivityToChild_ReachEveryInboundSide(bool encodedAndClaimChecked)
    {
        var tenant = new TenantInterceptor();
        var options = new SwfTestEnvironmentOptions { PayloadPipeline = encodedAndClaimChecked ? EncryptedWithClaimCheck() : null };
        options.Interceptors.Add(tenant);
        await using var intercepted = await SwfTestEnvironment.StartAsync(swf => Configure(swf), options: options);
        await RunParentAsync(intercepted);

        Assert.Equal(
            [
                "run Parent first tenant=acme",
                "activity Echo parent tenant=acme",
                "run Child child tenant=acme",
                "activity Echo child tenant=acme",
                "signal go now tenant=acme-signal",
                "run Parent second tenant=acme",
            ],
            tenant.Seen.Where(s => !s.StartsWith("query", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Headers_WithoutCodec_StayReadableInSwfHistory()
    {
        var options = new SwfTestEnvironmentOptions();
        options.Interceptors.Add(new TenantInterceptor());
        await using var env = await SwfTestEnvironment.StartAsync(swf => Configure(swf), options: options);

        await RunParentAsync(env);

        var history = await env.Engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
        {
            Domain = "test",
            Execution = new WorkflowExecution { WorkflowId = "parent-1", RunId = (await env.Client.GetHandle("parent-1").DescribeAsync()).ExecutionInfo.Execution.RunId },
        });
        var started = history.History.Events[0].WorkflowExecutionStartedEventAttributes!;
        Assert.Equal("{\"swf-payload\":1,\"headers\":{\"tenant\":\"acme\"},\"text\":\"second\"}", started.Input);
    }

    [Fact]
    public async Task Interceptors_TwoRegistered_FirstIsOutermost()
    {
        var log = new ConcurrentQueue<string>();
        var options = new SwfTestEnvironmentOptions();
        options.Interceptors.Add(new OrderInterceptor("A", log));
        await using var env = await SwfTestEnvironment.StartAsync(swf => Configure(swf.AddInterceptor(new OrderInterceptor("B", log))), options: options);

        await RunParentAsync(env);

        var calls = log.Distinct().ToList();
        Assert.Equal(["A start", "B start"], calls.Where(c => c.EndsWith(" start", StringComparison.Ordinal)));
        Assert.Equal(["A run", "B run"], calls.Where(c => c.EndsWith(" run", StringComparison.Ordinal)));
        Assert.Equal(["B activity", "A activity"], calls.Where(c => c.EndsWith(" activity", StringComparison.Ordinal)));
        Assert.Equal(["A execute", "B execute"], calls.Where(c => c.EndsWith(" execute", StringComparison.Ordinal)));
        Assert.Equal(["A signal", "B signal"], calls.Where(c => c.EndsWith(" signal", StringComparison.Ordinal)));
        Assert.Equal(["B child", "A child"], calls.Where(c => c.EndsWith(" child", StringComparison.Ordinal)));
        Assert.Equal(["B continue", "A continue"], calls.Where(c => c.EndsWith(" continue", StringComparison.Ordinal)));
        Assert.Equal(["A query", "B query"], calls.Where(c => c.EndsWith(" query", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ActivityInterceptor_Throws_FailsTheActivityLikeItsCode()
    {
        var options = new SwfTestEnvironmentOptions();
        options.Interceptors.Add(new ThrowingInterceptor(inWorkflow: false));
        await using var env = await SwfTestEnvironment.StartAsync(swf => Configure(swf), options: options);

        var error = await Assert.ThrowsAsync<WorkflowFailedException>(() => env.ExecuteWorkflowAsync(Child, "child-x", "x"));

        Assert.Contains("interceptor refused", error.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkflowInterceptor_Throws_FailsTheRunLikeItsCode()
    {
        var options = new SwfTestEnvironmentOptions();
        options.Interceptors.Add(new ThrowingInterceptor(inWorkflow: true));
        await using var env = await SwfTestEnvironment.StartAsync(swf => Configure(swf), options: options);

        var error = await Assert.ThrowsAsync<WorkflowFailedException>(() => env.ExecuteWorkflowAsync(Child, "child-x", "x"));

        Assert.Contains("interceptor refused", error.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContinueAsNewInterceptor_Throws_FailsTheDecisionTaskWithoutHanging()
    {
        var options = new SwfTestEnvironmentOptions();
        options.Interceptors.Add(new ThrowingContinueAsNew());
        await using var env = await SwfTestEnvironment.StartAsync(swf => Configure(swf), options: options);
        var handle = await env.Client.StartAsync(Parent, "parent-1", "first");
        await env.RunUntilIdleAsync();
        await handle.SignalAsync("go", "now");

        var error = await Assert.ThrowsAsync<WorkflowTaskFailedException>(env.RunUntilClosedAsync);

        Assert.Equal(handle.RunId, error.RunId);
        Assert.Contains("interceptor refused to continue", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutboundDelayAsync_ConditionWaitWithTimeout_SeesItsTimerAsWellAsTheWorkflowsOwn()
    {
        var waiter = new WorkflowType { Name = "Waiter", Version = "1" };
        var timers = new TimerLog();
        var options = new SwfTestEnvironmentOptions();
        options.Interceptors.Add(timers);
        await using var env = await SwfTestEnvironment.StartAsync(
            swf => swf.AddWorkflow(new WorkflowDefinition
            {
                WorkflowType = waiter,
                DefaultTaskList = "decisions",
                DefaultExecutionStartToCloseTimeout = TimeSpan.FromDays(1),
                DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
                DefaultChildPolicy = ChildPolicy.Terminate,
                CreateInstance = () => new object(),
                Run = async (_, _) =>
                {
                    var met = await Workflow.WaitConditionAsync(() => false, TimeSpan.FromHours(1));
                    await Workflow.DelayAsync(TimeSpan.FromMinutes(5), timerId: "pause");
                    return met ? "met" : "timed out";
                },
            }),
            options: options);

        Assert.Equal("timed out", await env.ExecuteWorkflowAsync(waiter, "waiter-1", null));

        Assert.Equal([(TimeSpan.FromHours(1), (string?)null), (TimeSpan.FromMinutes(5), "pause")], timers.Seen.Distinct());
    }

    /// <summary>Records every timer a workflow starts through the outbound chain.</summary>
    private sealed class TimerLog : IWorkflowInterceptor
    {
        public ConcurrentQueue<(TimeSpan Delay, string? TimerId)> Seen { get; } = new();

        public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new Inbound(nextInterceptor, this);

        private sealed class Inbound(WorkflowInboundInterceptor next, TimerLog log) : WorkflowInboundInterceptor(next)
        {
            public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new Outbound(outbound, log));
        }

        private sealed class Outbound(WorkflowOutboundInterceptor next, TimerLog log) : WorkflowOutboundInterceptor(next)
        {
            public override Task DelayAsync(StartTimerInput input)
            {
                log.Seen.Enqueue((input.Delay, input.TimerId));
                return base.DelayAsync(input);
            }
        }
    }

    private sealed class ThrowingContinueAsNew : IWorkflowInterceptor
    {
        public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new Inbound(nextInterceptor);

        private sealed class Inbound(WorkflowInboundInterceptor next) : WorkflowInboundInterceptor(next)
        {
            public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new Outbound(outbound));
        }

        private sealed class Outbound(WorkflowOutboundInterceptor next) : WorkflowOutboundInterceptor(next)
        {
            public override void ContinueAsNew(ContinueAsNewInput input) => throw new InvalidOperationException("interceptor refused to continue");
        }
    }

    /// <summary>Puts a tenant on client calls and passes it on from each run to what it schedules; records what inbound sides see.</summary>
    private sealed class TenantInterceptor : IClientInterceptor, IWorkflowInterceptor, IActivityInterceptor
    {
        public ConcurrentQueue<string> Seen { get; } = new();

        public ClientOutboundInterceptor InterceptClient(ClientOutboundInterceptor nextInterceptor) => new ClientSide(nextInterceptor);

        public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new WorkflowSide(nextInterceptor, this);

        public ActivityInboundInterceptor InterceptActivity(ActivityInboundInterceptor nextInterceptor) => new ActivitySide(nextInterceptor, this);

        private static string Tenant(IDictionary<string, string> headers) => headers.TryGetValue("tenant", out var t) ? t : "(none)";

        private sealed class ClientSide(ClientOutboundInterceptor next) : ClientOutboundInterceptor(next)
        {
            public override Task<WorkflowHandle> StartWorkflowAsync(StartWorkflowInput input)
            {
                input.Headers["tenant"] = "acme";
                return base.StartWorkflowAsync(input);
            }

            public override Task SignalWorkflowAsync(SignalWorkflowInput input)
            {
                input.Headers["tenant"] = "acme-signal";
                return base.SignalWorkflowAsync(input);
            }
        }

        private sealed class WorkflowSide(WorkflowInboundInterceptor next, TenantInterceptor root) : WorkflowInboundInterceptor(next)
        {
            private string? _tenant;

            public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new Outbound(outbound, this));

            public override Task<string?> ExecuteWorkflowAsync(ExecuteWorkflowInput input)
            {
                _tenant = input.Headers.TryGetValue("tenant", out var t) ? t : null;
                if (!Workflow.IsReplaying)
                {
                    root.Seen.Enqueue($"run {Workflow.Info.WorkflowType.Name} {input.Input} tenant={Tenant(input.Headers)}");
                }

                return base.ExecuteWorkflowAsync(input);
            }

            public override Task HandleSignalAsync(HandleSignalInput input)
            {
                if (!Workflow.IsReplaying)
                {
                    root.Seen.Enqueue($"signal {input.SignalName} {input.Input} tenant={Tenant(input.Headers)}");
                }

                return base.HandleSignalAsync(input);
            }

            private sealed class Outbound(WorkflowOutboundInterceptor next, WorkflowSide run) : WorkflowOutboundInterceptor(next)
            {
                public override Task<string?> ScheduleActivityAsync(ScheduleActivityInput input)
                {
                    Stamp(input.Headers);
                    return base.ScheduleActivityAsync(input);
                }

                public override Task<ChildWorkflowHandle> StartChildWorkflowAsync(StartChildWorkflowInput input)
                {
                    Stamp(input.Headers);
                    return base.StartChildWorkflowAsync(input);
                }

                public override void ContinueAsNew(ContinueAsNewInput input)
                {
                    Stamp(input.Headers);
                    base.ContinueAsNew(input);
                }

                private void Stamp(IDictionary<string, string> headers)
                {
                    if (run._tenant is { } tenant)
                    {
                        headers["tenant"] = tenant;
                    }
                }
            }
        }

        private sealed class ActivitySide(ActivityInboundInterceptor next, TenantInterceptor root) : ActivityInboundInterceptor(next)
        {
            public override Task<string?> ExecuteActivityAsync(ExecuteActivityInput input)
            {
                Assert.Equal(input.Headers, input.Context.Headers);
                root.Seen.Enqueue($"activity {input.Context.ActivityType.Name} {input.Input} tenant={Tenant(input.Headers)}");
                return base.ExecuteActivityAsync(input);
            }
        }
    }

    /// <summary>Logs each call it sees, with its name.</summary>
    private sealed class OrderInterceptor(string name, ConcurrentQueue<string> log) : IClientInterceptor, IWorkflowInterceptor, IActivityInterceptor
    {
        public ClientOutboundInterceptor InterceptClient(ClientOutboundInterceptor nextInterceptor) => new ClientSide(nextInterceptor, this);

        public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new Inbound(nextInterceptor, this);

        public ActivityInboundInterceptor InterceptActivity(ActivityInboundInterceptor nextInterceptor) => new ActivitySide(nextInterceptor, this);

        private void Log(string call) => log.Enqueue($"{name} {call}");

        private sealed class ClientSide(ClientOutboundInterceptor next, OrderInterceptor owner) : ClientOutboundInterceptor(next)
        {
            public override Task<WorkflowHandle> StartWorkflowAsync(StartWorkflowInput input)
            {
                owner.Log("start");
                return base.StartWorkflowAsync(input);
            }
        }

        private sealed class Inbound(WorkflowInboundInterceptor next, OrderInterceptor owner) : WorkflowInboundInterceptor(next)
        {
            public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new Outbound(outbound, owner));

            public override Task<string?> ExecuteWorkflowAsync(ExecuteWorkflowInput input)
            {
                owner.Log("run");
                return base.ExecuteWorkflowAsync(input);
            }

            public override Task HandleSignalAsync(HandleSignalInput input)
            {
                owner.Log("signal");
                return base.HandleSignalAsync(input);
            }

            public override string? HandleQuery(HandleQueryInput input)
            {
                owner.Log("query");
                return base.HandleQuery(input);
            }
        }

        private sealed class Outbound(WorkflowOutboundInterceptor next, OrderInterceptor owner) : WorkflowOutboundInterceptor(next)
        {
            public override Task<string?> ScheduleActivityAsync(ScheduleActivityInput input)
            {
                owner.Log("activity");
                return base.ScheduleActivityAsync(input);
            }

            public override Task<ChildWorkflowHandle> StartChildWorkflowAsync(StartChildWorkflowInput input)
            {
                owner.Log("child");
                return base.StartChildWorkflowAsync(input);
            }

            public override void ContinueAsNew(ContinueAsNewInput input)
            {
                owner.Log("continue");
                base.ContinueAsNew(input);
            }
        }

        private sealed class ActivitySide(ActivityInboundInterceptor next, OrderInterceptor owner) : ActivityInboundInterceptor(next)
        {
            public override Task<string?> ExecuteActivityAsync(ExecuteActivityInput input)
            {
                owner.Log("execute");
                return base.ExecuteActivityAsync(input);
            }
        }
    }

    /// <summary>Throws from the activity side or from the workflow's run.</summary>
    private sealed class ThrowingInterceptor(bool inWorkflow) : IWorkflowInterceptor, IActivityInterceptor
    {
        public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => inWorkflow ? new Inbound(nextInterceptor) : nextInterceptor;

        public ActivityInboundInterceptor InterceptActivity(ActivityInboundInterceptor nextInterceptor) => inWorkflow ? nextInterceptor : new ActivitySide(nextInterceptor);

        private sealed class Inbound(WorkflowInboundInterceptor next) : WorkflowInboundInterceptor(next)
        {
            public override Task<string?> ExecuteWorkflowAsync(ExecuteWorkflowInput input) => throw new InvalidOperationException("interceptor refused the run");
        }

        private sealed class ActivitySide(ActivityInboundInterceptor next) : ActivityInboundInterceptor(next)
        {
            public override Task<string?> ExecuteActivityAsync(ExecuteActivityInput input) => throw new InvalidOperationException("interceptor refused the activity");
        }
    }
}
