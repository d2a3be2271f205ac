using System.Net;
using System.Text.Json;
using Swf.Model;
using Swf.Serialization;

namespace Swf.LocalServer.Tests;

/// <summary>Requests a hostile client sends: each gets SWF's 4xx, changes nothing, and leaves a store that restarts.</summary>
public sealed class MalformedRequestTests : IDisposable
{
    private const string Domain = "hostile";
    private const string Validation = "com.amazon.coral.validate#ValidationException";
    private readonly string _directory = Directory.CreateTempSubdirectory("swf-local-malformed-").FullName;
    private readonly HttpClient _http = new();

    private string Database => Path.Combine(_directory, "swf.db");

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    // Defect: "" passed validation, the engine threw FormatException after recording DecisionTaskCompleted and
    // MarkerRecorded, the request was journaled and answered 500, and the store never started again.
    [Fact]
    public async Task RespondDecisionTaskCompleted_EmptyActivityTimeout_Is400ChangesNothingAndTheStoreRestarts()
    {
        WorkflowExecution execution;
        string token;
        string before;
        await using (var server = await Servers.StartAsync(o => o.DatabasePath = Database))
        {
            using var swf = Servers.Client(server);
            await Servers.RegisterAsync(swf, Domain);
            var run = (await Servers.StartAsync(swf, Domain, "wf")).Run;
            execution = new WorkflowExecution { WorkflowId = "wf", RunId = run.RunId! };
            token = (await Servers.PollDecisionAsync(swf, Domain)).TaskToken!;
            before = Json(await Servers.HistoryAsync(swf, Domain, execution));

            var answer = await Wire.SendAsync(_http, server.Endpoint, "RespondDecisionTaskCompleted", $$$"""
                {"taskToken":"{{{token}}}","decisions":[
                  {"decisionType":"RecordMarker","recordMarkerDecisionAttributes":{"markerName":"m"}},
                  {"decisionType":"ScheduleActivityTask","scheduleActivityTaskDecisionAttributes":{"activityType":{"name":"Charge","version":"1"},"activityId":"a1","scheduleToCloseTimeout":""}}]}
                """);

            var message = answer.AssertError(HttpStatusCode.BadRequest, Validation);
            Assert.Contains("'decisions.2.member.scheduleActivityTaskDecisionAttributes.scheduleToCloseTimeout'", message, StringComparison.Ordinal);
            Assert.Equal(before, Json(await Servers.HistoryAsync(swf, Domain, execution)));
        }

        await using (var server = await Servers.StartAsync(o => o.DatabasePath = Database))
        {
            using var swf = Servers.Client(server);
            Assert.Equal(before, Json(await Servers.HistoryAsync(swf, Domain, execution)));
            await Servers.DecideAsync(swf, token, Servers.Complete());
            Assert.Equal(EventType.WorkflowExecutionCompleted, (await Servers.HistoryAsync(swf, Domain, execution))[^1].EventType);
        }
    }

    // Defect: an empty default timeout was registered (200); the decision task that used it then failed half-way.
    [Theory]
    [InlineData("RegisterActivityType", "defaultTaskStartToCloseTimeout")]
    [InlineData("RegisterActivityType", "defaultTaskHeartbeatTimeout")]
    [InlineData("RegisterActivityType", "defaultTaskScheduleToStartTimeout")]
    [InlineData("RegisterActivityType", "defaultTaskScheduleToCloseTimeout")]
    [InlineData("RegisterWorkflowType", "defaultTaskStartToCloseTimeout")]
    [InlineData("RegisterWorkflowType", "defaultExecutionStartToCloseTimeout")]
    public async Task RegisterType_EmptyDefaultTimeout_Is400AndRegistersNothing(string operation, string member)
    {
        await using var server = await Servers.StartAsync(o => o.DatabasePath = Database);
        await server.Engine.RegisterDomainAsync(new RegisterDomainRequest { Name = Domain, WorkflowExecutionRetentionPeriodInDays = "1" });

        var answer = await Wire.SendAsync(_http, server.Endpoint, operation, $$"""{"domain":"{{Domain}}","name":"T","version":"1","{{member}}":""}""");

        Assert.Contains($"'{member}'", answer.AssertError(HttpStatusCode.BadRequest, Validation), StringComparison.Ordinal);
        var workflows = await server.Engine.ListWorkflowTypesAsync(new ListWorkflowTypesRequest { Domain = Domain, RegistrationStatus = RegistrationStatus.Registered });
        var activities = await server.Engine.ListActivityTypesAsync(new ListActivityTypesRequest { Domain = Domain, RegistrationStatus = RegistrationStatus.Registered });
        Assert.Empty(workflows.WorkflowTypeInfos.TypeInfos);
        Assert.Empty(activities.ActivityTypeInfos.TypeInfos);
    }

