using Swf.Exceptions;
using Swf.Model;

namespace Swf.LocalEngine.Tests;

public sealed class TagTests
{
    private const string Arn = "arn:aws:swf:us-east-1:123456789012:/domain/" + EngineHarness.Domain;

    [Fact]
    public async Task TagResource_DomainArn_TagsListedAndReplacedByKey()
    {
        using var h = await EngineHarness.CreateAsync();

        await h.Engine.TagResourceAsync(new TagResourceRequest { ResourceArn = Arn, Tags = [new() { Key = "env", Value = "dev" }, new() { Key = "team", Value = "a" }] });
        await h.Engine.TagResourceAsync(new TagResourceRequest { ResourceArn = Arn, Tags = [new() { Key = "env", Value = "prod" }] });

        var tags = (await h.Engine.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = Arn })).Tags!;
        Assert.Equal(["env=prod", "team=a"], tags.Select(t => t.Key + "=" + t.Value));
    }

    [Fact]
    public async Task UntagResource_Keys_RemovesThem()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.Engine.TagResourceAsync(new TagResourceRequest { ResourceArn = Arn, Tags = [new() { Key = "a", Value = "1" }, new() { Key = "b", Value = "2" }] });

        await h.Engine.UntagResourceAsync(new UntagResourceRequest { ResourceArn = Arn, TagKeys = ["a", "missing"] });

        Assert.Equal(["b"], (await h.Engine.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = Arn })).Tags!.Select(t => t.Key));
    }

    [Fact]
    public async Task TagResource_MoreThanFifty_ThrowsTooManyTags()
    {
        using var h = await EngineHarness.CreateAsync();
        await h.Engine.TagResourceAsync(new TagResourceRequest { ResourceArn = Arn, Tags = [.. Enumerable.Range(0, 50).Select(i => new ResourceTag { Key = "k" + i, Value = "v" })] });

        await Assert.ThrowsAsync<TooManyTagsException>(() => h.Engine.TagResourceAsync(new TagResourceRequest { ResourceArn = Arn, Tags = [new() { Key = "one-more", Value = "v" }] }));
        Assert.Equal(50, (await h.Engine.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = Arn })).Tags!.Count);
    }

    [Fact]
    public async Task RegisterDomain_WithTags_TagsListed()
    {
        using var h = new EngineHarness();

        await h.Engine.RegisterDomainAsync(new RegisterDomainRequest { Name = "d", WorkflowExecutionRetentionPeriodInDays = "1", Tags = [new() { Key = "k", Value = "v" }] });

        var tags = (await h.Engine.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = "arn:aws:swf:us-east-1:123456789012:/domain/d" })).Tags!;
        Assert.Equal("k", Assert.Single(tags).Key);
    }

    [Fact]
    public async Task ListTagsForResource_UnknownArn_ThrowsUnknownResource()
    {
        using var h = await EngineHarness.CreateAsync();

        await Assert.ThrowsAsync<UnknownResourceException>(() => h.Engine.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = "arn:aws:swf:us-east-1:123456789012:/domain/nope" }));
        await Assert.ThrowsAsync<UnknownResourceException>(() => h.Engine.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = "arn:aws:swf:eu-west-1:123456789012:/domain/" + EngineHarness.Domain }));
    }
}
