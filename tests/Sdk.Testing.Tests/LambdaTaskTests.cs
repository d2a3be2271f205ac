using Swf.Client;
using Swf.Exceptions;
using Swf.Hosting;
using Swf.Model;
using Swf.Workflows;

namespace Swf.Testing.Tests;

/// <summary><c>Workflow.ExecuteLambdaAsync</c> on the test environment, whose engine runs the functions it is given.</summary>
public sealed class LambdaTaskTests
{
    private const string Role = "arn:aws:iam::123456789012:role/swf-lambda";
    private const string OtherRole = "arn:aws:iam::123456789012:role/swf-lambda-next";
    private static readonly WorkflowType Caller = new() { Name = "LambdaCaller", Version = "1" };

    /// <summary>Calls one function with the workflow's input (its raw text, encoded as a JSON string for the function) and reports what came back, or which exception and why.</summary>
    private sealed class CallerWorkflow(string functionName, LambdaOptions? options)
    {
        public async Task<string?> RunAsync(string? input)
        {
            try
            {
                var greeting = await Workflow.ExecuteLambdaAsync<string, string>(functionName, input ?? string.Empty, options);
                return "ok: " + greeting;
            }
            catch (LambdaFunctionFailedException ex)
            {
                return $"failed: {ex.Failure.Type} | {ex.Failure.Message} | attempts {ex.Attempts} | id {ex.LambdaId}";
            }
            catch (LambdaFunctionTimedOutException ex)
            {
                return $"timed out: {ex.TimeoutType} | id {ex.LambdaId}";
            }
            catch (LambdaFunctionScheduleFailedException ex)
            {
                return $"not scheduled: {ex.Cause} | {ex.FunctionName} | id {ex.LambdaId}";
            }
        }
    }

    /// <summary>Starts a Lambda task, cancels its token before the decision is sent, and reports what the await threw.</summary>
    private sealed class WithdrawingWorkflow
    {
        public async Task<string?> RunAsync(string? input)
        {
            using var cancel = new CancellationTokenSource();
            var call = Workflow.ExecuteLambdaAsync("greet", input, cancellationToken: cancel.Token);

            // Synchronously, on the workflow's thread: CancelAsync would run the withdrawal on another thread.
#pragma warning disable CA1849 // Call async methods when in an async method
            cancel.Cancel();
#pragma warning restore CA1849
            try
            {
                return await call;
            }
            catch (LambdaFunctionCanceledException ex)
            {
                return $"withdrawn: {ex.LambdaId} | canceled {ex.CancellationToken.IsCancellationRequested}";
            }
        }
    }

    /// <summary>Reports the run's lambdaRole; the first run continues as new with another role.</summary>
    private sealed class RoleWorkflow
    {
        public Task<string?> RunAsync(string? input)
        {
            if (input == "first")
            {
                throw new ContinueAsNewException("second", new ContinueAsNewOptions { LambdaRole = OtherRole });
            }

            return Task.FromResult<string?>($"{input} runs with {Workflow.Info.LambdaRole}");
        }
    }

    [Fact]
    public async Task ExecuteLambdaAsync_RegisteredFunction_ReturnsDecodedResultAndRecordsLambdaEvents()
    {
        string? received = null;
        await using var env = await StartAsync(
            new CallerWorkflow("greet", new LambdaOptions { StartToCloseTimeout = TimeSpan.FromSeconds(30) }),
            o => o.LambdaFunctions["greet"] = (input, _) =>
            {
                received = input;
                return Task.FromResult<string?>("\"hello ada\"");
            });

        var result = await env.ExecuteWorkflowAsync(Caller, "greet-1", "ada");

        Assert.Equal("ok: hello ada", result);
        Assert.Equal("\"ada\"", received);
        var history = await HistoryAsync(env, "greet-1");
        var scheduled = Assert.Single(history, e => e.EventType == EventType.LambdaFunctionScheduled).LambdaFunctionScheduledEventAttributes!;
        Assert.Equal(("lambda-1", "greet", "30"), (scheduled.Id, scheduled.Name, scheduled.StartToCloseTimeout));
        Assert.Single(history, e => e.EventType == EventType.LambdaFunctionStarted);
        Assert.Equal("\"hello ada\"", Assert.Single(history, e => e.EventType == EventType.LambdaFunctionCompleted).LambdaFunctionCompletedEventAttributes!.Result);
    }

