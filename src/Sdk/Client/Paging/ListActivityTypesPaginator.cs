using Swf.Model;

namespace Swf.Client.Paging;

/// <summary>
/// Pages through a domain's activity types with <see cref="ISwfClient.ListActivityTypesAsync"/>.
/// Pages are fetched as the enumeration advances; each enumeration starts again from the request.
/// </summary>
/// <remarks>
/// The request is copied when the paginator is created and every page is asked for with a fresh copy
/// that carries the page's token, so the caller's request is never changed. Paging starts at the
/// request's own <see cref="ListActivityTypesRequest.NextPageToken"/> and stops at the first page without a token.
/// </remarks>
public sealed class ListActivityTypesPaginator
{
    private readonly ISwfClient _client;
    private readonly ListActivityTypesRequest _request;

    internal ListActivityTypesPaginator(ISwfClient client, ListActivityTypesRequest request)
    {
        _client = client;
        _request = WithToken(request, request.NextPageToken);
    }

    /// <summary>Gets the responses, one per page.</summary>
    public IAsyncEnumerable<ListActivityTypesResponse> Responses =>
        Pages.FetchAsync(
            _request.NextPageToken,
            (token, cancellationToken) => _client.ListActivityTypesAsync(WithToken(_request, token), cancellationToken),
            response => response.ActivityTypeInfos?.NextPageToken);

    /// <summary>Gets the activity types of every page.</summary>
    public IAsyncEnumerable<ActivityTypeInfo> TypeInfos => Pages.ItemsAsync(Responses, response => response.ActivityTypeInfos?.TypeInfos);

    private static ListActivityTypesRequest WithToken(ListActivityTypesRequest request, string? token) => new()
    {
        Domain = request.Domain,
        Name = request.Name,
        RegistrationStatus = request.RegistrationStatus,
        NextPageToken = token,
        MaximumPageSize = request.MaximumPageSize,
        ReverseOrder = request.ReverseOrder,
    };
}
