using Swf.Client.Paging;
using Swf.Model;
using Swf.Tests.TestSupport;

namespace Swf.Tests.Client.Paging;

public class ListWorkflowTypesPaginatorTests
{
    [Fact]
    public async Task TypeInfos_TwoPages_YieldsEveryTypeAndSendsFaithfulCopies()
    {
        var fake = FakeSwfClient.Create().On<ListWorkflowTypesRequest, ListWorkflowTypesResponse>(request => new ListWorkflowTypesResponse
        {
            WorkflowTypeInfos = request.NextPageToken is null
                ? new WorkflowTypeInfos { TypeInfos = [Info("a")], NextPageToken = "p2" }
                : new WorkflowTypeInfos { TypeInfos = [Info("b"), Info("c")] },
        });
        var request = new ListWorkflowTypesRequest
        {
            Domain = "orders",
            Name = "a",
            RegistrationStatus = RegistrationStatus.Deprecated,
            MaximumPageSize = 1,
            ReverseOrder = true,
        };

        var types = await fake.Client.ListWorkflowTypesPaginator(request).TypeInfos.ToListAsync();

        Assert.Equal(["a", "b", "c"], types.Select(t => t.WorkflowType.Name));
        RequestAssert.SameExceptToken(request, (ListWorkflowTypesRequest)fake.Calls[0], null);
        RequestAssert.SameExceptToken(request, (ListWorkflowTypesRequest)fake.Calls[1], "p2");
        Assert.Null(request.NextPageToken);
    }

    private static WorkflowTypeInfo Info(string name) => new()
    {
        WorkflowType = new WorkflowType { Name = name, Version = "1" },
        Status = RegistrationStatus.Deprecated,
        CreationDate = DateTime.UnixEpoch,
    };
}
