using Swf.Exceptions;
using Swf.Model;
using Swf.Validation;

namespace Swf.Tests.Validation;

public class SwfRequestValidatorTests
{
    private static readonly Dictionary<string, (Action Validate, string Path, string Expected)> Cases = new()
    {
        ["oversized input"] = (() => SwfRequestValidator.ThrowIfInvalid(Start(r => r.Input = new string('x', 32_769))),
            "input", "less than or equal to 32768 (its length is 32769)"),
        ["oversized result"] = (() => SwfRequestValidator.ThrowIfInvalid(new RespondActivityTaskCompletedRequest { TaskToken = "t", Result = new string('x', 32_769) }),
            "result", "less than or equal to 32768 (its length is 32769)"),
        ["oversized heartbeat details"] = (() => SwfRequestValidator.ThrowIfInvalid(new RecordActivityTaskHeartbeatRequest { TaskToken = "t", Details = new string('x', 2_049) }),
            "details", "less than or equal to 2048 (its length is 2049)"),
        ["oversized failure details"] = (() => SwfRequestValidator.ThrowIfInvalid(new RespondActivityTaskFailedRequest { TaskToken = "t", Details = new string('x', 32_769) }),
            "details", "less than or equal to 32768 (its length is 32769)"),
        ["oversized reason"] = (() => SwfRequestValidator.ThrowIfInvalid(new RespondActivityTaskFailedRequest { TaskToken = "t", Reason = new string('x', 257) }),
            "reason", "less than or equal to 256 (its length is 257)"),
        ["oversized terminate reason"] = (() => SwfRequestValidator.ThrowIfInvalid(new TerminateWorkflowExecutionRequest { Domain = "d", WorkflowId = "w", Reason = new string('x', 257) }),
            "reason", "less than or equal to 256 (its length is 257)"),
        ["domain too long"] = (() => SwfRequestValidator.ThrowIfInvalid(Start(r => r.Domain = new string('d', 257))),
            "domain", "less than or equal to 256 (its length is 257)"),
        ["workflowId too long"] = (() => SwfRequestValidator.ThrowIfInvalid(Start(r => r.WorkflowId = new string('w', 257))),
            "workflowId", "less than or equal to 256 (its length is 257)"),
        ["type version too long"] = (() => SwfRequestValidator.ThrowIfInvalid(Start(r => r.WorkflowType = new WorkflowType { Name = "Order", Version = new string('1', 65) })),
            "workflowType.version", "less than or equal to 64 (its length is 65)"),
        ["task list too long"] = (() => SwfRequestValidator.ThrowIfInvalid(Start(r => r.TaskList = new TaskList { Name = new string('t', 257) })),
            "taskList.name", "less than or equal to 256 (its length is 257)"),
        ["activityId too long"] = (() => SwfRequestValidator.ThrowIfInvalid(Respond(Schedule(activityId: new string('a', 257)))),
            "decisions.1.member.scheduleActivityTaskDecisionAttributes.activityId", "less than or equal to 256 (its length is 257)"),
        ["timerId too long"] = (() => SwfRequestValidator.ThrowIfInvalid(Respond(Timer(new string('t', 257), "5"))),
            "decisions.1.member.startTimerDecisionAttributes.timerId", "less than or equal to 256 (its length is 257)"),
        ["domain with colon"] = (() => SwfRequestValidator.ThrowIfInvalid(Start(r => r.Domain = "a:b")), "domain", "found ':'"),
        ["domain with leading whitespace"] = (() => SwfRequestValidator.ThrowIfInvalid(Start(r => r.Domain = " orders")), "domain", "must not start or end with whitespace"),
        ["domain that is arn"] = (() => SwfRequestValidator.ThrowIfInvalid(new RegisterDomainRequest { Name = "arn", WorkflowExecutionRetentionPeriodInDays = "1" }),
            "name", "literal string 'arn'"),
        ["workflowId with slash"] = (() => SwfRequestValidator.ThrowIfInvalid(Start(r => r.WorkflowId = "orders/1")), "workflowId", "found '/'"),
        ["workflowId with control character"] = (() => SwfRequestValidator.ThrowIfInvalid(Start(r => r.WorkflowId = "order\n1")), "workflowId", "found U+000A"),
        ["type name with pipe"] = (() => SwfRequestValidator.ThrowIfInvalid(Start(r => r.WorkflowType = new WorkflowType { Name = "Order|v2", Version = "1" })),
            "workflowType.name", "found '|'"),
        ["type version with colon"] = (() => SwfRequestValidator.ThrowIfInvalid(new RegisterActivityTypeRequest { Domain = "d", Name = "Charge", Version = "1:0" }),
            "version", "found ':'"),
        ["task list that is arn"] = (() => SwfRequestValidator.ThrowIfInvalid(new PollForDecisionTaskRequest { Domain = "d", TaskList = new TaskList { Name = "arn" } }),
            "taskList.name", "literal string 'arn'"),
        ["task list with DEL"] = (() => SwfRequestValidator.ThrowIfInvalid(new PollForActivityTaskRequest { Domain = "d", TaskList = new TaskList { Name = "work\u007F" } }),
            "taskList.name", "found U+007F"),
        ["activityId with colon"] = (() => SwfRequestValidator.ThrowIfInvalid(Respond(Schedule(activityId: "charge:1"))),
            "decisions.1.member.scheduleActivityTaskDecisionAttributes.activityId", "found ':'"),
        ["timerId with slash"] = (() => SwfRequestValidator.ThrowIfInvalid(Respond(Timer("wait/1", "5"))),
            "decisions.1.member.startTimerDecisionAttributes.timerId", "found '/'"),
        ["too many tags"] = (() => SwfRequestValidator.ThrowIfInvalid(Start(r => r.TagList = ["a", "b", "c", "d", "e", "f"])),
            "tagList", "at most 5 items (it has 6)"),
        ["maximumPageSize above 1000"] = (() => SwfRequestValidator.ThrowIfInvalid(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered, MaximumPageSize = 1001 }),
            "maximumPageSize", "between 0 and 1000 (it is 1001)"),
        ["bad execution timeout"] = (() => SwfRequestValidator.ThrowIfInvalid(Start(r => r.ExecutionStartToCloseTimeout = "1h")),
            "executionStartToCloseTimeout", "whole number of seconds or NONE (it is '1h')"),
        ["timer longer than a year"] = (() => SwfRequestValidator.ThrowIfInvalid(Respond(Timer("t1", "99999999"))),
            "decisions.1.member.startTimerDecisionAttributes.startToFireTimeout", "at most 31536000 seconds"),
        ["bad taskPriority"] = (() => SwfRequestValidator.ThrowIfInvalid(Start(r => r.TaskPriority = "high")),
            "taskPriority", "integer from -2147483648 to 2147483647 (it is 'high')"),
        ["required member null inside a decision"] = (() => SwfRequestValidator.ThrowIfInvalid(Respond(Timer("t0", "1"), Timer(null!, "5"))),
            "decisions.2.member.startTimerDecisionAttributes.timerId", "Member must not be null"),
        ["required decision type null"] = (() => SwfRequestValidator.ThrowIfInvalid(Respond(new Decision { DecisionType = null! })),
            "decisions.1.member.decisionType", "Member must not be null"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ThrowIfInvalid_BrokenConstraint_ThrowsNamingTheFieldAndTheLimit(string name)
    {
        var (validate, path, expected) = Cases[name];

        var error = Assert.Throws<ValidationException>(validate);

        Assert.StartsWith("1 validation error detected: ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"at '{path}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfInvalid_ValidRequests_DoNotThrow()
    {
        SwfRequestValidator.ThrowIfInvalid(Start(r =>
        {
            r.Input = new string('x', 32_768);
            r.TagList = ["a", "b", "c", "d", "e"];
            r.TaskPriority = "-10";
            r.ExecutionStartToCloseTimeout = "31536000";
            r.TaskStartToCloseTimeout = "NONE";
        }));
        SwfRequestValidator.ThrowIfInvalid(Respond(Schedule("charge-1"), Timer("t1", "30")));
        SwfRequestValidator.ThrowIfInvalid(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered, MaximumPageSize = 1000 });
    }

    [Fact]
    public void ThrowIfInvalid_SeveralBrokenConstraints_ListsThemAll()
    {
        var request = Start(r =>
        {
            r.Domain = "a:b";
            r.Input = new string('x', 40_000);
            r.TagList = ["1", "2", "3", "4", "5", "6"];
        });

        var error = Assert.Throws<ValidationException>(() => SwfRequestValidator.ThrowIfInvalid(request));

        Assert.StartsWith("3 validation errors detected: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("'domain'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'input'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'tagList'", error.Message, StringComparison.Ordinal);
    }

    private static StartWorkflowExecutionRequest Start(Action<StartWorkflowExecutionRequest> change)
    {
        var request = new StartWorkflowExecutionRequest
        {
            Domain = "orders",
            WorkflowId = "order-1",
            WorkflowType = new WorkflowType { Name = "Order", Version = "1" },
            TaskList = new TaskList { Name = "deciders" },
        };
        change(request);
        return request;
    }

    private static RespondDecisionTaskCompletedRequest Respond(params Decision[] decisions) => new() { TaskToken = "token", Decisions = [.. decisions] };

    private static Decision Timer(string timerId, string startToFire) => new()
    {
        DecisionType = DecisionType.StartTimer,
        StartTimerDecisionAttributes = new StartTimerDecisionAttributes { TimerId = timerId, StartToFireTimeout = startToFire },
    };

    private static Decision Schedule(string activityId) => new()
    {
        DecisionType = DecisionType.ScheduleActivityTask,
        ScheduleActivityTaskDecisionAttributes = new ScheduleActivityTaskDecisionAttributes
        {
            ActivityId = activityId,
            ActivityType = new ActivityType { Name = "Charge", Version = "1" },
        },
    };
}
