using Swf.Model;

namespace Swf.Interop.Tests;

/// <summary>Resource tags on a domain's ARN against moto_server.</summary>
[Collection(MotoServerGroup.Name)]
public sealed class MotoTagTests(MotoServerFixture moto)
{
    [SkippableFact]
    public async Task RegisterDomain_WithTags_ListsThemOnTheDomainArn()
    {
        var client = moto.RequireClient();
        var name = MotoScenario.Unique("tagged");
        await client.RegisterDomainAsync(new RegisterDomainRequest
        {
            Name = name,
            WorkflowExecutionRetentionPeriodInDays = "1",
            Tags = [new ResourceTag { Key = "team", Value = "payments" }, new ResourceTag { Key = "env", Value = "test" }],
        });
        var arn = await ArnOfAsync(name);

        var tags = (await client.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn })).Tags;

        Assert.Equal(
            ["env=test", "team=payments"],
            (tags ?? []).Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task TagResource_ThenUntagResource_AddsAndRemovesTags()
    {
        var client = moto.RequireClient();
        var name = MotoScenario.Unique("retagged");
        await client.RegisterDomainAsync(new RegisterDomainRequest { Name = name, WorkflowExecutionRetentionPeriodInDays = "1" });
        var arn = await ArnOfAsync(name);

        // Every tag carries a value: SWF allows a tag without one, but moto answers it with a 500.
        await client.TagResourceAsync(new TagResourceRequest
        {
            ResourceArn = arn,
            Tags = [new ResourceTag { Key = "a", Value = "1" }, new ResourceTag { Key = "b", Value = "2" }, new ResourceTag { Key = "c", Value = "3" }],
        });
        await client.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new ResourceTag { Key = "a", Value = "changed" }] });
        await client.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["b"] });

        var tags = (await client.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn })).Tags;
        Assert.Equal(["a=changed", "c=3"], (tags ?? []).Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal));

        // Unknown ARNs are not tested: SWF answers UnknownResourceFault, moto silently accepts them.
    }

    private async Task<string> ArnOfAsync(string domain)
    {
        var info = (await moto.Client.DescribeDomainAsync(new DescribeDomainRequest { Name = domain })).DomainDetail.DomainInfo;
        Assert.False(string.IsNullOrEmpty(info.Arn));
        return info.Arn!;
    }
}
