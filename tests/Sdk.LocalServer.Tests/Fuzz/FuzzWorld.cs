using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Swf.Model;

namespace Swf.LocalServer.Tests.Fuzz;

/// <summary>
/// An swf-local with a durable store on a clock that stands still, holding something of everything
/// (domains, types, an open run, a started decision task, a started activity task), and the check
/// each malformed request must pass: never a 5xx, SWF's error JSON, and, when refused, no change to
/// the engine's state or its journal.
/// </summary>
internal sealed class FuzzWorld : IAsyncDisposable
{
    public const string Domain = "fuzz";
    public const string VictimDomain = "fuzz-victim";
    public const string VictimType = "Victim";
    private const string DecisionFixtureList = "fuzz-decide";
    private const string ActivityFixtureDecisions = "fuzz-activity-decide";
    private const string ActivityFixtureList = "fuzz-activity";
    private const string SwfFaultNamespace = "com.amazonaws.swf.base.model#";

    private readonly string _database;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private SqliteConnection _reader = null!;
    private string _state = string.Empty;
    private long _journalLength;
    private int _ids;

    private FuzzWorld(string database) => _database = database;

    public SwfLocalServer Server { get; private set; } = null!;

    public string DecisionToken { get; private set; } = string.Empty;

    public string ActivityToken { get; private set; } = string.Empty;

    public WorkflowExecution Victim { get; private set; } = null!;

    public string DomainArn { get; private set; } = string.Empty;

    /// <summary>Gets how many requests were refused, and how many of those by operation.</summary>
    public Dictionary<string, int> Refused { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets how many requests were taken (200), by operation.</summary>
    public Dictionary<string, int> Taken { get; } = new(StringComparer.Ordinal);

    public static async Task<FuzzWorld> StartAsync(string database)
    {
        var world = new FuzzWorld(database);
        world.Server = await world.StartServerAsync();
        world._reader = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        world._reader.Open();
        var engine = world.Server.Engine;
        await Servers.RegisterAsync(engine, Domain);
        await engine.RegisterDomainAsync(new RegisterDomainRequest { Name = VictimDomain, WorkflowExecutionRetentionPeriodInDays = "1" });
        await engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest { Domain = Domain, Name = VictimType, Version = "1" });
        await engine.RegisterActivityTypeAsync(new RegisterActivityTypeRequest { Domain = Domain, Name = VictimType, Version = "1" });
        world.DomainArn = (await engine.DescribeDomainAsync(new DescribeDomainRequest { Name = Domain })).DomainDetail.DomainInfo.Arn!;
        await world.NewVictimAsync();
        await world.NewDecisionTaskAsync();
        await world.NewActivityTaskAsync();
        world.Rebaseline();
        return world;
    }

    /// <summary>A fresh name for something that must be new (an activity id, a timer id, a child's workflow id).</summary>
    public string NewId(string prefix) => prefix + (++_ids).ToString(CultureInfo.InvariantCulture);

    /// <summary>A valid value for a string member, naming what exists where the request refers to something.</summary>
    public string? ValueFor(string operation, string parent, string member)
    {
        var typeOperation = operation.Contains("Deprecate", StringComparison.Ordinal) || operation.StartsWith("Delete", StringComparison.Ordinal);
        return member switch
        {
            "domain" => Domain,
            "name" when parent == "taskList" => operation is "PollForActivityTask" or "CountPendingActivityTasks" or "RegisterActivityType" || parent == "scheduleActivityTaskDecisionAttributes" ? Servers.ActivityList : Servers.DecisionList,
            "name" when parent is "workflowType" or "activityType" => typeOperation ? VictimType : parent == "workflowType" ? Servers.Workflow.Name : Servers.Activity.Name,
            "name" when parent == "typeFilter" => Servers.Workflow.Name,
            "name" when operation is "DeprecateDomain" or "UndeprecateDomain" => VictimDomain,
            "name" when operation == "RegisterWorkflowType" => Servers.Workflow.Name,
            "name" when operation == "RegisterActivityType" => Servers.Activity.Name,
            "name" when operation is "RegisterDomain" or "DescribeDomain" => Domain,
            "name" => "fn",
            "version" or "workflowTypeVersion" => "1",
            "workflowId" when parent == "startChildWorkflowExecutionDecisionAttributes" => NewId("child-"),
            "workflowId" => Victim.WorkflowId,
            "runId" => Victim.RunId,
            "taskToken" => operation == "RespondDecisionTaskCompleted" ? DecisionToken : ActivityToken,
            "resourceArn" => DomainArn,
            "activityId" => NewId("activity-"),
            "timerId" => NewId("timer-"),
            "id" => NewId("lambda-"),
            "markerName" => "marker",
            "signalName" => "signal",
            "workflowExecutionRetentionPeriodInDays" => "1",
            "taskPriority" => "1",
            "key" => "k",
            "value" => "v",
            "tag" or "tagList" or "tagKeys" => "t",
            _ when member.EndsWith("Timeout", StringComparison.Ordinal) => "60",
            _ => "x",
        };
    }

