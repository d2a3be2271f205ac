using Swf.Client.Paging;
using Swf.Model;
using Swf.Tests.TestSupport;

namespace Swf.Tests.Client.Paging;

public class ListDomainsPaginatorTests
{
    [Fact]
    public async Task DomainInfos_TwoPages_YieldsEveryDomainAndSendsFaithfulCopies()
    {
        var fake = FakeSwfClient.Create().On<ListDomainsRequest, ListDomainsResponse>(request => new ListDomainsResponse
        {
            DomainInfos = request.NextPageToken is null
                ? new DomainInfos { Infos = [Domain("a"), Domain("b")], NextPageToken = "p2" }
                : new DomainInfos { Infos = [Domain("c")] },
        });
        var request = new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered, MaximumPageSize = 2, ReverseOrder = true };

        var domains = await fake.Client.ListDomainsPaginator(request).DomainInfos.ToListAsync();

        Assert.Equal(["a", "b", "c"], domains.Select(d => d.Name));
        RequestAssert.SameExceptToken(request, (ListDomainsRequest)fake.Calls[0], null);
        RequestAssert.SameExceptToken(request, (ListDomainsRequest)fake.Calls[1], "p2");
        Assert.Null(request.NextPageToken);
    }

    private static DomainInfo Domain(string name) => new() { Name = name, Status = RegistrationStatus.Registered };
}