    // Defect: a timestamp DateTime cannot hold overflowed in the converter and was answered 500.
    [Theory]
    [InlineData("ListOpenWorkflowExecutions", "startTimeFilter", "oldestDate", "1e20")]
    [InlineData("ListOpenWorkflowExecutions", "startTimeFilter", "latestDate", "18446744073709551616")]
    [InlineData("CountOpenWorkflowExecutions", "startTimeFilter", "oldestDate", "-1e12")]
    [InlineData("ListClosedWorkflowExecutions", "closeTimeFilter", "oldestDate", "999999999999")]
    [InlineData("CountClosedWorkflowExecutions", "startTimeFilter", "oldestDate", "253402300800")]
    [InlineData("ListClosedWorkflowExecutions", "startTimeFilter", "oldestDate", "\"1e30\"")]
    [InlineData("ListOpenWorkflowExecutions", "startTimeFilter", "oldestDate", "\"NaN\"")]
    [InlineData("ListOpenWorkflowExecutions", "startTimeFilter", "oldestDate", "\"-Infinity\"")]
    [InlineData("ListOpenWorkflowExecutions", "startTimeFilter", "oldestDate", "1e400")]
    public async Task ListOrCount_TimestampOutOfRange_Is400NamingTheMember(string operation, string filter, string member, string value)
    {
        await using var server = await Servers.StartAsync();
        await server.Engine.RegisterDomainAsync(new RegisterDomainRequest { Name = Domain, WorkflowExecutionRetentionPeriodInDays = "1" });
        var other = member == "oldestDate" ? string.Empty : ",\"oldestDate\":0";

        var answer = await Wire.SendAsync(_http, server.Endpoint, operation, $$$"""{"domain":"{{{Domain}}}","{{{filter}}}":{"{{{member}}}":{{{value}}}{{{other}}}}}""");

        Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{(int)answer.Status}: {answer.Body}");
        Assert.Contains(answer.ErrorType, new[] { Validation, "com.amazon.coral.service#SerializationException" });
    }

    [Theory]
    [InlineData("0")]
    [InlineData("253402300799.999")]
    [InlineData("-62135596800")]
    [InlineData("\"9999-12-31T23:59:59Z\"")]
    public async Task ListOpenWorkflowExecutions_TimestampAtTheEdgesOfTheRange_IsAccepted(string value)
    {
        await using var server = await Servers.StartAsync();
        await server.Engine.RegisterDomainAsync(new RegisterDomainRequest { Name = Domain, WorkflowExecutionRetentionPeriodInDays = "1" });

        var answer = await Wire.SendAsync(_http, server.Endpoint, "ListOpenWorkflowExecutions", $$$"""{"domain":"{{{Domain}}}","startTimeFilter":{"oldestDate":{{{value}}}}}""");

        Assert.True(answer.Status == HttpStatusCode.OK, $"{(int)answer.Status}: {answer.Body}");
    }

