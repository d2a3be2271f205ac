using Swf.Client.Paging;
using Swf.Model;
using Swf.Tests.TestSupport;

namespace Swf.Tests.Client.Paging;

public class ListClosedWorkflowExecutionsPaginatorTests
{
    [Fact]
    public async Task ExecutionInfos_TwoPages_YieldsEveryExecutionAndSendsFaithfulCopies()
    {
        var fake = FakeSwfClient.Create().On<ListClosedWorkflowExecutionsRequest, ListClosedWorkflowExecutionsResponse>(request => new ListClosedWorkflowExecutionsResponse
        {
            WorkflowExecutionInfos = request.NextPageToken is null
                ? new WorkflowExecutionInfos { ExecutionInfos = [Info("a"), Info("b")], NextPageToken = "p2" }
                : new WorkflowExecutionInfos { ExecutionInfos = [Info("c")], NextPageToken = string.Empty },
        });
        var request = NewRequest();

        var executions = await fake.Client.ListClosedWorkflowExecutionsPaginator(request).ExecutionInfos.ToListAsync();

        Assert.Equal(["a", "b", "c"], executions.Select(e => e.Execution.WorkflowId));
        Assert.Equal(2, fake.Calls.Count);
        RequestAssert.SameExceptToken(request, (ListClosedWorkflowExecutionsRequest)fake.Calls[0], null);
        RequestAssert.SameExceptToken(request, (ListClosedWorkflowExecutionsRequest)fake.Calls[1], "p2");
        Assert.Null(request.NextPageToken);
    }

    private static ListClosedWorkflowExecutionsRequest NewRequest() => new()
    {
        Domain = "orders",
        StartTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch },
        CloseTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch },
        ExecutionFilter = new WorkflowExecutionFilter { WorkflowId = "order-1" },
        CloseStatusFilter = new CloseStatusFilter { Status = CloseStatus.Completed },
        TypeFilter = new WorkflowTypeFilter { Name = "Order" },
        TagFilter = new TagFilter { Tag = "vip" },
        MaximumPageSize = 2,
        ReverseOrder = true,
    };

    private static WorkflowExecutionInfo Info(string workflowId) => new()
    {
        Execution = new WorkflowExecution { WorkflowId = workflowId, RunId = "run" },
        WorkflowType = new WorkflowType { Name = "Order", Version = "1" },
        StartTimestamp = DateTime.UnixEpoch,
        ExecutionStatus = ExecutionStatus.Closed,
    };
}
