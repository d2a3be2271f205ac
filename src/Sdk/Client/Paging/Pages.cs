using System.Runtime.CompilerServices;

namespace Swf.Client.Paging;

/// <summary>The page loop shared by the paginators.</summary>
internal static class Pages
{
    /// <summary>
    /// Fetches pages, starting with <paramref name="firstToken"/>, until a page comes back without a
    /// next-page token (null or empty).
    /// </summary>
    /// <typeparam name="TResponse">The operation's response.</typeparam>
    /// <param name="firstToken">The token of the first page to fetch; null for the first page of all.</param>
    /// <param name="fetch">Fetches the page with a token, sending a fresh copy of the request.</param>
    /// <param name="nextToken">Reads the next page's token from a response.</param>
    /// <param name="cancellationToken">Stops the paging.</param>
    /// <returns>The responses, one per page.</returns>
    /// <exception cref="InvalidOperationException">The service returned the token it was sent, which would loop forever.</exception>
    public static async IAsyncEnumerable<TResponse> FetchAsync<TResponse>(
        string? firstToken,
        Func<string?, CancellationToken, Task<TResponse>> fetch,
        Func<TResponse, string?> nextToken,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var token = firstToken;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var response = await fetch(token, cancellationToken).ConfigureAwait(false);
            yield return response;

            var next = nextToken(response);
            if (string.IsNullOrEmpty(next))
            {
                yield break;
            }

            if (next == token)
            {
                throw new InvalidOperationException("SWF returned the page token it was sent; paging stopped to avoid fetching the same page forever.");
            }

            token = next;
        }
    }

    /// <summary>Flattens pages into their items, in page order.</summary>
    /// <typeparam name="TResponse">The operation's response.</typeparam>
    /// <typeparam name="TItem">The item.</typeparam>
    /// <param name="responses">The pages.</param>
    /// <param name="items">Reads a page's items; null means none.</param>
    /// <param name="cancellationToken">Stops the paging.</param>
    /// <returns>The items of every page.</returns>
    public static async IAsyncEnumerable<TItem> ItemsAsync<TResponse, TItem>(
        IAsyncEnumerable<TResponse> responses,
        Func<TResponse, IEnumerable<TItem>?> items,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var response in responses.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in items(response) ?? [])
            {
                yield return item;
            }
        }
    }
}
