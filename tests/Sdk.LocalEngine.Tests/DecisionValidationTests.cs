using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

/// <summary>The exact faults of a RespondDecisionTaskCompleted whose decisions SWF refuses as a whole.</summary>
public sealed class DecisionValidationTests
{
    [Fact]
    public async Task RespondDecisionTaskCompleted_UnknownDecisionType_RefusedAsNotInTheEnum()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();
        var task = await h.PollDecisionAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => h.RespondAsync(task, D.Marker("m"), new Decision { DecisionType = new DecisionType("ScheduleRocket") }));

        Assert.Equal(
            "1 validation error detected: Value 'ScheduleRocket' at 'decisions.2.member.decisionType' failed to satisfy constraint: Member must satisfy enum value set",
            error.Message);
    }

    [Theory]
    [InlineData("ScheduleActivityTask", "scheduleActivityTaskDecisionAttributes")]
    [InlineData("RequestCancelActivityTask", "requestCancelActivityTaskDecisionAttributes")]
    [InlineData("RecordMarker", "recordMarkerDecisionAttributes")]
    [InlineData("StartTimer", "startTimerDecisionAttributes")]
    [InlineData("CancelTimer", "cancelTimerDecisionAttributes")]
    [InlineData("SignalExternalWorkflowExecution", "signalExternalWorkflowExecutionDecisionAttributes")]
    [InlineData("RequestCancelExternalWorkflowExecution", "requestCancelExternalWorkflowExecutionDecisionAttributes")]
    [InlineData("StartChildWorkflowExecution", "startChildWorkflowExecutionDecisionAttributes")]
    [InlineData("ScheduleLambdaFunction", "scheduleLambdaFunctionDecisionAttributes")]
    public async Task RespondDecisionTaskCompleted_RequiredAttributesMissing_RefusedNamingTheMember(string decisionType, string member)
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        var task = await h.PollDecisionAsync();
        var before = await h.EventTypesAsync(runId);

        var error = await Assert.ThrowsAsync<ValidationException>(() => h.RespondAsync(task, new Decision { DecisionType = new DecisionType(decisionType) }));

        Assert.Equal($"1 validation error detected: Value null at 'decisions.1.member.{member}' failed to satisfy constraint: Member must not be null", error.Message);
        Assert.Equal(before, await h.EventTypesAsync(runId));
    }

    [Theory]
    [InlineData("CompleteWorkflowExecution")]
    [InlineData("FailWorkflowExecution")]
    [InlineData("CancelWorkflowExecution")]
    [InlineData("ContinueAsNewWorkflowExecution")]
    public async Task RespondDecisionTaskCompleted_ClosingDecisionWithoutAttributes_IsApplied(string decisionType)
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        var task = await h.PollDecisionAsync();

        await h.RespondAsync(task, new Decision { DecisionType = new DecisionType(decisionType) });

        Assert.NotNull((await h.DescribeAsync(runId)).ExecutionInfo.CloseStatus);
    }

    [Theory]
    [InlineData("CompleteWorkflowExecution")]
    [InlineData("FailWorkflowExecution")]
    [InlineData("CancelWorkflowExecution")]
    [InlineData("ContinueAsNewWorkflowExecution")]
    public async Task RespondDecisionTaskCompleted_ClosingDecisionNotLast_RefusedNamingItsPlace(string decisionType)
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();
        var task = await h.PollDecisionAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            h.RespondAsync(task, D.Marker("m"), new Decision { DecisionType = new DecisionType(decisionType) }, D.Marker("n")));

        Assert.Equal(
            $"1 validation error detected: Value at 'decisions.2.member.decisionType' failed to satisfy constraint: the closing decision {decisionType} must be the last decision in the list (it is decision 2 of 3); no decision was applied",
            error.Message);
    }

    [Fact]
    public async Task RespondDecisionTaskCompleted_TimerOfNone_RefusedNamingTheMember()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync();
        var task = await h.PollDecisionAsync();
        var timer = new Decision { DecisionType = DecisionType.StartTimer, StartTimerDecisionAttributes = new() { TimerId = "t", StartToFireTimeout = "NONE" } };

        var error = await Assert.ThrowsAsync<ValidationException>(() => h.RespondAsync(task, D.Marker("m"), timer));

        Assert.Equal(
            "1 validation error detected: Value at 'decisions.2.member.startTimerDecisionAttributes.startToFireTimeout' failed to satisfy constraint: Member must be a number of seconds; NONE is not allowed here",
            error.Message);
    }
}
