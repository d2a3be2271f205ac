using Swf.Client.Paging;
using Swf.Model;
using Swf.Tests.TestSupport;

namespace Swf.Tests.Client.Paging;

public class ListOpenWorkflowExecutionsPaginatorTests
{
    [Fact]
    public async Task ExecutionInfos_TwoPages_YieldsEveryExecutionAndSendsFaithfulCopies()
    {
        var fake = FakeSwfClient.Create().On<ListOpenWorkflowExecutionsRequest, ListOpenWorkflowExecutionsResponse>(request => new ListOpenWorkflowExecutionsResponse
        {
            WorkflowExecutionInfos = request.NextPageToken is null
                ? new WorkflowExecutionInfos { ExecutionInfos = [Info("a"), Info("b")], NextPageToken = "p2" }
                : new WorkflowExecutionInfos { ExecutionInfos = [Info("c")], NextPageToken = string.Empty },
        });
        var request = NewRequest();

        var executions = await fake.Client.ListOpenWorkflowExecutionsPaginator(request).ExecutionInfos.ToListAsync();

        Assert.Equal(["a", "b", "c"], executions.Select(e => e.Execution.WorkflowId));
        Assert.Equal(2, fake.Calls.Count);
        RequestAssert.SameExceptToken(request, (ListOpenWorkflowExecutionsRequest)fake.Calls[0], null);
        RequestAssert.SameExceptToken(request, (ListOpenWorkflowExecutionsRequest)fake.Calls[1], "p2");
        Assert.Null(request.NextPageToken);
    }

    private static ListOpenWorkflowExecutionsRequest NewRequest() => new()
    {
        Domain = "orders",
        StartTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch },
        TypeFilter = new WorkflowTypeFilter { Name = "Order" },
        TagFilter = new TagFilter { Tag = "vip" },
        ExecutionFilter = new WorkflowExecutionFilter { WorkflowId = "order-1" },
        MaximumPageSize = 2,
        ReverseOrder = true,
    };

    private static WorkflowExecutionInfo Info(string workflowId) => new()
    {
        Execution = new WorkflowExecution { WorkflowId = workflowId, RunId = "run" },
        WorkflowType = new WorkflowType { Name = "Order", Version = "1" },
        StartTimestamp = DateTime.UnixEpoch,
        ExecutionStatus = ExecutionStatus.Open,
    };
}
