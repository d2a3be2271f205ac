using Swf.Client.Paging;
using Swf.Model;
using Swf.Tests.TestSupport;

namespace Swf.Tests.Client.Paging;

public class ListActivityTypesPaginatorTests
{
    [Fact]
    public async Task TypeInfos_TwoPages_YieldsEveryTypeAndSendsFaithfulCopies()
    {
        var fake = FakeSwfClient.Create().On<ListActivityTypesRequest, ListActivityTypesResponse>(request => new ListActivityTypesResponse
        {
            ActivityTypeInfos = request.NextPageToken is null
                ? new ActivityTypeInfos { TypeInfos = [Info("a")], NextPageToken = "p2" }
                : new ActivityTypeInfos { TypeInfos = [Info("b"), Info("c")] },
        });
        var request = new ListActivityTypesRequest
        {
            Domain = "orders",
            Name = "a",
            RegistrationStatus = RegistrationStatus.Deprecated,
            MaximumPageSize = 1,
            ReverseOrder = true,
        };

        var types = await fake.Client.ListActivityTypesPaginator(request).TypeInfos.ToListAsync();

        Assert.Equal(["a", "b", "c"], types.Select(t => t.ActivityType.Name));
        RequestAssert.SameExceptToken(request, (ListActivityTypesRequest)fake.Calls[0], null);
        RequestAssert.SameExceptToken(request, (ListActivityTypesRequest)fake.Calls[1], "p2");
        Assert.Null(request.NextPageToken);
    }

    private static ActivityTypeInfo Info(string name) => new()
    {
        ActivityType = new ActivityType { Name = name, Version = "1" },
        Status = RegistrationStatus.Deprecated,
        CreationDate = DateTime.UnixEpoch,
    };
}
