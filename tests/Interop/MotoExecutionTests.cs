using Swf.Exceptions;
using Swf.Model;

namespace Swf.Interop.Tests;

/// <summary>Starting, signalling, terminating, describing and listing executions against moto_server.</summary>
[Collection(MotoServerGroup.Name)]
public sealed class MotoExecutionTests(MotoServerFixture moto)
{
    [SkippableFact]
    public async Task StartWorkflowExecution_NewWorkflowId_DescribesOpenExecutionWithEffectiveConfiguration()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "start");

        var execution = await scenario.StartAsync("order-1", input: "{\"id\":1}", tags: ["vip", "eu"]);
        var detail = await scenario.DescribeAsync(execution);

        Assert.InRange(execution.RunId.Length, 1, 64);
        Assert.Equal("order-1", detail.ExecutionInfo.Execution.WorkflowId);
        Assert.Equal(execution.RunId, detail.ExecutionInfo.Execution.RunId);
        Assert.Equal(scenario.WorkflowType.Name, detail.ExecutionInfo.WorkflowType.Name);
        Assert.Equal(scenario.WorkflowType.Version, detail.ExecutionInfo.WorkflowType.Version);
        Assert.Equal(ExecutionStatus.Open, detail.ExecutionInfo.ExecutionStatus);
        Assert.Null(detail.ExecutionInfo.CloseStatus);
        Assert.False(detail.ExecutionInfo.CancelRequested);
        Assert.Equal(["vip", "eu"], detail.ExecutionInfo.TagList);

        // startTimestamp is present, but moto's Describe sends a constant (2015-01-01), so its value is not checked here.
        // The configuration is the effective one: every value comes from the type's defaults.
        Assert.Equal(MotoScenario.DecisionTaskList, detail.ExecutionConfiguration.TaskList.Name);
        Assert.Equal("3600", detail.ExecutionConfiguration.ExecutionStartToCloseTimeout);
        Assert.Equal("300", detail.ExecutionConfiguration.TaskStartToCloseTimeout);
        Assert.Equal(ChildPolicy.Terminate, detail.ExecutionConfiguration.ChildPolicy);
        Assert.Equal(1, detail.OpenCounts.OpenDecisionTasks);
        Assert.Equal(0, detail.OpenCounts.OpenActivityTasks);
        Assert.Equal(0, detail.OpenCounts.OpenChildWorkflowExecutions);
        Assert.Null(detail.LatestExecutionContext);

        var history = await scenario.HistoryAsync(execution);
        Assert.Equal([EventType.WorkflowExecutionStarted, EventType.DecisionTaskScheduled], history.Select(e => e.EventType));
        Assert.Equal([1L, 2L], history.Select(e => e.EventId));
        var started = history[0].WorkflowExecutionStartedEventAttributes!;
        Assert.Equal("{\"id\":1}", started.Input);
        Assert.Equal(MotoScenario.DecisionTaskList, started.TaskList.Name);
        Assert.Equal(ChildPolicy.Terminate, started.ChildPolicy);
        Assert.Equal(scenario.WorkflowType.Name, started.WorkflowType.Name);
        Assert.Equal(MotoScenario.DecisionTaskList, history[1].DecisionTaskScheduledEventAttributes!.TaskList.Name);
    }

    [SkippableFact]
    public async Task StartWorkflowExecution_DuplicateOpenWorkflowId_ThrowsWorkflowExecutionAlreadyStarted()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "duplicate");
        await scenario.StartAsync("same-id");

        var error = await Assert.ThrowsAsync<WorkflowExecutionAlreadyStartedException>(() => scenario.StartAsync("same-id"));

        Assert.Equal("WorkflowExecutionAlreadyStartedFault", error.ErrorCode);
        Assert.Equal(400, error.StatusCode);
    }

    [SkippableFact]
    public async Task StartWorkflowExecution_WorkflowIdOfClosedRun_StartsNewRun()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "reuse");
        var first = await scenario.StartAsync("reused-id");
        await scenario.TerminateAsync(first);

        var second = await scenario.StartAsync("reused-id");

        Assert.NotEqual(first.RunId, second.RunId);
        Assert.Equal(ExecutionStatus.Closed, (await scenario.DescribeAsync(first)).ExecutionInfo.ExecutionStatus);
        Assert.Equal(ExecutionStatus.Open, (await scenario.DescribeAsync(second)).ExecutionInfo.ExecutionStatus);
    }

    [SkippableFact]
    public async Task StartWorkflowExecution_DeprecatedType_ThrowsTypeDeprecated()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "deprecated-type");
        await scenario.Client.DeprecateWorkflowTypeAsync(new DeprecateWorkflowTypeRequest { Domain = scenario.Domain, WorkflowType = scenario.WorkflowType });

        await Assert.ThrowsAsync<TypeDeprecatedException>(() => scenario.StartAsync("too-late"));
    }

    [SkippableFact]
    public async Task StartWorkflowExecution_NoTaskListOrTimeoutsAnywhere_ThrowsDefaultUndefined()
    {
        var client = moto.RequireClient();
        var domain = MotoScenario.Unique("no-defaults");
        await client.RegisterDomainAsync(new RegisterDomainRequest { Name = domain, WorkflowExecutionRetentionPeriodInDays = "1" });
        await client.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest { Domain = domain, Name = "bare", Version = "1" });

        var error = await Assert.ThrowsAsync<DefaultUndefinedException>(() => client.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest
        {
            Domain = domain,
            WorkflowId = "w",
            WorkflowType = new WorkflowType { Name = "bare", Version = "1" },
        }));

        Assert.Equal("DefaultUndefinedFault", error.ErrorCode);
    }

    [SkippableFact]
    public async Task StartWorkflowExecution_UnknownDomain_ThrowsUnknownResource()
    {
        var client = moto.RequireClient();

        await Assert.ThrowsAsync<UnknownResourceException>(() => client.StartWorkflowExecutionAsync(new StartWorkflowExecutionRequest
        {
            Domain = MotoScenario.Unique("missing"),
            WorkflowId = "w",
            WorkflowType = new WorkflowType { Name = "any", Version = "1" },
        }));
    }

    [SkippableFact]
    public async Task SignalWorkflowExecution_OpenExecution_RecordsSignaledEvent()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "signal");
        var execution = await scenario.StartAsync("signalled");

        // Input is always sent: moto answers a signal without input with a 500.
        await scenario.Client.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest
        {
            Domain = scenario.Domain,
            WorkflowId = execution.WorkflowId,
            SignalName = "approve",
            Input = "yes",
        });

        // Only the signal event is checked. SWF adds no DecisionTaskScheduled while one is already
        // scheduled, but moto schedules a second one here, so the events after it are not compared.
        var history = await scenario.HistoryAsync(execution);
        var signaled = MotoScenario.Single(history, EventType.WorkflowExecutionSignaled);
        Assert.Equal("approve", signaled.WorkflowExecutionSignaledEventAttributes!.SignalName);
        Assert.Equal("yes", signaled.WorkflowExecutionSignaledEventAttributes.Input);
        Assert.Equal(3, signaled.EventId);
    }

    [SkippableFact]
    public async Task SignalWorkflowExecution_UnknownWorkflowId_ThrowsUnknownResource()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "signal-unknown");

        await Assert.ThrowsAsync<UnknownResourceException>(() => scenario.Client.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest
        {
            Domain = scenario.Domain,
            WorkflowId = "nobody",
            SignalName = "ping",
            Input = "x",
        }));
    }

    [SkippableFact]
    public async Task TerminateWorkflowExecution_OpenExecution_ClosesItAsTerminated()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "terminate");
        var execution = await scenario.StartAsync("doomed");

        await scenario.Client.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest
        {
            Domain = scenario.Domain,
            WorkflowId = execution.WorkflowId,
            Reason = "operator",
            Details = "cleanup",
        });

        var history = await scenario.HistoryAsync(execution);
        var terminated = history[^1];
        Assert.Equal(EventType.WorkflowExecutionTerminated, terminated.EventType);
        Assert.Equal("operator", terminated.WorkflowExecutionTerminatedEventAttributes!.Reason);
        Assert.Equal("cleanup", terminated.WorkflowExecutionTerminatedEventAttributes.Details);
        Assert.Equal(ChildPolicy.Terminate, terminated.WorkflowExecutionTerminatedEventAttributes.ChildPolicy);

        // closeTimestamp is not checked: moto leaves it out for terminated (and timed-out) runs.
        var info = (await scenario.DescribeAsync(execution)).ExecutionInfo;
        Assert.Equal(ExecutionStatus.Closed, info.ExecutionStatus);
        Assert.Equal(CloseStatus.Terminated, info.CloseStatus);

        var closed = await ListClosedAsync(scenario);
        var listed = Assert.Single(closed);
        Assert.Equal(execution.RunId, listed.Execution.RunId);
        Assert.Equal(CloseStatus.Terminated, listed.CloseStatus);
        Assert.Empty(await ListOpenAsync(scenario));
    }

    [SkippableFact]
    public async Task TerminateWorkflowExecution_AlreadyClosed_ThrowsUnknownResource()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "terminate-twice");
        var execution = await scenario.StartAsync("closed");
        await scenario.TerminateAsync(execution);

        await Assert.ThrowsAsync<UnknownResourceException>(() => scenario.TerminateAsync(execution));
        await Assert.ThrowsAsync<UnknownResourceException>(() => scenario.Client.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest
        {
            Domain = scenario.Domain,
            WorkflowId = execution.WorkflowId,
            RunId = execution.RunId,
            SignalName = "late",
            Input = "x",
        }));
    }

    [SkippableFact]
    public async Task ListOpenWorkflowExecutions_TwoOpenRuns_ListsBothWithRealStartTimes()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "list-open");
        var before = DateTime.UtcNow.AddMinutes(-5);
        var first = await scenario.StartAsync("first", tags: ["blue"]);
        var second = await scenario.StartAsync("second");

        var open = await ListOpenAsync(scenario);

        // moto ignores the time filter, so both runs being inside it proves nothing; it is still sent
        // because SWF requires it. The order is not checked: SWF lists newest first, moto oldest first.
        Assert.Equal(
            new[] { first.RunId, second.RunId }.Order(StringComparer.Ordinal),
            open.Select(i => i.Execution.RunId).Order(StringComparer.Ordinal));
        Assert.All(open, info =>
        {
            Assert.Equal(ExecutionStatus.Open, info.ExecutionStatus);
            Assert.Null(info.CloseStatus);
            Assert.Null(info.CloseTimestamp);
            Assert.InRange(info.StartTimestamp, before, DateTime.UtcNow.AddMinutes(5));
        });
        Assert.Equal(["blue"], open.Single(i => i.Execution.RunId == first.RunId).TagList);
        Assert.Empty(await ListClosedAsync(scenario));
    }

    [SkippableFact]
    public async Task DescribeWorkflowExecution_UnknownRun_ThrowsUnknownResource()
    {
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "describe-unknown");

        await Assert.ThrowsAsync<UnknownResourceException>(
            () => scenario.DescribeAsync(new WorkflowExecution { WorkflowId = "ghost", RunId = "0123456789abcdef" }));
    }

    [SkippableFact]
    public async Task CountOpenWorkflowExecutions_NotImplementedByMoto_SurfacesHtml500AsTransportException()
    {
        // Not SWF behaviour: moto lacks CountOpen/CountClosed (and RequestCancelWorkflowExecution,
        // RespondActivityTaskCanceled, Delete*Type) and answers with an HTML 500 page. What is checked is
        // the client's handling of a non-SWF error body: a retryable transport error with the status and
        // the start of the body, not a JSON failure.
        var scenario = await MotoScenario.CreateAsync(moto.RequireClient(), "count");

        var error = await Assert.ThrowsAsync<SwfTransportException>(() => scenario.Client.CountOpenWorkflowExecutionsAsync(new CountOpenWorkflowExecutionsRequest
        {
            Domain = scenario.Domain,
            StartTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UtcNow.AddDays(-1) },
        }));

        Assert.Equal(500, error.StatusCode);
        Assert.True(error.IsRetryable);
        Assert.Contains("Internal Server Error", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<WorkflowExecutionInfo>> ListOpenAsync(MotoScenario scenario) =>
        (await scenario.Client.ListOpenWorkflowExecutionsAsync(new ListOpenWorkflowExecutionsRequest
        {
            Domain = scenario.Domain,
            StartTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UtcNow.AddHours(-1) },
        })).WorkflowExecutionInfos.ExecutionInfos;

    private static async Task<List<WorkflowExecutionInfo>> ListClosedAsync(MotoScenario scenario) =>
        (await scenario.Client.ListClosedWorkflowExecutionsAsync(new ListClosedWorkflowExecutionsRequest
        {
            Domain = scenario.Domain,
            StartTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UtcNow.AddHours(-1) },
        })).WorkflowExecutionInfos.ExecutionInfos;
}
