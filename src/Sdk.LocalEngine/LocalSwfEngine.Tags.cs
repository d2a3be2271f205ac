using Swf.Exceptions;
using Swf.LocalEngine.State;
using Swf.Model;
using Swf.Validation;

namespace Swf.LocalEngine;

public sealed partial class LocalSwfEngine
{
    /// <summary>SWF's limit of resource tags per domain.</summary>
    private const int MaxTagsPerResource = 50;

    /// <inheritdoc/>
    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var domain = GetDomainByArn(request.ResourceArn);
            domain.SetTags(MergeTags(domain.Tags, request.Tags));
            return new TagResourceResponse();
        });

    /// <inheritdoc/>
    public Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var domain = GetDomainByArn(request.ResourceArn);
            var keys = new HashSet<string>(request.TagKeys, StringComparer.Ordinal);
            domain.RemoveTags(keys);
            return new UntagResourceResponse();
        });

    /// <inheritdoc/>
    public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken = default) =>
        Read(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var domain = GetDomainByArn(request.ResourceArn);
            return new ListTagsForResourceResponse { Tags = [.. domain.Tags.Select(t => new ResourceTag { Key = t.Key, Value = t.Value })] };
        });

    /// <summary>Adds tags to a tag set, a new value replacing an old one of the same key; fails past 50 tags.</summary>
    private static List<KeyValuePair<string, string?>> MergeTags(IEnumerable<KeyValuePair<string, string?>> existing, List<ResourceTag>? added)
    {
        var merged = existing.ToList();
        foreach (var tag in added ?? [])
        {
            var index = merged.FindIndex(t => t.Key == tag.Key);
            var pair = new KeyValuePair<string, string?>(tag.Key, tag.Value);
            if (index >= 0)
            {
                merged[index] = pair;
            }
            else
            {
                merged.Add(pair);
            }
        }

        return merged.Count > MaxTagsPerResource
            ? throw new TooManyTagsException($"Too many tags: a domain may have at most {MaxTagsPerResource} tags (this request would make {merged.Count}).")
            : merged;
    }

    /// <summary>Resolves <c>arn:aws:swf:&lt;region&gt;:&lt;account&gt;:/domain/&lt;name&gt;</c> to a domain.</summary>
    private DomainState GetDomainByArn(string arn)
    {
        var prefix = $"arn:aws:swf:{_options.Region}:{_options.AccountId}:/domain/";
        if (!arn.StartsWith(prefix, StringComparison.Ordinal) || !_domains.TryGetValue(arn[prefix.Length..], out var domain))
        {
            throw new UnknownResourceException($"Unknown resource: {arn}");
        }

        return domain;
    }
}
