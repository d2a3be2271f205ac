using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class DomainTests
{
    [Fact]
    public async Task RegisterDomain_New_DescribeReturnsIt()
    {
        using var h = new EngineHarness();

        await h.Engine.RegisterDomainAsync(new RegisterDomainRequest { Name = "d", Description = "desc", WorkflowExecutionRetentionPeriodInDays = "30" });

        var detail = (await h.Engine.DescribeDomainAsync(new DescribeDomainRequest { Name = "d" })).DomainDetail;
        Assert.Equal("d", detail.DomainInfo.Name);
        Assert.Equal("desc", detail.DomainInfo.Description);
        Assert.Equal(RegistrationStatus.Registered, detail.DomainInfo.Status);
        Assert.Equal("arn:aws:swf:us-east-1:123456789012:/domain/d", detail.DomainInfo.Arn);
        Assert.Equal("30", detail.Configuration.WorkflowExecutionRetentionPeriodInDays);
    }

    [Fact]
    public async Task RegisterDomain_Existing_ThrowsDomainAlreadyExists()
    {
        using var h = new EngineHarness();
        await Register(h, "d");

        await Assert.ThrowsAsync<DomainAlreadyExistsException>(() => Register(h, "d"));
    }

    [Fact]
    public async Task RegisterDomain_InvalidName_ThrowsValidation()
    {
        using var h = new EngineHarness();

        await Assert.ThrowsAsync<ValidationException>(() => Register(h, "a/b"));
        await Assert.ThrowsAsync<ValidationException>(() => Register(h, "arn"));
        await Assert.ThrowsAsync<ValidationException>(() => h.Engine.RegisterDomainAsync(new RegisterDomainRequest { Name = "d", WorkflowExecutionRetentionPeriodInDays = "91" }));
    }

    [Fact]
    public async Task RegisterDomain_LimitReached_ThrowsLimitExceeded()
    {
        using var h = new EngineHarness(o => o.MaxDomains = 2);
        await Register(h, "a");
        await Register(h, "b");

        await Assert.ThrowsAsync<LimitExceededException>(() => Register(h, "c"));
    }

    [Fact]
    public async Task DescribeDomain_Unknown_ThrowsUnknownResource()
    {
        using var h = new EngineHarness();

        await Assert.ThrowsAsync<UnknownResourceException>(() => h.Engine.DescribeDomainAsync(new DescribeDomainRequest { Name = "nope" }));
    }

    [Fact]
    public async Task DeprecateDomain_Registered_StatusDeprecatedAndTwiceThrows()
    {
        using var h = new EngineHarness();
        await Register(h, "d");

        await h.Engine.DeprecateDomainAsync(new DeprecateDomainRequest { Name = "d" });

        Assert.Equal(RegistrationStatus.Deprecated, (await h.Engine.DescribeDomainAsync(new DescribeDomainRequest { Name = "d" })).DomainDetail.DomainInfo.Status);
        await Assert.ThrowsAsync<DomainDeprecatedException>(() => h.Engine.DeprecateDomainAsync(new DeprecateDomainRequest { Name = "d" }));
        await Assert.ThrowsAsync<UnknownResourceException>(() => h.Engine.DeprecateDomainAsync(new DeprecateDomainRequest { Name = "nope" }));
    }

    [Fact]
    public async Task UndeprecateDomain_Deprecated_RegisteredAgainAndRegisteredThrows()
    {
        using var h = new EngineHarness();
        await Register(h, "d");
        await h.Engine.DeprecateDomainAsync(new DeprecateDomainRequest { Name = "d" });

        await h.Engine.UndeprecateDomainAsync(new UndeprecateDomainRequest { Name = "d" });

        Assert.Equal(RegistrationStatus.Registered, (await h.Engine.DescribeDomainAsync(new DescribeDomainRequest { Name = "d" })).DomainDetail.DomainInfo.Status);
        await Assert.ThrowsAsync<DomainAlreadyExistsException>(() => h.Engine.UndeprecateDomainAsync(new UndeprecateDomainRequest { Name = "d" }));
    }

    [Fact]
    public async Task DeprecateDomain_OpenRun_BlocksStartsAndRegistrationsButVisibilityAndRunningWorkGoOn()
    {
        using var h = await EngineHarness.CreateAsync();
        var runId = await h.StartAsync();
        await h.Engine.DeprecateDomainAsync(new DeprecateDomainRequest { Name = EngineHarness.Domain });

        await Assert.ThrowsAsync<DomainDeprecatedException>(() => h.StartAsync("other"));
        await Assert.ThrowsAsync<DomainDeprecatedException>(() => h.Engine.RegisterWorkflowTypeAsync(
            new RegisterWorkflowTypeRequest { Domain = EngineHarness.Domain, Name = "n", Version = "1" }));
        await Assert.ThrowsAsync<DomainDeprecatedException>(() => h.Engine.RegisterActivityTypeAsync(
            new RegisterActivityTypeRequest { Domain = EngineHarness.Domain, Name = "n", Version = "1" }));

        Assert.Equal(ExecutionStatus.Open, (await h.DescribeAsync(runId)).ExecutionInfo.ExecutionStatus);
        var open = await h.Engine.ListOpenWorkflowExecutionsAsync(new ListOpenWorkflowExecutionsRequest
        {
            Domain = EngineHarness.Domain, StartTimeFilter = new ExecutionTimeFilter { OldestDate = DateTime.UnixEpoch },
        });
        Assert.Single(open.WorkflowExecutionInfos.ExecutionInfos);
        await h.DecideAsync(D.Complete());
        Assert.Equal(CloseStatus.Completed, (await h.DescribeAsync(runId)).ExecutionInfo.CloseStatus);
    }

    [Fact]
    public async Task ListDomains_ByStatus_AscendingByNameAndReverse()
    {
        using var h = new EngineHarness();
        foreach (var name in new[] { "c", "a", "b", "old" })
        {
            await Register(h, name);
        }

        await h.Engine.DeprecateDomainAsync(new DeprecateDomainRequest { Name = "old" });

        var registered = await h.Engine.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered });
        Assert.Equal(["a", "b", "c"], registered.DomainInfos.Infos.Select(d => d.Name));
        var reversed = await h.Engine.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered, ReverseOrder = true });
        Assert.Equal(["c", "b", "a"], reversed.DomainInfos.Infos.Select(d => d.Name));
        var deprecated = await h.Engine.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Deprecated });
        Assert.Equal(["old"], deprecated.DomainInfos.Infos.Select(d => d.Name));
    }

    [Fact]
    public async Task ListDomains_Paged_TokenContinuesAfterLastItem()
    {
        using var h = new EngineHarness();
        foreach (var name in new[] { "e", "d", "c", "b", "a" })
        {
            await Register(h, name);
        }

        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await h.Engine.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered, MaximumPageSize = 2, NextPageToken = token });
            names.AddRange(page.DomainInfos.Infos.Select(d => d.Name));
            token = page.DomainInfos.NextPageToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(["a", "b", "c", "d", "e"], names);
        Assert.Equal(3, pages);
    }

    private static Task<RegisterDomainResponse> Register(EngineHarness h, string name) =>
        h.Engine.RegisterDomainAsync(new RegisterDomainRequest { Name = name, WorkflowExecutionRetentionPeriodInDays = "1" });
}
