using Swf.Exceptions;
using Swf.Model;

namespace Swf.Interop.Tests;

/// <summary>Domains through <see cref="Client.SwfHttpClient"/> against moto_server.</summary>
[Collection(MotoServerGroup.Name)]
public sealed class MotoDomainTests(MotoServerFixture moto)
{
    [SkippableFact]
    public async Task RegisterDomain_NewName_DescribesItWithArnAndRetention()
    {
        var client = moto.RequireClient();
        var name = MotoScenario.Unique("domain");

        await client.RegisterDomainAsync(new RegisterDomainRequest
        {
            Name = name,
            Description = "interop domain",
            WorkflowExecutionRetentionPeriodInDays = "7",
        });
        var response = await client.DescribeDomainAsync(new DescribeDomainRequest { Name = name });

        var info = response.DomainDetail.DomainInfo;
        Assert.Equal(name, info.Name);
        Assert.Equal(RegistrationStatus.Registered, info.Status);
        Assert.Equal("interop domain", info.Description);
        Assert.StartsWith("arn:aws:swf:us-east-1:", info.Arn);
        Assert.EndsWith(":/domain/" + name, info.Arn);
        Assert.Equal("7", response.DomainDetail.Configuration.WorkflowExecutionRetentionPeriodInDays);
        Assert.False(string.IsNullOrEmpty(response.RequestId));
    }

    [SkippableFact]
    public async Task ListDomains_Registered_SortsByNameAndReversesOnRequest()
    {
        var client = moto.RequireClient();
        var prefix = MotoScenario.Unique("list");
        string[] names = [prefix + "-b", prefix + "-c", prefix + "-a"];
        foreach (var name in names)
        {
            await client.RegisterDomainAsync(new RegisterDomainRequest { Name = name, WorkflowExecutionRetentionPeriodInDays = "1" });
        }

        // Other tests' domains share the server, so only this test's prefix is compared.
        // moto ignores maximumPageSize and never pages ListDomains, so no page size is asked for here.
        var ascending = await client.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered });
        var descending = await client.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = RegistrationStatus.Registered, ReverseOrder = true });

        Assert.Equal(
            [prefix + "-a", prefix + "-b", prefix + "-c"],
            ascending.DomainInfos.Infos.Select(d => d.Name).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Equal(
            [prefix + "-c", prefix + "-b", prefix + "-a"],
            descending.DomainInfos.Infos.Select(d => d.Name).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.All(ascending.DomainInfos.Infos, d => Assert.Equal(RegistrationStatus.Registered, d.Status));
        Assert.Null(ascending.DomainInfos.NextPageToken);
    }

    [SkippableFact]
    public async Task DeprecateDomain_Registered_MovesToDeprecatedListUntilUndeprecated()
    {
        var client = moto.RequireClient();
        var name = MotoScenario.Unique("deprecate");
        await client.RegisterDomainAsync(new RegisterDomainRequest { Name = name, WorkflowExecutionRetentionPeriodInDays = "1" });

        await client.DeprecateDomainAsync(new DeprecateDomainRequest { Name = name });

        var described = await client.DescribeDomainAsync(new DescribeDomainRequest { Name = name });
        Assert.Equal(RegistrationStatus.Deprecated, described.DomainDetail.DomainInfo.Status);
        Assert.Contains(await ListNamesAsync(RegistrationStatus.Deprecated), n => n == name);
        Assert.DoesNotContain(await ListNamesAsync(RegistrationStatus.Registered), n => n == name);

        await client.UndeprecateDomainAsync(new UndeprecateDomainRequest { Name = name });

        described = await client.DescribeDomainAsync(new DescribeDomainRequest { Name = name });
        Assert.Equal(RegistrationStatus.Registered, described.DomainDetail.DomainInfo.Status);
        Assert.Contains(await ListNamesAsync(RegistrationStatus.Registered), n => n == name);

        async Task<IEnumerable<string>> ListNamesAsync(RegistrationStatus status) =>
            (await client.ListDomainsAsync(new ListDomainsRequest { RegistrationStatus = status })).DomainInfos.Infos.Select(d => d.Name);
    }

    [SkippableFact]
    public async Task DeprecateDomain_AlreadyDeprecated_ThrowsDomainDeprecated()
    {
        var client = moto.RequireClient();
        var name = MotoScenario.Unique("deprecated");
        await client.RegisterDomainAsync(new RegisterDomainRequest { Name = name, WorkflowExecutionRetentionPeriodInDays = "1" });
        await client.DeprecateDomainAsync(new DeprecateDomainRequest { Name = name });

        var error = await Assert.ThrowsAsync<DomainDeprecatedException>(
            () => client.DeprecateDomainAsync(new DeprecateDomainRequest { Name = name }));

        Assert.Equal("DomainDeprecatedFault", error.ErrorCode);
        Assert.Equal(400, error.StatusCode);
    }

    [SkippableFact]
    public async Task UndeprecateDomain_StillRegistered_ThrowsDomainAlreadyExists()
    {
        var client = moto.RequireClient();
        var name = MotoScenario.Unique("undeprecate");
        await client.RegisterDomainAsync(new RegisterDomainRequest { Name = name, WorkflowExecutionRetentionPeriodInDays = "1" });

        await Assert.ThrowsAsync<DomainAlreadyExistsException>(
            () => client.UndeprecateDomainAsync(new UndeprecateDomainRequest { Name = name }));
    }

    [SkippableFact]
    public async Task RegisterDomain_ExistingName_ThrowsDomainAlreadyExists()
    {
        var client = moto.RequireClient();
        var name = MotoScenario.Unique("twice");
        await client.RegisterDomainAsync(new RegisterDomainRequest { Name = name, WorkflowExecutionRetentionPeriodInDays = "1" });

        var error = await Assert.ThrowsAsync<DomainAlreadyExistsException>(
            () => client.RegisterDomainAsync(new RegisterDomainRequest { Name = name, WorkflowExecutionRetentionPeriodInDays = "1" }));

        Assert.Equal("DomainAlreadyExistsFault", error.ErrorCode);
        Assert.Equal(400, error.StatusCode);
    }

    [SkippableFact]
    public async Task DescribeDomain_UnknownName_ThrowsUnknownResourceWithMessageAndRequestId()
    {
        var client = moto.RequireClient();
        var name = MotoScenario.Unique("missing");

        var error = await Assert.ThrowsAsync<UnknownResourceException>(
            () => client.DescribeDomainAsync(new DescribeDomainRequest { Name = name }));

        Assert.Equal("UnknownResourceFault", error.ErrorCode);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.False(error.IsRetryable);
    }
}