    // Defect: Kestrel's 413 surfaced in the handler as an unexpected exception, answered 500.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_BodyOverTheLimit_Is413WithSwfErrorJson(bool contentLength)
    {
        await using var server = await Servers.StartAsync();
        var body = $$"""{"name":"big","workflowExecutionRetentionPeriodInDays":"1","description":"{{new string('x', 3 * 1024 * 1024)}}"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint)
        {
            Content = contentLength ? new StringContent(body, System.Text.Encoding.UTF8, Wire.AmzJson) : new ChunkedContent(body),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "SimpleWorkflowService.RegisterDomain");

        var answer = await Wire.ReadAsync(await _http.SendAsync(request));

        Assert.Contains("2097152 bytes", answer.AssertError(HttpStatusCode.RequestEntityTooLarge, "com.amazon.coral.service#RequestEntityTooLargeException"), StringComparison.Ordinal);
        var domains = await server.Engine.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered });
        Assert.Empty(domains.DomainInfos.Infos);
    }

    // Defect: a body that ended before its Content-Length, or stopped arriving, made Kestrel throw in the
    // handler, which answered 500 as if swf-local had failed. (Over a socket the client that cut the body
    // short has gone, so the handler is driven directly, with the exceptions Kestrel throws.)
    [Theory]
    [InlineData(400, "Unexpected end of request content.", "com.amazon.coral.service#SerializationException")]
    [InlineData(408, "Reading the request body timed out due to data arriving too slowly. See MinRequestBodyDataRate.", "com.amazon.coral.service#RequestTimeoutException")]
    public async Task Handle_BodyCutShortOrTooSlow_IsItsOwnStatusWithSwfErrorJson(int status, string kestrelMessage, string type)
    {
        using var engine = new LocalEngine.LocalSwfEngine();
        var handler = new Protocol.SwfRequestHandler(engine, null, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, logRequests: false);
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/";
        context.Request.ContentType = Wire.AmzJson;
        context.Request.ContentLength = 100;
        context.Request.Headers["X-Amz-Target"] = "SimpleWorkflowService.RegisterDomain";
        context.Request.Body = new FailingStream(new Microsoft.AspNetCore.Http.BadHttpRequestException(kestrelMessage, status));
        using var output = new MemoryStream();
        context.Response.Body = output;

        await handler.HandleAsync(context);

        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal(Wire.AmzJson, context.Response.ContentType);
        using var body = System.Text.Json.JsonDocument.Parse(output.ToArray());
        Assert.Equal(type, body.RootElement.GetProperty("__type").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("message").GetString()));
        Assert.Empty((await engine.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered })).DomainInfos.Infos);
    }

    // Defect: SWF's protocol was served on any POST path.
    [Theory]
    [InlineData("/some/path")]
    [InlineData("/console/apix")]
    [InlineData("/Console/Api/signal")]
    [InlineData("/index.html")]
    public async Task Post_AnyPathButTheRoot_Is404UnknownOperationExceptionAndRunsNothing(string path)
    {
        await using var server = await Servers.StartAsync();

        var answer = await Wire.SendAsync(_http, server.Endpoint, "RegisterDomain", """{"name":"elsewhere","workflowExecutionRetentionPeriodInDays":"1"}""", path: path);

        answer.AssertError(HttpStatusCode.NotFound, "com.amazon.coral.service#UnknownOperationException");
        var domains = await server.Engine.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered });
        Assert.Empty(domains.DomainInfos.Infos);
    }

    // Defect: a task list named " " was accepted.
    [Theory]
    [InlineData("PollForDecisionTask", """{"domain":"hostile","taskList":{"name":" "}}""", "taskList.name")]
    [InlineData("PollForActivityTask", """{"domain":"hostile","taskList":{"name":"\t "}}""", "taskList.name")]
    [InlineData("StartWorkflowExecution", """{"domain":"hostile","workflowId":"  ","workflowType":{"name":"OrderFlow","version":"1"}}""", "workflowId")]
    [InlineData("RegisterActivityType", """{"domain":"hostile","name":" ","version":"1"}""", "name")]
    [InlineData("RegisterWorkflowType", """{"domain":"hostile","name":"W","version":"\u00a0"}""", "version")]
    [InlineData("RegisterDomain", """{"name":" ","workflowExecutionRetentionPeriodInDays":"1"}""", "name")]
    public async Task Operation_NameOfOnlyWhitespace_Is400NamingTheMember(string operation, string body, string member)
    {
        await using var server = await Servers.StartAsync(o => o.LongPollTimeout = TimeSpan.Zero);
        await Servers.RegisterAsync(server.Engine, Domain);
        var before = server.Engine.DescribeState();

        var answer = await Wire.SendAsync(_http, server.Endpoint, operation, body);

        Assert.Contains($"'{member}'", answer.AssertError(HttpStatusCode.BadRequest, Validation), StringComparison.Ordinal);
        Assert.Equal(before, server.Engine.DescribeState());
    }

    private static string Json(List<HistoryEvent> events) => JsonSerializer.Serialize(new History { Events = events }, SwfJsonContext.Default.History);
}