    [Fact]
    public async Task ExecuteLambdaAsync_FunctionThrows_IsLambdaFunctionFailedExceptionWithTheFunctionsError()
    {
        await using var env = await StartAsync(
            new CallerWorkflow("greet", null),
            o => o.LambdaFunctions["greet"] = (_, _) => throw new InvalidOperationException("nobody to greet"));

        var result = await env.ExecuteWorkflowAsync(Caller, "greet-2", "\"ada\"");

        Assert.Equal("failed: System.InvalidOperationException | nobody to greet | attempts 1 | id lambda-1", result);
    }

    [Fact]
    public async Task ExecuteLambdaAsync_RetryPolicyAndOneFailure_RetriesAfterDurableBackoffWithNextId()
    {
        var calls = 0;
        await using var env = await StartAsync(
            new CallerWorkflow("greet", new LambdaOptions { Retry = RetryPolicy.Exponential(maxAttempts: 3, initialInterval: TimeSpan.FromSeconds(10)) }),
            o => o.LambdaFunctions["greet"] = (_, _) => ++calls == 1 ? throw new TimeoutException("cold start") : Task.FromResult<string?>("\"hi\""));
        var start = env.Clock.GetUtcNow();

        var result = await env.ExecuteWorkflowAsync(Caller, "greet-3", "\"ada\"");

        Assert.Equal("ok: hi", result);
        Assert.Equal(2, calls);
        var history = await HistoryAsync(env, "greet-3");
        Assert.Equal(
            ["lambda-1", "lambda-1-2"],
            history.Where(e => e.EventType == EventType.LambdaFunctionScheduled).Select(e => e.LambdaFunctionScheduledEventAttributes!.Id));
        Assert.Single(history, e => e.EventType == EventType.TimerFired);
        Assert.Equal(TimeSpan.FromSeconds(10), env.Clock.GetUtcNow() - start);
    }

    [Fact]
    public async Task ExecuteLambdaAsync_FunctionOutlastsStartToClose_IsLambdaFunctionTimedOutExceptionAndLateResultIgnored()
    {
        SwfTestEnvironment? environment = null;
        var token = CancellationToken.None;
        await using var env = await StartAsync(
            new CallerWorkflow("greet", new LambdaOptions { StartToCloseTimeout = TimeSpan.FromSeconds(10) }),
            o => o.LambdaFunctions["greet"] = (_, cancellationToken) =>
            {
                token = cancellationToken;

                // The function takes 11 seconds of the environment's clock: its timeout is recorded at 10.
                environment!.Clock.Advance(TimeSpan.FromSeconds(11));
                return Task.FromResult<string?>("\"too late\"");
            });
        environment = env;

        var result = await env.ExecuteWorkflowAsync(Caller, "greet-4", "\"ada\"");

        Assert.Equal("timed out: START_TO_CLOSE | id lambda-1", result);
        Assert.True(token.IsCancellationRequested);
        var history = await HistoryAsync(env, "greet-4");
        Assert.Single(history, e => e.EventType == EventType.LambdaFunctionTimedOut);
        Assert.DoesNotContain(history, e => e.EventType == EventType.LambdaFunctionCompleted);
    }

    [Fact]
    public async Task ExecuteLambdaAsync_FunctionNotRegistered_IsScheduleFailedLambdaServiceNotAvailable()
    {
        await using var env = await StartAsync(
            new CallerWorkflow("missing", null),
            o => o.LambdaFunctions["greet"] = (_, _) => Task.FromResult<string?>("\"hi\""));

        var result = await env.ExecuteWorkflowAsync(Caller, "greet-5", "\"ada\"");

        Assert.Equal("not scheduled: LAMBDA_SERVICE_NOT_AVAILABLE_IN_REGION | missing | id lambda-1", result);
        var history = await HistoryAsync(env, "greet-5");
        Assert.Single(history, e => e.EventType == EventType.ScheduleLambdaFunctionFailed);
        Assert.DoesNotContain(history, e => e.EventType == EventType.LambdaFunctionScheduled);
    }

    [Fact]
    public async Task ExecuteLambdaAsync_NoFunctionsAtAll_IsScheduleFailedAsBefore()
    {
        await using var env = await StartAsync(new CallerWorkflow("greet", null), _ => { });

        var result = await env.ExecuteWorkflowAsync(Caller, "greet-6", "\"ada\"");

        Assert.Equal("not scheduled: LAMBDA_SERVICE_NOT_AVAILABLE_IN_REGION | greet | id lambda-1", result);
    }

