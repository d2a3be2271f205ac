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

    private static string Json(List<HistoryEvent> events) => JsonSerializer.Serialize(new History { Events = events }, SwfJsonContext.Default.History);
}