    /// <summary>Sends a case and checks the answer; returns what is wrong with it, or null.</summary>
    public async Task<string?> SendAsync(FuzzCase fuzzCase, int number)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new UriBuilder(Server.Endpoint) { Path = fuzzCase.Path }.Uri) { Content = new ByteArrayContent(fuzzCase.Body) };
        if (fuzzCase.ContentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzzCase.ContentType);
        }

        if (fuzzCase.Target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", fuzzCase.Target);
        }

        var answer = await Wire.ReadAsync(await _http.SendAsync(request));
        var problem = await CheckAsync(fuzzCase, answer);
        return problem is null ? null : Describe(fuzzCase, number, answer, problem);
    }

    /// <summary>Checks that the store replays: a new server on the same file holds exactly the state this one holds.</summary>
    public async Task<string?> RestartAsync()
    {
        var before = WithoutIdleTaskLists(Server.Engine.DescribeState());
        await Server.DisposeAsync();
        Server = await StartServerAsync();
        var after = WithoutIdleTaskLists(Server.Engine.DescribeState());
        return before == after ? null : $"the state restored from the journal differs from the state before the restart:\n{FirstDifference(before, after)}";
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await _reader.DisposeAsync();
        _http.Dispose();
    }

    private static string FirstDifference(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var differences = new List<string>();
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "(nothing)";
            var right = i < b.Length ? b[i] : "(nothing)";
            if (left != right && differences.Count < 8)
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"  line {i + 1} before: {Cut(left, 400)}\n  line {i + 1} after:  {Cut(right, 400)}"));
            }
        }

        return differences.Count == 0 ? "  (no line differs)" : string.Join("\n", differences);
    }

    /// <summary>
    /// Drops the task lists with no task, no poller and nothing pending: a poll that found nothing
    /// leaves its list behind in memory, but it is no step of the journal (it changed nothing SWF
    /// shows), so a restored engine has only the lists that hold or held tasks.
    /// </summary>
    private static string WithoutIdleTaskLists(string state) =>
        string.Join('\n', state.Split('\n').Where(line => !(line.Contains(" list ", StringComparison.Ordinal) && line.EndsWith(" tasks [] pending 0 waiters 0", StringComparison.Ordinal))));

    private static string Cut(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");

    private static string Describe(FuzzCase fuzzCase, int number, WireAnswer answer, string problem)
    {
        var body = Encoding.UTF8.GetString(fuzzCase.Body);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"#{number} {fuzzCase.Operation} ({fuzzCase.Description}; path {fuzzCase.Path}, Content-Type {fuzzCase.ContentType ?? "none"}, X-Amz-Target {fuzzCase.Target ?? "none"}): {problem}\n  request:  {Cut(body, 600)}\n  answer:   {(int)answer.Status} {Cut(answer.Body, 600)}");
    }

    private Task<SwfLocalServer> StartServerAsync() => Servers.StartAsync(o =>
    {
        o.DatabasePath = _database;
        o.TimeProvider = _clock;
        o.LongPollTimeout = TimeSpan.Zero;
    });

    private async Task<string?> CheckAsync(FuzzCase fuzzCase, WireAnswer answer)
    {
        if ((int)answer.Status >= 500)
        {
            return "answered with a 5xx";
        }

        if (answer.Status == HttpStatusCode.OK)
        {
            Taken[fuzzCase.Operation] = Taken.GetValueOrDefault(fuzzCase.Operation) + 1;
            try
            {
                using var json = JsonDocument.Parse(answer.Body);
            }
            catch (JsonException)
            {
                return "answered 200 with a body that is not JSON";
            }

            // A request that was taken may use up what later requests refer to: make new ones.
            switch (fuzzCase.Operation)
            {
                case "RespondDecisionTaskCompleted":
                    await NewDecisionTaskAsync();
                    break;
                case "RespondActivityTaskCompleted" or "RespondActivityTaskFailed" or "RespondActivityTaskCanceled":
                    await NewActivityTaskAsync();
                    break;
                case "TerminateWorkflowExecution":
                    await NewVictimAsync();
                    break;
            }

            Rebaseline();
            return fuzzCase.MustReject ? "taken (200), but SWF refuses every request like it" : null;
        }

        Refused[fuzzCase.Operation] = Refused.GetValueOrDefault(fuzzCase.Operation) + 1;
        var problems = new List<string>();
        if ((int)answer.Status < 400)
        {
            problems.Add("refused with a status that is not 4xx");
        }

        if (answer.ContentType != Wire.AmzJson)
        {
            problems.Add($"refused with Content-Type {answer.ContentType ?? "none"}, not {Wire.AmzJson}");
        }

        if (string.IsNullOrEmpty(answer.ErrorType) || string.IsNullOrEmpty(answer.Message))
        {
            problems.Add("refused without SWF's error JSON (a __type and a message)");
        }

        // A request refused with one of SWF's own faults (an unknown token, a name already registered) is
        // journaled by design, as the step at which due timers ran, and replays as the same fault; any other
        // refusal (validation, serialization, protocol) must not reach the journal at all.
        var length = JournalLength();
        if (length != _journalLength && !(answer.ErrorType ?? string.Empty).StartsWith(SwfFaultNamespace, StringComparison.Ordinal))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"refused with {answer.ErrorType}, but the journal grew from {_journalLength} to {length} entries ({NewEntries(_journalLength)})"));
        }

        var state = Server.Engine.DescribeState();
        if (state != _state)
        {
            problems.Add("refused, but the engine's state changed:\n" + FirstDifference(_state, state));
            _state = state;
        }

        _journalLength = length;
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private void Rebaseline()
    {
        _state = Server.Engine.DescribeState();
        _journalLength = JournalLength();
    }

    private string NewEntries(long after)
    {
        using var select = _reader.CreateCommand();
        select.CommandText = "SELECT operation FROM journal ORDER BY id LIMIT -1 OFFSET $after";
        select.Parameters.AddWithValue("$after", after);
        using var rows = select.ExecuteReader();
        var operations = new List<string>();
        while (rows.Read())
        {
            operations.Add(rows.GetString(0));
        }

        return string.Join(", ", operations);
    }

    private long JournalLength()
    {
        using var count = _reader.CreateCommand();
        count.CommandText = "SELECT count(*) FROM journal";
        return (long)count.ExecuteScalar()!;
    }

    private async Task NewVictimAsync()
    {
        var id = NewId("victim-");
        var run = await Server.Engine.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = Domain, WorkflowId = id, WorkflowType = Servers.Workflow });
        Victim = new WorkflowExecution { WorkflowId = id, RunId = run.Run.RunId! };
    }

    private async Task NewDecisionTaskAsync()
    {
        await Server.Engine.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = Domain, WorkflowId = NewId("decide-"), WorkflowType = Servers.Workflow, TaskList = new TaskList { Name = DecisionFixtureList } });
        DecisionToken = (await Servers.PollDecisionAsync(Server.Engine, Domain, DecisionFixtureList)).TaskToken!;
    }

    private async Task NewActivityTaskAsync()
    {
        await Server.Engine.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = Domain, WorkflowId = NewId("act-"), WorkflowType = Servers.Workflow, TaskList = new TaskList { Name = ActivityFixtureDecisions } });
        var decision = await Servers.PollDecisionAsync(Server.Engine, Domain, ActivityFixtureDecisions);
        var schedule = Servers.ScheduleActivity(NewId("activity-"));
        schedule.ScheduleActivityTaskDecisionAttributes!.TaskList = new TaskList { Name = ActivityFixtureList };
        await Servers.DecideAsync(Server.Engine, decision.TaskToken!, schedule);
        ActivityToken = (await Servers.PollActivityAsync(Server.Engine, Domain, ActivityFixtureList)).TaskToken!;
    }
}