    [Fact]
    public async Task ExecuteLambdaAsync_WorkflowCancelRequestedWhileFunctionRuns_WorkflowStillGetsTheResult()
    {
        SwfTestEnvironment? environment = null;
        await using var env = await StartAsync(
            new CallerWorkflow("greet", null),
            o => o.LambdaFunctions["greet"] = async (_, token) =>
            {
                // SWF cannot cancel a Lambda task: the cancel request arrives, and the function's result counts.
                await environment!.Client.GetHandle("greet-7").RequestCancelAsync(token);
                return "\"hi anyway\"";
            });
        environment = env;

        var result = await env.ExecuteWorkflowAsync(Caller, "greet-7", "\"ada\"");

        Assert.Equal("ok: hi anyway", result);
        var types = (await HistoryAsync(env, "greet-7")).Select(e => e.EventType).ToList();
        Assert.True(types.IndexOf(EventType.WorkflowExecutionCancelRequested) < types.IndexOf(EventType.LambdaFunctionCompleted));
    }

    [Fact]
    public async Task ExecuteLambdaAsync_TokenCancelledBeforeTheDecisionIsSent_IsLambdaFunctionCanceledAndNothingScheduled()
    {
        var calls = 0;
        await using var env = await StartAsync(
            new WithdrawingWorkflow(),
            o => o.LambdaFunctions["greet"] = (_, _) =>
            {
                calls++;
                return Task.FromResult<string?>(null);
            },
            (w, input) => ((WithdrawingWorkflow)w).RunAsync(input));

        var result = await env.ExecuteWorkflowAsync(Caller, "greet-8", null);

        Assert.Equal("withdrawn: lambda-1 | canceled True", result);
        Assert.Equal(0, calls);
        var history = await HistoryAsync(env, "greet-8");
        Assert.DoesNotContain(history, e => e.EventType == EventType.LambdaFunctionScheduled || e.EventType == EventType.ScheduleLambdaFunctionFailed);
    }

    [Fact]
    public async Task StartAsync_LambdaRoleInOptions_RecordedVisibleInInfoAndChangedByContinueAsNew()
    {
        await using var env = await StartAsync(new RoleWorkflow(), _ => { }, (w, input) => ((RoleWorkflow)w).RunAsync(input));

        var handle = await env.Client.StartAsync(Caller, "role-1", "first", new WorkflowStartOptions { LambdaRole = Role });
        var result = await handle.GetResultAsync();

        Assert.Equal($"second runs with {OtherRole}", result);
        var first = await HistoryAsync(env, "role-1", handle.RunId);
        Assert.Equal(Role, first[0].WorkflowExecutionStartedEventAttributes!.LambdaRole);
        Assert.Equal(OtherRole, first[^1].WorkflowExecutionContinuedAsNewEventAttributes!.LambdaRole);
    }

    [Fact]
    public async Task StartAsync_NoLambdaRole_ContinueAsNewWithoutOneKeepsNone()
    {
        await using var env = await StartAsync(new RoleWorkflow(), _ => { }, (w, input) => ((RoleWorkflow)w).RunAsync(input));

        var result = await env.ExecuteWorkflowAsync(Caller, "role-2", "second");

        Assert.Equal("second runs with ", result);
    }

    private static Task<SwfTestEnvironment> StartAsync(CallerWorkflow workflow, Action<SwfTestEnvironmentOptions> configure) =>
        StartAsync(workflow, configure, (w, input) => ((CallerWorkflow)w).RunAsync(input));

    private static Task<SwfTestEnvironment> StartAsync(object workflow, Action<SwfTestEnvironmentOptions> configure, Func<object, string?, Task<string?>> run)
    {
        var options = new SwfTestEnvironmentOptions();
        configure(options);
        return SwfTestEnvironment.StartAsync(
            swf => swf.AddWorkflow(new WorkflowDefinition
            {
                WorkflowType = Caller,
                DefaultTaskList = "lambda-callers",
                DefaultExecutionStartToCloseTimeout = TimeSpan.FromHours(1),
                DefaultTaskStartToCloseTimeout = TimeSpan.FromSeconds(30),
                DefaultChildPolicy = ChildPolicy.Terminate,
                CreateInstance = () => workflow,
                Run = run,
            }),
            options: options);
    }

    private static async Task<List<HistoryEvent>> HistoryAsync(SwfTestEnvironment env, string workflowId, string? runId = null)
    {
        var events = new List<HistoryEvent>();
        await foreach (var e in env.Client.GetHandle(workflowId, runId).GetHistoryAsync())
        {
            events.Add(e);
        }

        return events;
    }
}
