using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class PagingTests
{
    [Fact]
    public async Task GetWorkflowExecutionHistory_Paged_AllEventsInOrderBothWays()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        for (var i = 0; i < 8; i++)
        {
            await h.Engine.SignalWorkflowExecutionAsync(new SignalWorkflowExecutionRequest { Domain = EngineHarness.Domain, WorkflowId = "wf-1", SignalName = "s" });
        }

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), await ReadAllAsync(h, runId, reverse: false));
        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(i => (long)i), await ReadAllAsync(h, runId, reverse: true));
    }

    [Fact]
    public async Task GetWorkflowExecutionHistory_InvalidToken_ThrowsValidation()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        var execution = new WorkflowExecution { WorkflowId = "wf-1", RunId = runId };

        await Assert.ThrowsAsync<ValidationException>(() => h.Engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
        {
            Domain = EngineHarness.Domain, Execution = execution, NextPageToken = "%%%",
        }));
        await Assert.ThrowsAsync<ValidationException>(() => h.Engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
        {
            Domain = EngineHarness.Domain, Execution = execution, NextPageToken = Convert.ToBase64String("garbage"u8.ToArray()),
        }));
    }

    [Fact]
    public async Task GetWorkflowExecutionHistory_TokenOfOtherOrderOrRun_ThrowsValidation()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        var other = await h.StartAsync("wf-2");
        var page = await h.Engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
        {
            Domain = EngineHarness.Domain, Execution = new WorkflowExecution { WorkflowId = "wf-1", RunId = runId }, MaximumPageSize = 1,
        });

        await Assert.ThrowsAsync<ValidationException>(() => h.Engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
        {
            Domain = EngineHarness.Domain, Execution = new WorkflowExecution { WorkflowId = "wf-1", RunId = runId }, ReverseOrder = true, NextPageToken = page.History.NextPageToken,
        }));
        await Assert.ThrowsAsync<ValidationException>(() => h.Engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
        {
            Domain = EngineHarness.Domain, Execution = new WorkflowExecution { WorkflowId = "wf-2", RunId = other }, NextPageToken = page.History.NextPageToken,
        }));
    }

    [Fact]
    public async Task GetWorkflowExecutionHistory_TokenOlderThanADay_ThrowsValidation()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync(configure: r => r.ExecutionStartToCloseTimeout = "31536000");
        var execution = new WorkflowExecution { WorkflowId = "wf-1", RunId = runId };
        var page = await h.Engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest { Domain = EngineHarness.Domain, Execution = execution, MaximumPageSize = 1 });
        h.Advance(TimeSpan.FromHours(25));

        var error = await Assert.ThrowsAsync<ValidationException>(() => h.Engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
        {
            Domain = EngineHarness.Domain, Execution = execution, MaximumPageSize = 1, NextPageToken = page.History.NextPageToken,
        }));
        Assert.Contains("maximum lifetime", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<long>> ReadAllAsync(EngineHarness h, string runId, bool reverse)
    {
        var ids = new List<long>();
        string? token = null;
        do
        {
            var page = await h.Engine.GetWorkflowExecutionHistoryAsync(new GetWorkflowExecutionHistoryRequest
            {
                Domain = EngineHarness.Domain,
                Execution = new WorkflowExecution { WorkflowId = "wf-1", RunId = runId },
                MaximumPageSize = 3,
                ReverseOrder = reverse,
                NextPageToken = token,
            });
            Assert.True(page.History.Events.Count <= 3);
            ids.AddRange(page.History.Events.Select(e => e.EventId));
            token = page.History.NextPageToken;
        }
        while (token is not null);

        return ids;
    }
}
