using Swf.Model;

namespace Swf.Client.Paging;

/// <summary>
/// Pages through the domains in a registration status with <see cref="ISwfClient.ListDomainsAsync"/>.
/// Pages are fetched as the enumeration advances; each enumeration starts again from the request.
/// </summary>
/// <remarks>
/// The request is copied when the paginator is created and every page is asked for with a fresh copy
/// that carries the page's token, so the caller's request is never changed. Paging starts at the
/// request's own <see cref="ListDomainsRequest.NextPageToken"/> and stops at the first page without a token.
/// </remarks>
public sealed class ListDomainsPaginator
{
    private readonly ISwfClient _client;
    private readonly ListDomainsRequest _request;

    internal ListDomainsPaginator(ISwfClient client, ListDomainsRequest request)
    {
        _client = client;
        _request = WithToken(request, request.NextPageToken);
    }

    /// <summary>Gets the responses, one per page.</summary>
    public IAsyncEnumerable<ListDomainsResponse> Responses =>
        Pages.FetchAsync(
            _request.NextPageToken,
            (token, cancellationToken) => _client.ListDomainsAsync(WithToken(_request, token), cancellationToken),
            response => response.DomainInfos?.NextPageToken);

    /// <summary>Gets the domains of every page.</summary>
    public IAsyncEnumerable<DomainInfo> DomainInfos => Pages.ItemsAsync(Responses, response => response.DomainInfos?.Infos);

    private static ListDomainsRequest WithToken(ListDomainsRequest request, string? token) => new()
    {
        NextPageToken = token,
        RegistrationStatus = request.RegistrationStatus,
        MaximumPageSize = request.MaximumPageSize,
        ReverseOrder = request.ReverseOrder,
    };
}
