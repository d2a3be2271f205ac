using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Swf.Activities;
using Swf.Client;
using Swf.Hosting;
using Swf.LocalEngine;
using Swf.Model;
using Swf.Tests.TestSupport;
using Swf.Workflows;

namespace Swf.Tests.Hosting;

public sealed class SwfWorkerHostTests
{
    private static readonly WorkflowType Order = new() { Name = "Order", Version = "1" };
    private static readonly ActivityType Charge = new() { Name = "Charge", Version = "1" };

    private static WorkflowDefinition OrderDefinition { get; } = new()
    {
        WorkflowType = Order,
        DefaultTaskList = "orders",
        DefaultExecutionStartToCloseTimeout = TimeSpan.FromHours(1),
        DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
        DefaultChildPolicy = ChildPolicy.Terminate,
        CreateInstance = () => new object(),
        Run = (_, input) => Workflow.ExecuteActivityAsync(Charge, input),
    };

    /// <summary>A scoped service, to prove each activity task gets its own scope.</summary>
    private sealed class ChargeCounter
    {
        private static int _created;

        public ChargeCounter() => Instance = Interlocked.Increment(ref _created);

        public int Instance { get; }
    }

    [Fact]
    public async Task StartAsync_LocalEngine_RegistersDomainAndTypesThenRunsWorkflowToCompletion()
    {
        var engine = new LocalSwfEngine();
        var completed = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = InterceptingSwfClient.Wrap(engine);
        client.Before = request =>
        {
            if (request is RespondDecisionTaskCompletedRequest r && r.Decisions!.FirstOrDefault(d => d.DecisionType == DecisionType.CompleteWorkflowExecution) is { } done)
            {
                completed.TrySetResult(done.CompleteWorkflowExecutionDecisionAttributes!.Result);
            }

            return Task.CompletedTask;
        };
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddScoped<ChargeCounter>();
        builder.Services.AddSwf(o => o.Domain = "shop")
            .UseLocalSwfEngine(engine)
            .AddWorkflow(OrderDefinition)
            .AddActivities([new ActivityDefinition
            {
                ActivityType = Charge,
                DefaultTaskList = "payments",
                DefaultScheduleToStartTimeout = TimeSpan.FromMinutes(1),
                DefaultScheduleToCloseTimeout = TimeSpan.FromMinutes(2),
                DefaultStartToCloseTimeout = TimeSpan.FromMinutes(1),
                Execute = (_, input) => Task.FromResult<string?>("charged " + input),
            }]);
        builder.Services.AddSingleton(client.Client);
        using var host = builder.Build();

        await host.StartAsync();
        var handle = await host.Services.GetRequiredService<WorkflowClient>().StartAsync(Order, "order-1", "42");
        var result = await completed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.Equal("charged 42", result);
        Assert.Equal("order-1", handle.WorkflowId);
        var domain = await engine.DescribeDomainAsync(new DescribeDomainRequest { Name = "shop" });
        Assert.Equal("7", domain.DomainDetail.Configuration.WorkflowExecutionRetentionPeriodInDays);
        var type = await engine.DescribeActivityTypeAsync(new DescribeActivityTypeRequest { Domain = "shop", ActivityType = Charge });
        Assert.Equal("payments", type.ActivityTypeDetail.Configuration.DefaultTaskList!.Name);
    }

