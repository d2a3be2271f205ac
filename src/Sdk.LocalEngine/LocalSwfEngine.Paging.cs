using Swf.LocalEngine.Wire;


namespace Swf.LocalEngine;

public sealed partial class LocalSwfEngine
{
    /// <summary>SWF's page size when maximumPageSize is absent or 0, and its largest.</summary>
    private const int MaxPageSize = 1000;

    private static int PageSize(int? maximumPageSize) => maximumPageSize is null or 0 ? MaxPageSize : maximumPageSize.Value;

    /// <summary>
    /// Pages a listing by key. The token holds the key of the last item returned, not an offset,
    /// so items added or removed between calls neither repeat nor shift the next page.
    /// </summary>
    /// <param name="items">The items, in any order.</param>
    /// <param name="keyOf">An item's unique key.</param>
    /// <param name="compare">Compares two keys in ascending order.</param>
    /// <param name="kind">The listing's name; a token of another listing or order is refused.</param>
    /// <param name="token">The request's nextPageToken.</param>
    /// <param name="maximumPageSize">The request's maximumPageSize.</param>
    /// <param name="reverse">Whether the listing is in descending order.</param>
    private Page<T> PageByKey<T>(
        IEnumerable<T> items,
        Func<T, string> keyOf,
        Comparison<string> compare,
        string kind,
        string? token,
        int? maximumPageSize,
        bool reverse)
    {
        var tokenKind = kind + (reverse ? ":desc" : ":asc");
        var ordered = items.Select(i => (Item: i, Key: keyOf(i))).ToList();
        ordered.Sort((a, b) => reverse ? compare(b.Key, a.Key) : compare(a.Key, b.Key));
        IEnumerable<(T Item, string Key)> rest = ordered;
        if (!string.IsNullOrEmpty(token))
        {
            var after = PageToken.Decode(token, tokenKind, Now, 1)[0];
            rest = ordered.Where(x => reverse ? compare(x.Key, after) < 0 : compare(x.Key, after) > 0);
        }

        var size = PageSize(maximumPageSize);
        var page = rest.Take(size + 1).ToList();
        string? next = null;
        if (page.Count > size)
        {
            page.RemoveAt(size);
            next = PageToken.Encode(tokenKind, Now, page[^1].Key);
        }

        return new Page<T>([.. page.Select(x => x.Item)], next);
    }
}
