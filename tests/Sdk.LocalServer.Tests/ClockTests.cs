using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Swf.Client;
using Swf.LocalServer.Clock;
using Swf.Model;

namespace Swf.LocalServer.Tests;

/// <summary>Time control over HTTP (<c>--clock manual|skip</c>), driven through the endpoints and the SDK's own client.</summary>
public sealed class ClockTests : IDisposable
{
    private const string Domain = "clock";
    private static readonly DateTimeOffset T0 = new(2031, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("swf-local-clock-").FullName;
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Read_SystemClock_AnswersNowAndMode()
    {
        var time = new FakeTimeProvider(T0);
        await using var server = await Servers.StartAsync(o => o.TimeProvider = time);

        var (status, body) = await GetAsync(server);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2031-05-01T09:00:00.000Z", body.GetProperty("now").GetString());
        Assert.Equal("system", body.GetProperty("mode").GetString());
    }

    [Theory]
    [InlineData("advance")]
    [InlineData("skip")]
    public async Task Move_SystemClock_RefusedWith403(string move)
    {
        await using var server = await Servers.StartAsync();

        var (status, body) = await MoveAsync(server, move, """{"seconds": 60}""");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("ClockNotControllable", body.GetProperty("error").GetString());
        Assert.Contains("--clock manual", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advance_ManualClock_FiresOneDayTimerExactlyAtItsDueTime()
    {
        await using var server = await ManualAsync();
        using var swf = Servers.Client(server);
        await Servers.RegisterAsync(swf, Domain);
        var runId = (await StartYearLongAsync(swf)).Run.RunId!;
        var execution = new WorkflowExecution { WorkflowId = "w1", RunId = runId };
        await Servers.DecideAsync(swf, (await Servers.PollDecisionAsync(swf, Domain)).TaskToken!, Servers.StartTimer("day", "86400"));

        var (status, body) = await MoveAsync(server, "advance", """{"seconds": 86399}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2031-05-02T08:59:59.000Z", body.GetProperty("now").GetString());
        Assert.Equal("manual", body.GetProperty("mode").GetString());
        Assert.DoesNotContain(await Servers.HistoryAsync(swf, Domain, execution), e => e.EventType == EventType.TimerFired);

        (status, body) = await MoveAsync(server, "advance", """{"seconds": 1}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var fired = Assert.Single(await Servers.HistoryAsync(swf, Domain, execution), e => e.EventType == EventType.TimerFired);
        Assert.Equal(T0.AddDays(1).UtcDateTime, fired.EventTimestamp);
        var decision = await Servers.PollDecisionAsync(swf, Domain);
        Assert.Contains(decision.Events!, e => e.EventType == EventType.TimerFired);
    }

    [Fact]
    public async Task Skip_ManualClock_JumpsToTheTimerAndTheClockStaysThere()
    {
        var time = new FakeTimeProvider(T0);
        await using var server = await ManualAsync(time);
        using var swf = Servers.Client(server);
        await Servers.RegisterAsync(swf, Domain);
        var runId = (await StartYearLongAsync(swf)).Run.RunId!;
        await Servers.DecideAsync(swf, (await Servers.PollDecisionAsync(swf, Domain)).TaskToken!, Servers.StartTimer("day", "86400"));

        var (status, body) = await MoveAsync(server, "skip", string.Empty);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2031-05-02T09:00:00.000Z", body.GetProperty("now").GetString());
        var decision = await Servers.PollDecisionAsync(swf, Domain);
        Assert.Equal(EventType.TimerFired, decision.Events!.Last(e => e.EventType != EventType.DecisionTaskScheduled && e.EventType != EventType.DecisionTaskStarted).EventType);

        // A manual clock stands still however long the real time runs.
        time.Advance(TimeSpan.FromHours(5));
        Assert.Equal("2031-05-02T09:00:00.000Z", (await GetAsync(server)).Body.GetProperty("now").GetString());
        await Servers.DecideAsync(swf, decision.TaskToken!, Servers.Complete("done"));
        var history = await Servers.HistoryAsync(swf, Domain, new WorkflowExecution { WorkflowId = "w1", RunId = runId });
        Assert.Equal(EventType.WorkflowExecutionCompleted, history[^1].EventType);
        Assert.Equal(T0.AddDays(1).UtcDateTime, history[^1].EventTimestamp);
    }

    [Fact]
    public async Task Skip_NothingDue_409NothingDue()
    {
        await using var server = await ManualAsync();

        var (status, body) = await MoveAsync(server, "skip", string.Empty);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("NothingDue", body.GetProperty("error").GetString());
        Assert.Equal("2031-05-01T09:00:00.000Z", (await GetAsync(server)).Body.GetProperty("now").GetString());
    }

    [Theory]
    [InlineData("""{"seconds": 0}""")]
    [InlineData("""{"seconds": -5}""")]
    [InlineData("""{"seconds": "60"}""")]
    [InlineData("""{"minutes": 1}""")]
    [InlineData("""[60]""")]
    [InlineData("""{"seconds": 1e300}""")]
    [InlineData("""not json""")]
    public async Task Advance_BadBody_400AndTheClockDoesNotMove(string json)
    {
        await using var server = await ManualAsync();

        var (status, body) = await MoveAsync(server, "advance", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ValidationException", body.GetProperty("error").GetString());
        Assert.Equal("2031-05-01T09:00:00.000Z", (await GetAsync(server)).Body.GetProperty("now").GetString());
    }

    [Fact]
    public async Task Advance_WithoutTheHeader_403AndTheClockDoesNotMove()
    {
        await using var server = await ManualAsync();

        var (status, body) = await MoveAsync(server, "advance", """{"seconds": 60}""", header: false);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Forbidden", body.GetProperty("error").GetString());
        Assert.Equal("2031-05-01T09:00:00.000Z", (await GetAsync(server)).Body.GetProperty("now").GetString());
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task Advance_FromAnotherOrigin_403AndTheClockDoesNotMove(string header, string value)
    {
        await using var server = await ManualAsync();

        var (status, body) = await MoveAsync(server, "advance", """{"seconds": 60}""", extra: (header, value));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Forbidden", body.GetProperty("error").GetString());
        Assert.Equal("2031-05-01T09:00:00.000Z", (await GetAsync(server)).Body.GetProperty("now").GetString());
    }

    [Fact]
    public async Task Advance_RebindingHost_403()
    {
        await using var server = await ManualAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Endpoint, ClockEndpoints.Path + "/advance"))
        {
            Content = new StringContent("""{"seconds": 60}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = "rebind.example";
        request.Headers.Add("X-Swf-Console", "1");

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("2031-05-01T09:00:00.000Z", (await GetAsync(server)).Body.GetProperty("now").GetString());
    }

    [Theory]
    [InlineData(LocalClockMode.Manual)]
    [InlineData(LocalClockMode.Skip)]
    public async Task Restart_AfterAdvance_KeepsTheTime(LocalClockMode mode)
    {
        var time = new FakeTimeProvider(T0);
        var db = Path.Combine(_directory, "swf.db");
        await using (var server = await Servers.StartAsync(o => (o.TimeProvider, o.Clock, o.DatabasePath) = (time, mode, db)))
        {
            Assert.Equal(HttpStatusCode.OK, (await MoveAsync(server, "advance", """{"seconds": 259200}""")).Status);
        }

        await using var restarted = await Servers.StartAsync(o => (o.TimeProvider, o.Clock, o.DatabasePath) = (time, mode, db));

        Assert.Equal("2031-05-04T09:00:00.000Z", (await GetAsync(restarted)).Body.GetProperty("now").GetString());
    }

    [Fact]
    public async Task Restart_ManualClockWithTimerPending_TimerStillFiresAtItsDueTime()
    {
        var time = new FakeTimeProvider(T0);
        var db = Path.Combine(_directory, "swf.db");
        string runId;
        await using (var server = await Servers.StartAsync(o => (o.TimeProvider, o.Clock, o.DatabasePath) = (time, LocalClockMode.Manual, db)))
        {
            using var swf = Servers.Client(server);
            await Servers.RegisterAsync(swf, Domain);
            runId = (await StartYearLongAsync(swf)).Run.RunId!;
            await Servers.DecideAsync(swf, (await Servers.PollDecisionAsync(swf, Domain)).TaskToken!, Servers.StartTimer("day", "86400"));
            await MoveAsync(server, "advance", """{"seconds": 43200}""");
        }

        // Real time runs on while the server is down; the manual clock does not.
        time.Advance(TimeSpan.FromDays(3));
        await using var restarted = await Servers.StartAsync(o => (o.TimeProvider, o.Clock, o.DatabasePath) = (time, LocalClockMode.Manual, db));
        using var client = Servers.Client(restarted);
        var execution = new WorkflowExecution { WorkflowId = "w1", RunId = runId };
        Assert.DoesNotContain(await Servers.HistoryAsync(client, Domain, execution), e => e.EventType == EventType.TimerFired);

        var (_, body) = await MoveAsync(restarted, "skip", string.Empty);

        Assert.Equal("2031-05-02T09:00:00.000Z", body.GetProperty("now").GetString());
        Assert.Single(await Servers.HistoryAsync(client, Domain, execution), e => e.EventType == EventType.TimerFired);
    }

    [Fact]
    public async Task SkipMode_WorkersIdle_JumpsToTheTimerOnItsOwn()
    {
        // The base clock stands still, so only the skip can bring the timer due; the poll waits for it.
        var time = new FakeTimeProvider(T0);
        await using var server = await Servers.StartAsync(o => (o.TimeProvider, o.Clock) = (time, LocalClockMode.Skip));
        using var swf = Servers.Client(server);
        await Servers.RegisterAsync(swf, Domain);
        await StartYearLongAsync(swf);
        await Servers.DecideAsync(swf, (await Servers.PollDecisionAsync(swf, Domain)).TaskToken!, Servers.StartTimer("day", "86400"));

        var decision = await Servers.PollDecisionAsync(swf, Domain);

        var fired = Assert.Single(decision.Events!, e => e.EventType == EventType.TimerFired);
        Assert.Equal(T0.AddDays(1).UtcDateTime, fired.EventTimestamp);
        Assert.Equal("skip", (await GetAsync(server)).Body.GetProperty("mode").GetString());
    }

    /// <summary>Starts a run whose execution timeout (a year) is far beyond its timers (the scenarios' type defaults to a day).</summary>
    private static Task<StartWorkflowExecutionResponse> StartYearLongAsync(SwfHttpClient swf) =>
        swf.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = Domain, WorkflowId = "w1", WorkflowType = Servers.Workflow, ExecutionStartToCloseTimeout = "31536000" });

    private static Task<SwfLocalServer> ManualAsync(FakeTimeProvider? time = null) =>
        Servers.StartAsync(o => (o.TimeProvider, o.Clock) = (time ?? new FakeTimeProvider(T0), LocalClockMode.Manual));

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(SwfLocalServer server)
    {
        using var response = await _http.GetAsync(new Uri(server.Endpoint, ClockEndpoints.Path));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> MoveAsync(SwfLocalServer server, string move, string json, bool header = true, (string Name, string Value)? extra = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Endpoint, ClockEndpoints.Path + "/" + move))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (header)
        {
            request.Headers.Add("X-Swf-Console", "1");
        }

        if (extra is var (name, value))
        {
            request.Headers.Add(name, value);
        }

        using var response = await _http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
