using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalServer.Tests;

public sealed class RoundTripTests
{
    [Fact]
    public async Task SwfHttpClient_WholeWorkflowOverHttp_Completes()
    {
        await using var server = await Servers.StartAsync();
        using var swf = Servers.Client(server);
        const string domain = "round";
        await Servers.RegisterAsync(swf, domain);
        var run = (await Servers.StartAsync(swf, domain, "order-1", "order input")).Run;
        var execution = new WorkflowExecution { WorkflowId = "order-1", RunId = run.RunId! };

        var first = await Servers.PollDecisionAsync(swf, domain);
        Assert.Equal(run.RunId, first.WorkflowExecution!.RunId);
        Assert.Equal(0, first.PreviousStartedEventId);
        Assert.Equal(EventType.WorkflowExecutionStarted, first.Events![0].EventType);
        Assert.Equal("order input", first.Events![0].WorkflowExecutionStartedEventAttributes!.Input);
        await Servers.DecideAsync(swf, first.TaskToken!, Servers.ScheduleActivity("charge-1", "42"));

        var activity = await Servers.PollActivityAsync(swf, domain);
        Assert.Equal("charge-1", activity.ActivityId);
        Assert.Equal("42", activity.Input);
        var heartbeat = await swf.RecordActivityTaskHeartbeatAsync(new RecordActivityTaskHeartbeatRequest { TaskToken = activity.TaskToken!, Details = "half" });
        Assert.False(heartbeat.ActivityTaskStatus.CancelRequested);
        await swf.RespondActivityTaskCompletedAsync(new RespondActivityTaskCompletedRequest { TaskToken = activity.TaskToken!, Result = "charged" });
        await swf.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = domain, WorkflowId = "order-1", SignalName = "approve", Input = "yes" });

        var second = await Servers.PollDecisionAsync(swf, domain);
        Assert.Equal(first.StartedEventId, second.PreviousStartedEventId);
        Assert.Contains(second.Events!, e => e.EventType == EventType.ActivityTaskCompleted && e.ActivityTaskCompletedEventAttributes!.Result == "charged");
        Assert.Contains(second.Events!, e => e.EventType == EventType.WorkflowExecutionSignaled && e.WorkflowExecutionSignaledEventAttributes!.Input == "yes");
        await Servers.DecideAsync(swf, second.TaskToken!, Servers.Complete("done"));

        var history = await Servers.HistoryAsync(swf, domain, execution);
        Assert.Equal(EventType.WorkflowExecutionCompleted, history[^1].EventType);
        Assert.Equal("done", history[^1].WorkflowExecutionCompletedEventAttributes!.Result);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(e => e.EventId));

        var described = await swf.DescribeWorkflowExecutionAsync(new DescribeWorkflowExecutionRequest { Domain = domain, Execution = execution });
        Assert.Equal(ExecutionStatus.Closed, described.WorkflowExecutionDetail.ExecutionInfo.ExecutionStatus);
        Assert.Equal(CloseStatus.Completed, described.WorkflowExecutionDetail.ExecutionInfo.CloseStatus);
        var closed = await swf.ListClosedWorkflowExecutionsAsync(new ListClosedWorkflowExecutionsRequest
        {
            Domain = domain,
            StartTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UtcNow.AddDays(-1) },
        });
        Assert.Single(closed.WorkflowExecutionInfos.ExecutionInfos);

        // A stale token gets SWF's fault, typed, through the wire.
        await Assert.ThrowsAsync<UnknownResourceException>(() => Servers.DecideAsync(swf, second.TaskToken!));
    }

    [Fact]
    public async Task SwfHttpClient_EveryOperation_IsServed()
    {
        await using var server = await Servers.StartAsync();
        using var swf = Servers.Client(server);
        const string domain = "ops";
        await Servers.RegisterAsync(swf, domain);
        var arn = (await swf.DescribeDomainAsync(new DescribeDomainRequest { Name = domain })).DomainDetail.DomainInfo.Arn!;
        await swf.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new ResourceTag { Key = "team", Value = "orders" }] });
        Assert.Equal("orders", Assert.Single((await swf.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn })).Tags!).Value);
        await swf.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["team"] });
        Assert.Empty((await swf.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn })).Tags ?? []);

        Assert.Single((await swf.ListWorkflowTypesAsync(new ListWorkflowTypesRequest { Domain = domain, RegistrationStatus = RegistrationStatus.Registered })).WorkflowTypeInfos.TypeInfos);
        Assert.Single((await swf.ListActivityTypesAsync(new ListActivityTypesRequest { Domain = domain, RegistrationStatus = RegistrationStatus.Registered })).ActivityTypeInfos.TypeInfos);
        Assert.Equal("60", (await swf.DescribeWorkflowTypeAsync(new DescribeWorkflowTypeRequest { Domain = domain, WorkflowType = Servers.Workflow })).WorkflowTypeDetail.Configuration.DefaultTaskStartToCloseTimeout);
        Assert.Equal("NONE", (await swf.DescribeActivityTypeAsync(new DescribeActivityTypeRequest { Domain = domain, ActivityType = Servers.Activity })).ActivityTypeDetail.Configuration.DefaultTaskHeartbeatTimeout);

        await Servers.StartAsync(swf, domain, "a");
        await Servers.StartAsync(swf, domain, "b");
        var since = new ExecutionTimeFilter { OldestDate = DateTime.UtcNow.AddDays(-1) };
        Assert.Equal(2, (await swf.CountOpenWorkflowExecutionsAsync(new CountOpenWorkflowExecutionsRequest { Domain = domain, StartTimeFilter = since })).WorkflowExecutionCount.Count);
        Assert.Equal(2, (await swf.ListOpenWorkflowExecutionsAsync(new ListOpenWorkflowExecutionsRequest { Domain = domain, StartTimeFilter = since })).WorkflowExecutionInfos.ExecutionInfos.Count);
        Assert.Equal(2, (await swf.CountPendingDecisionTasksAsync(new CountPendingDecisionTasksRequest { Domain = domain, TaskList = new TaskList { Name = Servers.DecisionList } })).PendingTaskCount.Count);
        Assert.Equal(0, (await swf.CountPendingActivityTasksAsync(new CountPendingActivityTasksRequest { Domain = domain, TaskList = new TaskList { Name = Servers.ActivityList } })).PendingTaskCount.Count);
        await swf.RequestCancelWorkflowExecutionAsync(new RequestCancelWorkflowExecutionRequest { Domain = domain, WorkflowId = "a" });
        await swf.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = domain, WorkflowId = "b", Reason = "test" });
        Assert.Equal(1, (await swf.CountClosedWorkflowExecutionsAsync(new CountClosedWorkflowExecutionsRequest { Domain = domain, StartTimeFilter = since })).WorkflowExecutionCount.Count);

        // One activity task: failed; another: canceled after a cancel request.
        var decision = await Servers.PollDecisionAsync(swf, domain);
        await Servers.DecideAsync(swf, decision.TaskToken!, Servers.ScheduleActivity("x"), Servers.ScheduleActivity("y"));
        var x = await Servers.PollActivityAsync(swf, domain);
        await swf.RespondActivityTaskFailedAsync(new RespondActivityTaskFailedRequest { TaskToken = x.TaskToken!, Reason = "no" });
        var y = await Servers.PollActivityAsync(swf, domain);
        await swf.RespondActivityTaskCanceledAsync(new RespondActivityTaskCanceledRequest { TaskToken = y.TaskToken!, Details = "stop" });

        await swf.DeprecateActivityTypeAsync(new DeprecateActivityTypeRequest { Domain = domain, ActivityType = Servers.Activity });
        await swf.UndeprecateActivityTypeAsync(new UndeprecateActivityTypeRequest { Domain = domain, ActivityType = Servers.Activity });
        await swf.DeprecateActivityTypeAsync(new DeprecateActivityTypeRequest { Domain = domain, ActivityType = Servers.Activity });
        await swf.DeleteActivityTypeAsync(new DeleteActivityTypeRequest { Domain = domain, ActivityType = Servers.Activity });
        await swf.DeprecateWorkflowTypeAsync(new DeprecateWorkflowTypeRequest { Domain = domain, WorkflowType = Servers.Workflow });
        await swf.UndeprecateWorkflowTypeAsync(new UndeprecateWorkflowTypeRequest { Domain = domain, WorkflowType = Servers.Workflow });
        await swf.DeprecateWorkflowTypeAsync(new DeprecateWorkflowTypeRequest { Domain = domain, WorkflowType = Servers.Workflow });
        await swf.DeleteWorkflowTypeAsync(new DeleteWorkflowTypeRequest { Domain = domain, WorkflowType = Servers.Workflow });
        await swf.DeprecateDomainAsync(new DeprecateDomainRequest { Name = domain });
        await Assert.ThrowsAsync<DomainDeprecatedException>(() => swf.DeprecateDomainAsync(new DeprecateDomainRequest { Name = domain }));
        await swf.UndeprecateDomainAsync(new UndeprecateDomainRequest { Name = domain });
        Assert.Contains((await swf.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered })).DomainInfos.Infos, d => d.Name == domain);
    }
}
