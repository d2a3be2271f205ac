using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

/// <summary>
/// SWF takes only the enum values it documents (ordinal: "terminate" is not TERMINATE). The model's
/// enums stay open so a client keeps what a newer SWF sends; the engine refuses the rest, as SWF does.
/// </summary>
public sealed class EnumValidationTests
{
    public static TheoryData<string> Unknown => ["BOGUS", "registered", "terminate", " TERMINATE", ""];

    // Found by the fuzz test: these were taken (200), a listing answered with nothing and a termination recorded the value in history.
    [Theory]
    [MemberData(nameof(Unknown))]
    public async Task ListDomainsAndTypes_UnknownRegistrationStatus_ThrowsValidationNamingTheValues(string value)
    {
        using var h = await EngineHarness.CreateAsync();

        var domains = await Assert.ThrowsAsync<ValidationException>(() => h.Engine.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = new RegistrationStatus(value) }));
        var workflows = await Assert.ThrowsAsync<ValidationException>(() => h.Engine.ListWorkflowTypesAsync(new ListWorkflowTypesRequest { Domain = EngineHarness.Domain, RegistrationStatus = new RegistrationStatus(value) }));
        var activities = await Assert.ThrowsAsync<ValidationException>(() => h.Engine.ListActivityTypesAsync(new ListActivityTypesRequest { Domain = EngineHarness.Domain, RegistrationStatus = new RegistrationStatus(value) }));

        Assert.All(
            new[] { domains, workflows, activities },
            ex => Assert.Equal($"1 validation error detected: Value '{value}' at 'registrationStatus' failed to satisfy constraint: Member must satisfy enum value set: [REGISTERED, DEPRECATED]", ex.Message));
    }

    [Theory]
    [MemberData(nameof(Unknown))]
    public async Task TerminateWorkflowExecution_UnknownChildPolicy_ThrowsValidationAndChangesNothing(string value)
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();
        var before = h.Engine.DescribeState();

        var ex = await Assert.ThrowsAsync<ValidationException>(() => h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1", ChildPolicy = new ChildPolicy(value) }));

        Assert.Contains("at 'childPolicy' failed to satisfy constraint: Member must satisfy enum value set: [TERMINATE, REQUEST_CANCEL, ABANDON]", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, h.Engine.DescribeState());
    }

    [Fact]
    public async Task StartAndRegister_UnknownChildPolicy_ThrowsValidationAndChangesNothing()
    {
        using var h = await EngineHarness.CreateAsync();
        var before = h.Engine.DescribeState();

        var start = await Assert.ThrowsAsync<ValidationException>(() => h.Engine.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1", WorkflowType = EngineHarness.Workflow, ChildPolicy = new ChildPolicy("terminate") }));
        var register = await Assert.ThrowsAsync<ValidationException>(() => h.Engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest { Domain = EngineHarness.Domain, Name = "Other", Version = "1", DefaultChildPolicy = new ChildPolicy("BOGUS") }));

        Assert.Contains("Value 'terminate' at 'childPolicy'", start.Message, StringComparison.Ordinal);
        Assert.Contains("Value 'BOGUS' at 'defaultChildPolicy'", register.Message, StringComparison.Ordinal);
        Assert.Equal(before, h.Engine.DescribeState());
    }

    [Fact]
    public async Task ListAndCountClosed_UnknownCloseStatus_ThrowsValidation()
    {
        using var h = await EngineHarness.CreateAsync();
        var filter = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch };

        var list = await Assert.ThrowsAsync<ValidationException>(() => h.Engine.ListClosedWorkflowExecutionsAsync(new ListClosedWorkflowExecutionsRequest { Domain = EngineHarness.Domain, StartTimeFilter = filter, CloseStatusFilter = new CloseStatusFilter { Status = new CloseStatus("completed") } }));
        var count = await Assert.ThrowsAsync<ValidationException>(() => h.Engine.CountClosedWorkflowExecutionsAsync(new CountClosedWorkflowExecutionsRequest { Domain = EngineHarness.Domain, StartTimeFilter = filter, CloseStatusFilter = new CloseStatusFilter { Status = new CloseStatus("DONE") } }));

        Assert.Contains("Value 'completed' at 'closeStatusFilter.status'", list.Message, StringComparison.Ordinal);
        Assert.Contains("Value 'DONE' at 'closeStatusFilter.status'", count.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_UnknownChildPolicyAfterValidDecisions_RejectsTheWholeBatch()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();
        var task = await h.PollDecisionAsync();
        var before = h.Engine.DescribeState();

        var ex = await Assert.ThrowsAsync<ValidationException>(() => h.RespondAsync(
            task,
            D.Marker("m"),
            D.StartTimer("t", 60),
            D.StartChild("child", configure: a => a.ChildPolicy = new ChildPolicy("abandon"))));
        var continued = await Assert.ThrowsAsync<ValidationException>(() => h.RespondAsync(task, D.Marker("m"), D.ContinueAsNew(configure: a => a.ChildPolicy = new ChildPolicy("BOGUS"))));

        Assert.Contains("at 'decisions.3.member.startChildWorkflowExecutionDecisionAttributes.childPolicy'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("at 'decisions.2.member.continueAsNewWorkflowExecutionDecisionAttributes.childPolicy'", continued.Message, StringComparison.Ordinal);
        Assert.Equal(before, h.Engine.DescribeState());
    }

    [Fact]
    public async Task ListDomains_EveryDocumentedStatus_IsTaken()
    {
        using var h = await EngineHarness.CreateAsync();

        foreach (var status in RegistrationStatus.KnownValues)
        {
            await h.Engine.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = status });
        }
    }
}
