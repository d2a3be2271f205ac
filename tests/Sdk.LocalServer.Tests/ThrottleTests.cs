using System.Net;
using System.Text;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Swf.Client;
using Swf.Exceptions;
using Swf.LocalServer.Clock;
using Swf.LocalServer.Throttling;
using Swf.Model;

namespace Swf.LocalServer.Tests;

/// <summary>
/// <c>--throttle</c>: SWF's token buckets over HTTP, refilled by the engine's clock (manual here, so that tests
/// move time instead of waiting), and the SDK's client riding through them.
/// </summary>
public sealed class ThrottleTests : IDisposable
{
    private const string Domain = "throttle";
    private const string Throttled = "com.amazon.coral.availability#ThrottlingException";
    private static readonly DateTimeOffset T0 = new(2031, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("swf-local-throttle-").FullName;
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Call_OverItsBucket_AnswersSwfsThrottlingExceptionUntilTheClockRefillsIt()
    {
        var throttle = new SwfThrottleOptions();
        throttle.Api["ListDomains"] = new SwfThrottleQuota(2, 0.5);
        await using var server = await ManualAsync(throttle);
        const string list = """{"registrationStatus":"REGISTERED"}""";

        Assert.Equal(HttpStatusCode.OK, (await Wire.SendAsync(_http, server.Endpoint, "ListDomains", list)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Wire.SendAsync(_http, server.Endpoint, "ListDomains", list)).Status);
        var refused = await Wire.SendAsync(_http, server.Endpoint, "ListDomains", list);

        Assert.Equal("Rate exceeded", refused.AssertError(HttpStatusCode.BadRequest, Throttled));
        await AdvanceAsync(server, 1);
        Assert.Equal(HttpStatusCode.BadRequest, (await Wire.SendAsync(_http, server.Endpoint, "ListDomains", list)).Status);
        await AdvanceAsync(server, 1);
        Assert.Equal(HttpStatusCode.OK, (await Wire.SendAsync(_http, server.Endpoint, "ListDomains", list)).Status);
    }

    [Fact]
    public async Task Call_WithoutThrottle_IsNeverThrottled()
    {
        await using var server = await Servers.StartAsync(o => (o.TimeProvider, o.Clock) = (new FakeTimeProvider(T0), LocalClockMode.Manual));

        // ListDomains' bucket is 100 at SWF; without --throttle even 150 calls in one instant pass.
        for (var i = 0; i < 150; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Wire.SendAsync(_http, server.Endpoint, "ListDomains", """{"registrationStatus":"REGISTERED"}""")).Status);
        }
    }

    [Fact]
    public async Task StartWorkflowExecution_Throttled_ChangesNothingAndIsNotJournaled()
    {
        var database = Path.Combine(_directory, "swf.db");
        var throttle = new SwfThrottleOptions();
        throttle.Api["StartWorkflowExecution"] = new SwfThrottleQuota(1, 0);
        await using (var server = await ManualAsync(throttle, database))
        {
            using var swf = Servers.Client(server);
            await Servers.RegisterAsync(swf, Domain);
            await Servers.StartAsync(swf, Domain, "first");

            var refused = await Assert.ThrowsAsync<ThrottlingException>(() => Servers.StartAsync(swf, Domain, "second"));

            Assert.Equal("Rate exceeded", refused.Message);
            Assert.Equal(400, refused.StatusCode);
            Assert.Equal(["first"], await OpenWorkflowIdsAsync(server.Engine));
        }

        // A restart replays the journal: had the throttled start been journaled, "second" would be back.
        await using var restarted = await ManualAsync(null, database);
        Assert.Equal(["first"], await OpenWorkflowIdsAsync(restarted.Engine));
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_DecisionsOverTheirBucket_ThrottledWholeAndRecordsNothing()
    {
        var throttle = new SwfThrottleOptions();
        throttle.Decisions["ScheduleActivityTask"] = new SwfThrottleQuota(2, 1);
        await using var server = await ManualAsync(throttle);
        using var swf = Servers.Client(server);
        await Servers.RegisterAsync(swf, Domain);
        var first = (await Servers.StartAsync(swf, Domain, "w1")).Run.RunId!;
        var second = (await Servers.StartAsync(swf, Domain, "w2")).Run.RunId!;
        await Servers.DecideAsync(swf, (await Servers.PollDecisionAsync(swf, Domain)).TaskToken!, Servers.ScheduleActivity("a"), Servers.ScheduleActivity("b"));
        var task = await Servers.PollDecisionAsync(swf, Domain);
        var execution = new WorkflowExecution { WorkflowId = "w2", RunId = second };
        var before = await Servers.HistoryAsync(swf, Domain, execution);

        await Assert.ThrowsAsync<ThrottlingException>(() => Servers.DecideAsync(swf, task.TaskToken!, Servers.ScheduleActivity("c")));

        Assert.Equal(before.Select(e => e.EventType), (await Servers.HistoryAsync(swf, Domain, execution)).Select(e => e.EventType));
        await AdvanceAsync(server, 1);
        await Servers.DecideAsync(swf, task.TaskToken!, Servers.ScheduleActivity("c"));
        var history = await Servers.HistoryAsync(swf, Domain, execution);
        Assert.Equal(EventType.ActivityTaskScheduled, history[^1].EventType);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_BatchLargerThanTheBucket_PassesFromAFullBucket()
    {
        var throttle = new SwfThrottleOptions();
        throttle.Decisions["StartTimer"] = new SwfThrottleQuota(1, 1);
        await using var server = await ManualAsync(throttle);
        using var swf = Servers.Client(server);
        await Servers.RegisterAsync(swf, Domain);
        await Servers.StartAsync(swf, Domain, "w1");

        // Three timers from a bucket of one: refused forever would be worse than SWF, so a full bucket lets it pass and owes two.
        await Servers.DecideAsync(swf, (await Servers.PollDecisionAsync(swf, Domain)).TaskToken!, Servers.StartTimer("t1", "60"), Servers.StartTimer("t2", "60"), Servers.StartTimer("t3", "60"));
        await Servers.StartAsync(swf, Domain, "w2");
        var task = await Servers.PollDecisionAsync(swf, Domain);
        await AdvanceAsync(server, 2);
        await Assert.ThrowsAsync<ThrottlingException>(() => Servers.DecideAsync(swf, task.TaskToken!, Servers.StartTimer("t4", "600")));
        await AdvanceAsync(server, 1);
        await Servers.DecideAsync(swf, task.TaskToken!, Servers.StartTimer("t4", "600"));
    }

    [Fact]
    public async Task SignalWorkflowExecution_WorkflowLevelQuota_ThrottlesOneExecutionNotTheOthers()
    {
        var throttle = new SwfThrottleOptions();
        throttle.Workflow["SignalWorkflowExecution"] = new SwfThrottleQuota(1, 1);
        await using var server = await ManualAsync(throttle);
        using var swf = Servers.Client(server);
        await Servers.RegisterAsync(swf, Domain);
        await Servers.StartAsync(swf, Domain, "w1");
        await Servers.StartAsync(swf, Domain, "w2");

        await SignalAsync(swf, "w1");
        await Assert.ThrowsAsync<ThrottlingException>(() => SignalAsync(swf, "w1"));
        await SignalAsync(swf, "w2");
        await AdvanceAsync(server, 1);
        await SignalAsync(swf, "w1");
    }

    [Fact]
    public async Task SwfHttpClient_AgainstThrottledServer_RetriesThrottlingAndCompletesEveryWorkflow()
    {
        // A two-hundredth of SWF's numbers: StartWorkflowExecution, the polls and the responses get buckets of 10
        // refilled at 1 per second; ScheduleActivityTask's bucket is made 2, refilled at 0.2 per second, so that the
        // decisions are throttled too. Fifteen workflows overrun them.
        const int workflows = 15;
        var throttle = new SwfThrottleOptions { Scale = 0.005 };
        throttle.Decisions["ScheduleActivityTask"] = new SwfThrottleQuota(400, 40);
        await using var server = await ManualAsync(throttle);
        var logger = new RetryLog();
        var clock = new BackoffMovesServerClock(() => AdvanceAsync(server, 1), TimeSpan.FromSeconds(1));
        var options = new SwfClientOptions
        {
            ServiceUrl = server.Endpoint,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("local", "local"),
            Logger = logger,
            TimeProvider = clock,
        };
        options.Retry.MaxAttempts = 10;
        options.Retry.BaseDelay = TimeSpan.FromSeconds(1);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        using var swf = new SwfHttpClient(options);
        await Servers.RegisterAsync(swf, Domain);

        for (var i = 0; i < workflows; i++)
        {
            await Servers.StartAsync(swf, Domain, $"order-{i}", input: $"{i}");
        }

        for (var i = 0; i < workflows; i++)
        {
            await Servers.DecideAsync(swf, (await Servers.PollDecisionAsync(swf, Domain)).TaskToken!, Servers.ScheduleActivity("charge"));
            var activity = await Servers.PollActivityAsync(swf, Domain);
            await swf.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = activity.TaskToken!, Result = "charged " + activity.Input });
            await Servers.DecideAsync(swf, (await Servers.PollDecisionAsync(swf, Domain)).TaskToken!, Servers.Complete("done"));
        }

        var closed = await server.Engine.ListClosedWorkflowExecutionsAsync(new ListClosedWorkflowExecutionsRequest
        {
            Domain = Domain,
            StartTimeFilter = new ExecutionTimeFilter { OldestDate = T0.AddDays(-1).UtcDateTime },
        });
        Assert.Equal(workflows, closed.WorkflowExecutionInfos.ExecutionInfos.Count(e => e.CloseStatus == CloseStatus.Completed));
        Assert.NotEmpty(logger.Retries);
        Assert.All(logger.Retries, r => Assert.Contains("ThrottlingException", r, StringComparison.Ordinal));
        Assert.Contains(logger.Retries, r => r.Contains("StartWorkflowExecution", StringComparison.Ordinal));
        Assert.Contains(logger.Retries, r => r.Contains("RespondDecisionTaskCompleted", StringComparison.Ordinal));
        // Task.Delay waits whole milliseconds: a jittered backoff under 1 ms (about one retry in a thousand) takes no timer.
        Assert.Equal(logger.Delays.Count(d => d >= TimeSpan.FromMilliseconds(1)), clock.Backoffs);
    }

    [SkippableFact]
    public async Task AwsCli_OverTheBucket_PrintsThrottlingException()
    {
        Skip.If(Tools.Find("aws") is null, "The AWS CLI (aws) is not on PATH; install it with `pip install awscli` to run this test.");
        var throttle = new SwfThrottleOptions();
        throttle.Api["ListDomains"] = new SwfThrottleQuota(1, 0);
        await using var server = await ManualAsync(throttle);
        string[] args = ["--endpoint-url", server.Endpoint.ToString().TrimEnd('/'), "--region", "us-east-1", "--output", "json", "swf", "list-domains", "--registration-status", "REGISTERED"];
        var environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIDCLI",
            ["AWS_SECRET_ACCESS_KEY"] = "cli-secret",
            ["AWS_MAX_ATTEMPTS"] = "1",
            ["AWS_CONFIG_FILE"] = "/dev/null",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
            ["AWS_PAGER"] = string.Empty,
        };

        var first = await Tools.RunAsync("aws", args, environment);
        var second = await Tools.RunAsync("aws", args, environment);

        Assert.True(first.ExitCode == 0, $"the first call failed: {first.Error}");
        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("An error occurred (ThrottlingException) when calling the ListDomains operation", second.Error, StringComparison.Ordinal);
        Assert.Contains("Rate exceeded", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileWithEntries_ChangesOnlyThoseBuckets()
    {
        var path = Path.Combine(_directory, "throttle.json");
        File.WriteAllText(path, """
            {
              // comments are allowed
              "scale": 0.5,
              "api": { "StartWorkflowExecution": { "bucketSize": 10, "refillPerSecond": 1 }, "ListDomains": null },
              "decisions": { "StartTimer": { "bucketSize": 3, "refillPerSecond": 0 } }
            }
            """);

        var options = SwfThrottleOptions.Load(path);

        Assert.Equal(0.5, options.Scale);
        Assert.Equal(new SwfThrottleQuota(10, 1), options.Api["StartWorkflowExecution"]);
        Assert.False(options.Api.ContainsKey("ListDomains"));
        Assert.Equal(new SwfThrottleQuota(2000, 200), options.Api["PollForDecisionTask"]);
        Assert.Equal(new SwfThrottleQuota(3, 0), options.Decisions["StartTimer"]);
        Assert.Equal(new SwfThrottleQuota(500, 12), options.Decisions["StartChildWorkflowExecution"]);
        Assert.Equal(new SwfThrottleQuota(1000, 1000), options.Workflow["SignalWorkflowExecution"]);
    }

    [Theory]
    [InlineData("""{"api": {"StartWorkflow": {"bucketSize": 1, "refillPerSecond": 1}}}""", "Api: 'StartWorkflow' is not an SWF operation.")]
    [InlineData("""{"api": {"ListDomains": {"bucketSize": 0, "refillPerSecond": 1}}}""", "Api: 'ListDomains' needs a bucket size above 0 and a refill rate of 0 or more.")]
    [InlineData("""{"decisions": {"StartTimer": 5}}""", "'decisions.StartTimer' must be null or {\"bucketSize\": N, \"refillPerSecond\": N}.")]
    [InlineData("""{"workflow": {"StartWorkflowExecution": {"bucketSize": 1, "refillPerSecond": 1}}}""", "Workflow: 'StartWorkflowExecution' is not GetWorkflowExecutionHistory, RecordActivityTaskHeartbeat, RequestCancelWorkflowExecution, SignalWorkflowExecution.")]
    [InlineData("""{"scale": 0}""", "Scale must be a positive number; it is 0.")]
    [InlineData("""{"limits": {}}""", "unknown member 'limits'; the members are scale, api, decisions and workflow.")]
    public void Load_BadFile_SaysWhatIsWrong(string json, string expected)
    {
        var path = Path.Combine(_directory, "bad.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<FormatException>(() => SwfThrottleOptions.Load(path));

        Assert.Equal($"{path}: {expected}", error.Message);
    }

    [Fact]
    public void Defaults_EveryOperationHasSwfsQuota()
    {
        var options = new SwfThrottleOptions();

        Assert.Equal(Protocol.SwfOperations.All.Select(o => o.Name).Order(StringComparer.Ordinal), options.Api.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new SwfThrottleQuota(2000, 200), options.Api["StartWorkflowExecution"]);
        Assert.Equal(new SwfThrottleQuota(2000, 30), options.Api["SignalWorkflowExecution"]);
        Assert.Equal(new SwfThrottleQuota(1000, 200), options.Decisions["ScheduleActivityTask"]);
        Assert.Equal(new SwfThrottleQuota(400, 200), options.Workflow["GetWorkflowExecutionHistory"]);
    }

    private static async Task<List<string>> OpenWorkflowIdsAsync(LocalEngine.LocalSwfEngine engine) =>
        [.. (await engine.ListOpenWorkflowExecutionsAsync(new ListOpenWorkflowExecutionsRequest
        {
            Domain = Domain,
            StartTimeFilter = new ExecutionTimeFilter { OldestDate = T0.AddDays(-1).UtcDateTime },
        })).WorkflowExecutionInfos.ExecutionInfos.Select(e => e.Execution.WorkflowId).Order(StringComparer.Ordinal)];

    private static Task<SignalWorkflowExecutionResponse> SignalAsync(SwfHttpClient swf, string workflowId) =>
        swf.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = Domain, WorkflowId = workflowId, SignalName = "poke" });

    private static Task<SwfLocalServer> ManualAsync(SwfThrottleOptions? throttle, string? database = null) =>
        Servers.StartAsync(o => (o.TimeProvider, o.Clock, o.Throttle, o.DatabasePath) = (new FakeTimeProvider(T0), LocalClockMode.Manual, throttle, database));

    private async Task AdvanceAsync(SwfLocalServer server, int seconds)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Endpoint, ClockEndpoints.Path + "/advance"))
        {
            Content = new StringContent($$"""{"seconds": {{seconds}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Swf-Console", "1");
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// The client's clock: each retry backoff (a timer no longer than <c>longest</c>) moves the server's manual clock
    /// instead of waiting, then ends at once; every other timer (the calls' time limits) runs on the system clock.
    /// </summary>
    private sealed class BackoffMovesServerClock(Func<Task> advance, TimeSpan longest) : TimeProvider
    {
        private int _backoffs;

        public int Backoffs => Volatile.Read(ref _backoffs);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime <= TimeSpan.Zero || dueTime > longest)
            {
                return TimeProvider.System.CreateTimer(callback, state, dueTime, period);
            }

            Interlocked.Increment(ref _backoffs);
            return new MovedTimer(Task.Run(async () =>
            {
                await advance();
                callback(state);
            }));
        }

        private sealed class MovedTimer(Task moved) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => false;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => new(moved.ContinueWith(static _ => { }, TaskScheduler.Default));
        }
    }

    /// <summary>Keeps the client's retry messages and the backoff each names.</summary>
    private sealed class RetryLog : ILogger
    {
        private readonly List<string> _retries = [];
        private readonly List<TimeSpan> _delays = [];

        public IReadOnlyList<string> Retries
        {
            get
            {
                lock (_retries)
                {
                    return [.. _retries];
                }
            }
        }

        public IReadOnlyList<TimeSpan> Delays
        {
            get
            {
                lock (_retries)
                {
                    return [.. _delays];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (message.Contains("retrying", StringComparison.Ordinal))
            {
                var delay = state is IEnumerable<KeyValuePair<string, object?>> fields
                    ? fields.Select(f => f.Value).OfType<TimeSpan>().Single()
                    : throw new InvalidOperationException("A retry message carries its delay.");
                lock (_retries)
                {
                    _retries.Add(message);
                    _delays.Add(delay);
                }
            }
        }
    }
}
