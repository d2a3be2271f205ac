using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class VisibilityTests
{
    private static readonly ExecutionTimeFilter Always = new() { OldestDate = DateTime.UnixEpoch };

    [Fact]
    public async Task ListOpenWorkflowExecutions_SeveralRuns_NewestFirstAndReverse()
    {
        using var h = await EngineHarness.CreateAsync();
        await StartSpacedAsync(h, "a", "b", "c");

        var newest = await ListOpen(h, new ListOpenWorkflowExecutionsRequest { Domain = EngineHarness.Domain, StartTimeFilter = Always });
        var oldest = await ListOpen(h, new ListOpenWorkflowExecutionsRequest { Domain = EngineHarness.Domain, StartTimeFilter = Always, ReverseOrder = true });

        Assert.Equal(["c", "b", "a"], newest);
        Assert.Equal(["a", "b", "c"], oldest);
    }

    [Fact]
    public async Task ListOpenWorkflowExecutions_Filters_SelectMatchingRuns()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.Engine.RegisterWorkflowTypeAsync(new RegisterWorkflowTypeRequest
        {
            Domain = EngineHarness.Domain, Name = "Other", Version = "1",
            DefaultExecutionStartToCloseTimeout = "60", DefaultTaskStartToCloseTimeout = "10", DefaultTaskList = new TaskList { Name = "o" }, DefaultChildPolicy = ChildPolicy.Abandon,
        });
        await h.StartAsync("a", configure: r => r.TagList = ["blue"]);
        h.AdvanceSeconds(10);
        await h.StartAsync("b", configure: r => r.WorkflowType = new WorkflowType { Name = "Other", Version = "1" });
        h.AdvanceSeconds(10);
        await h.StartAsync("c", configure: r => r.TagList = ["red", "blue"]);

        Assert.Equal(["c", "a"], await ListOpen(h, new() { Domain = EngineHarness.Domain, StartTimeFilter = Always, TagFilter = new TagFilter { Tag = "blue" } }));
        Assert.Equal(["b"], await ListOpen(h, new() { Domain = EngineHarness.Domain, StartTimeFilter = Always, TypeFilter = new WorkflowTypeFilter { Name = "Other" } }));
        Assert.Equal(["c", "a"], await ListOpen(h, new() { Domain = EngineHarness.Domain, StartTimeFilter = Always, TypeFilter = new WorkflowTypeFilter { Name = "Wf", Version = "1" } }));
        Assert.Equal(["b"], await ListOpen(h, new() { Domain = EngineHarness.Domain, StartTimeFilter = Always, ExecutionFilter = new WorkflowExecutionFilter { WorkflowId = "b" } }));
        var window = new ExecutionTimeFilter { OldestDate = EngineHarness.Epoch.UtcDateTime.AddSeconds(5), LatestDate = EngineHarness.Epoch.UtcDateTime.AddSeconds(15) };
        Assert.Equal(["b"], await ListOpen(h, new() { Domain = EngineHarness.Domain, StartTimeFilter = window }));
        var count = await h.Engine.CountOpenWorkflowExecutionsAsync(new CountOpenWorkflowExecutionsRequest { Domain = EngineHarness.Domain, StartTimeFilter = Always, TagFilter = new TagFilter { Tag = "blue" } });
        Assert.Equal(2, count.WorkflowExecutionCount.Count);
        Assert.False(count.WorkflowExecutionCount.Truncated);
    }

    [Fact]
    public async Task ListOpenWorkflowExecutions_TwoFilters_ThrowsValidation()
    {
        using var h = await EngineHarness.CreateAsync();

        await Assert.ThrowsAsync<ValidationException>(() => h.Engine.ListOpenWorkflowExecutionsAsync(new ListOpenWorkflowExecutionsRequest
        {
            Domain = EngineHarness.Domain, StartTimeFilter = Always, TagFilter = new TagFilter { Tag = "t" }, ExecutionFilter = new WorkflowExecutionFilter { WorkflowId = "w" },
        }));
    }

    [Fact]
    public async Task ListClosedWorkflowExecutions_CloseStatusAndCloseTime_FilterAndOrderByClose()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.StartAsync("a");
        h.AdvanceSeconds(1);
        await h.StartAsync("b");
        h.AdvanceSeconds(1);
        await h.StartAsync("c");
        // Close c first, then a (completed), then b (failed): close order differs from start order.
        await h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "c" });
        h.AdvanceSeconds(1);
        await h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "a" });
        h.AdvanceSeconds(1);
        var b = await h.PollDecisionAsync();
        Assert.Equal("b", b.WorkflowExecution!.WorkflowId);
        await h.RespondAsync(b, D.Fail());

        Assert.Equal(["b", "a", "c"], await ListClosed(h, new() { Domain = EngineHarness.Domain, CloseTimeFilter = Always }));
        Assert.Equal(["c", "b", "a"], await ListClosed(h, new() { Domain = EngineHarness.Domain, StartTimeFilter = Always }));
        Assert.Equal(["c", "a", "b"], await ListClosed(h, new() { Domain = EngineHarness.Domain, CloseTimeFilter = Always, ReverseOrder = true }));
        Assert.Equal(["a", "c"], await ListClosed(h, new() { Domain = EngineHarness.Domain, CloseTimeFilter = Always, CloseStatusFilter = new CloseStatusFilter { Status = CloseStatus.Terminated } }));
        Assert.Equal(["b"], await ListClosed(h, new() { Domain = EngineHarness.Domain, StartTimeFilter = Always, CloseStatusFilter = new CloseStatusFilter { Status = CloseStatus.Failed } }));
        var count = await h.Engine.CountClosedWorkflowExecutionsAsync(new CountClosedWorkflowExecutionsRequest
        {
            Domain = EngineHarness.Domain, StartTimeFilter = Always, CloseStatusFilter = new CloseStatusFilter { Status = CloseStatus.Terminated },
        });
        Assert.Equal(2, count.WorkflowExecutionCount.Count);
        Assert.Empty(await ListOpen(h, new() { Domain = EngineHarness.Domain, StartTimeFilter = Always }));
    }

    [Fact]
    public async Task ListClosedWorkflowExecutions_BothOrNoTimeFilter_ThrowsValidation()
    {
        using var h = await EngineHarness.CreateAsync();

        await Assert.ThrowsAsync<ValidationException>(() => h.Engine.ListClosedWorkflowExecutionsAsync(new ListClosedWorkflowExecutionsRequest { Domain = EngineHarness.Domain }));
        await Assert.ThrowsAsync<ValidationException>(() => h.Engine.ListClosedWorkflowExecutionsAsync(new ListClosedWorkflowExecutionsRequest
        {
            Domain = EngineHarness.Domain, StartTimeFilter = Always, CloseTimeFilter = Always,
        }));
        await Assert.ThrowsAsync<ValidationException>(() => h.Engine.CountClosedWorkflowExecutionsAsync(new CountClosedWorkflowExecutionsRequest
        {
            Domain = EngineHarness.Domain, StartTimeFilter = Always, CloseStatusFilter = new CloseStatusFilter { Status = CloseStatus.Failed }, TagFilter = new TagFilter { Tag = "t" },
        }));
    }

    [Fact]
    public async Task ListClosedWorkflowExecutions_PastRetention_RunIsDropped()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.Engine.TerminateWorkflowExecutionAsync(new TerminateWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1" });

        h.Advance(TimeSpan.FromDays(7));
        Assert.Single(await ListClosed(h, new() { Domain = EngineHarness.Domain, StartTimeFilter = Always }));
        h.AdvanceSeconds(1);

        Assert.Empty(await ListClosed(h, new() { Domain = EngineHarness.Domain, StartTimeFilter = Always }));
        await Assert.ThrowsAsync<UnknownResourceException>(() => h.DescribeAsync(runId));
        await Assert.ThrowsAsync<UnknownResourceException>(() => h.HistoryAsync(runId));
    }

    [Fact]
    public async Task ListOpenWorkflowExecutions_Paged_EveryRunOnceInOrder()
    {
        using var h = await EngineHarness.CreateAsync();
        var ids = Enumerable.Range(0, 7).Select(i => "w" + i).ToArray();
        foreach (var id in ids)
        {
            await h.StartAsync(id); // same timestamp: ties keep start order
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await h.Engine.ListOpenWorkflowExecutionsAsync(new ListOpenWorkflowExecutionsRequest
            {
                Domain = EngineHarness.Domain, StartTimeFilter = Always, MaximumPageSize = 3, NextPageToken = token,
            });
            seen.AddRange(page.WorkflowExecutionInfos.ExecutionInfos.Select(e => e.Execution.WorkflowId));
            token = page.WorkflowExecutionInfos.NextPageToken;
        }
        while (token is not null);

        Assert.Equal(ids.Reverse(), seen);
    }

    private static async Task StartSpacedAsync(EngineHarness h, params string[] workflowIds)
    {
        foreach (var id in workflowIds)
        {
            await h.StartAsync(id);
            h.AdvanceSeconds(1);
        }
    }

    private static async Task<List<string>> ListOpen(EngineHarness h, ListOpenWorkflowExecutionsRequest request) =>
        [.. (await h.Engine.ListOpenWorkflowExecutionsAsync(request)).WorkflowExecutionInfos.ExecutionInfos.Select(e => e.Execution.WorkflowId)];

    private static async Task<List<string>> ListClosed(EngineHarness h, ListClosedWorkflowExecutionsRequest request) =>
        [.. (await h.Engine.ListClosedWorkflowExecutionsAsync(request)).WorkflowExecutionInfos.ExecutionInfos.Select(e => e.Execution.WorkflowId)];
}