    [Fact]
    public async Task StartAsync_TypeRegisteredWithOtherDefaults_ReportsMismatchAndDegradesHealth()
    {
        var engine = new LocalSwfEngine();
        await engine.RegisterDomainAsync(new RegisterDomainRequest { Name = "shop", WorkflowExecutionRetentionPeriodInDays = "7" });
        await engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = "shop",
            Name = Order.Name,
            Version = Order.Version,
            DefaultTaskList = new TaskList { Name = "old-orders" },
            DefaultExecutionStartToCloseTimeout = "3600",
        });
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSwf(o =>
        {
            o.Domain = "shop";
            o.Decider.PollerCount = 1;
            o.Decider.StickyExecution = false;
        }).UseLocalSwfEngine(engine).AddWorkflow(OrderDefinition);
        using var host = builder.Build();

        await host.StartAsync();
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var mismatches = host.Services.GetRequiredService<SwfWorkerHost>().RegistrationMismatches;
        await host.StopAsync();

        Assert.Contains(mismatches, m => m.Contains("default task list old-orders, but the code says orders", StringComparison.Ordinal));
        Assert.Equal(HealthStatus.Degraded, health.Status);
    }

    [Fact]
    public void Options_BoundFromConfigurationWithErrors_FailValidationNamingEachField()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Swf:DomainRetentionDays"] = "120",
            ["Swf:Decider:PollerCount"] = "0",
            ["Swf:Connection:Region"] = "eu-west-1",
        }).Build();
        var services = new ServiceCollection();
        services.AddSwf(configuration.GetSection("Swf"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SwfOptions>>().Value);

        Assert.Contains("Swf:Domain is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Swf:DomainRetentionDays must be from 0 to 90; it is 120", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Swf:Decider:PollerCount must be at least 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_BoundFromConfiguration_ReadsConnectionAndWorkers()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Swf:Domain"] = "shop",
            ["Swf:Connection:Endpoint"] = "http://127.0.0.1:5055",
            ["Swf:ActivityWorkers:warehouse:MaxConcurrentTasks"] = "3",
        }).Build();
        var services = new ServiceCollection();
        services.AddSwf(configuration.GetSection("Swf"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SwfOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:5055"), options.Connection.Endpoint);
        Assert.Equal(3, options.ActivityWorkers["warehouse"].MaxConcurrentTasks);
        Assert.IsType<SwfHttpClient>(provider.GetRequiredService<ISwfClient>());
    }

    // ---- every workflow's task list is polled ----------------------------------------------

    private static readonly WorkflowType Shipping = new() { Name = "Shipping", Version = "1" };

    [Fact]
    public async Task StartAsync_WorkflowsOnTwoTaskLists_PollsBothAndChildOnTheOtherListCompletes()
    {
        var engine = new LocalSwfEngine();
        var completed = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = InterceptingSwfClient.Wrap(engine);
        client.Before = request =>
        {
            if (request is RespondDecisionTaskCompletedRequest r
                && r.Decisions!.FirstOrDefault(d => d.DecisionType == DecisionType.CompleteWorkflowExecution) is { } done
                && done.CompleteWorkflowExecutionDecisionAttributes!.Result!.StartsWith("parent", StringComparison.Ordinal))
            {
                completed.TrySetResult(done.CompleteWorkflowExecutionDecisionAttributes.Result);
            }

            return Task.CompletedTask;
        };
        var logs = new ListLoggerProvider();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddSwf(o => o.Domain = "shop")
            .UseLocalSwfEngine(engine)
            .AddWorkflow(new WorkflowDefinition
            {
                WorkflowType = Order,
                DefaultTaskList = "orders",
                DefaultExecutionStartToCloseTimeout = TimeSpan.FromHours(1),
                DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
                DefaultChildPolicy = ChildPolicy.Terminate,
                CreateInstance = () => new object(),
                Run = async (_, input) => "parent got " + await Workflow.ExecuteChildWorkflowAsync(Shipping, input),
            })
            .AddWorkflow(new WorkflowDefinition
            {
                WorkflowType = Shipping,
                DefaultTaskList = "shipping",
                DefaultExecutionStartToCloseTimeout = TimeSpan.FromHours(1),
                DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
                DefaultChildPolicy = ChildPolicy.Terminate,
                CreateInstance = () => new object(),
                Run = (_, input) => Workflow.ExecuteActivityAsync(Charge, input),
            })
            .AddActivities([new ActivityDefinition
            {
                ActivityType = Charge,
                DefaultTaskList = "payments",
                DefaultScheduleToStartTimeout = TimeSpan.FromMinutes(1),
                DefaultScheduleToCloseTimeout = TimeSpan.FromMinutes(2),
                DefaultStartToCloseTimeout = TimeSpan.FromMinutes(1),
                Execute = (_, input) => Task.FromResult<string?>("shipped " + input),
            }]);
        builder.Services.AddSingleton(client.Client);
        using var host = builder.Build();

        await host.StartAsync();
        await host.Services.GetRequiredService<WorkflowClient>().StartAsync(Order, "order-1", "42");
        var result = await completed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.Equal("parent got shipped 42", result);
        Assert.Contains(logs.Logger.Lines, l => l.Contains("decision task lists orders, shipping", StringComparison.Ordinal));
        Assert.Contains(logs.Logger.Lines, l => l.Contains("activity task list payments", StringComparison.Ordinal));
    }

    // ---- failed decision tasks: logged, counted, health degraded -----------------------------

    private static readonly WorkflowType Flaky = new() { Name = "FlakyOrder", Version = "1" };
    private static readonly ActivityType Refund = new() { Name = "Refund", Version = "1" };

    [Fact]
    public async Task DecisionTaskFails_SameRunThreeTimes_LoggedCountedAndHealthDegradedUntilTheRunCloses()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var engine = new LocalSwfEngine(new LocalSwfEngineOptions { TimeProvider = clock });
        var runs = 0;
        var failures = new List<string?>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Swf.Sdk" && instrument.Name == "swf.decision_task.failures")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var values = tags.ToArray();
            if (values.Any(t => t.Key == "swf.workflow.type" && (string?)t.Value == Flaky.Name))
            {
                lock (failures)
                {
                    failures.Add(values.FirstOrDefault(t => t.Key == "error.type").Value as string);
                }
            }
        });
        meters.Start();
        var logs = new ListLoggerProvider();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddSwf(o =>
        {
            o.Domain = "shop";
            o.Decider.PollerCount = 1;
            o.Decider.CacheSize = 0;
            o.Decider.StickyExecution = false;
        }).UseLocalSwfEngine(engine)
            .AddWorkflow(new WorkflowDefinition
            {
                WorkflowType = Flaky,
                DefaultTaskList = "orders",
                DefaultExecutionStartToCloseTimeout = TimeSpan.FromHours(1),
                DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
                DefaultChildPolicy = ChildPolicy.Terminate,
                CreateInstance = () => new object(),

                // The first run of the code charges; every replay refunds: a non-determinism.
                Run = (_, input) => Workflow.ExecuteActivityAsync(Interlocked.Increment(ref runs) == 1 ? Charge : Refund, input),
            })
            .AddActivities([new ActivityDefinition
            {
                ActivityType = Charge,
                DefaultTaskList = "payments",
                DefaultScheduleToStartTimeout = TimeSpan.FromMinutes(1),
                DefaultScheduleToCloseTimeout = TimeSpan.FromMinutes(2),
                DefaultStartToCloseTimeout = TimeSpan.FromMinutes(1),
                Execute = (_, input) => Task.FromResult<string?>("charged " + input),
            }]);
        using var host = builder.Build();
        var health = host.Services.GetRequiredService<HealthCheckService>();

        await host.StartAsync();
        var handle = await host.Services.GetRequiredService<WorkflowClient>().StartAsync(Flaky, "order-9", "9");
        await logs.WhenLogged(202, 1).WaitAsync(TimeSpan.FromSeconds(30));
        var afterOne = await health.CheckHealthAsync();
        for (var failure = 2; failure <= 3; failure++)
        {
            // The unanswered task times out; SWF hands the run to a decider again, which fails again.
            clock.Advance(TimeSpan.FromSeconds(31));
            await logs.WhenLogged(202, failure).WaitAsync(TimeSpan.FromSeconds(30));
        }

        var afterThree = await health.CheckHealthAsync();
        await handle.TerminateAsync("broken deployment");
        var afterClose = await health.CheckHealthAsync();
        await host.StopAsync();

        Assert.Equal(HealthStatus.Healthy, afterOne.Status);
        Assert.Equal(HealthStatus.Degraded, afterThree.Status);
        Assert.Contains("order-9", afterThree.Entries.Values.Single().Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, afterClose.Status);
        var errors = logs.Logger.Lines.Where(l => l.StartsWith("Error: Decision task of workflow order-9", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, errors.Count);
        Assert.All(errors, l => Assert.Contains($"in domain shop (run {handle.RunId})", l, StringComparison.Ordinal));
        lock (failures)
        {
            Assert.Equal(3, failures.Count);
            Assert.All(failures, t => Assert.Equal("NonDeterministicWorkflowException", t));
        }
    }
}
