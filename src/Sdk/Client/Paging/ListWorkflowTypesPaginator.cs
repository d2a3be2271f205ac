using Swf.Model;

namespace Swf.Client.Paging;

/// <summary>
/// Pages through a domain's workflow types with <see cref="ISwfClient.ListWorkflowTypesAsync"/>.
/// Pages are fetched as the enumeration advances; each enumeration starts again from the request.
/// </summary>
/// <remarks>
/// The request is copied when the paginator is created and every page is asked for with a fresh copy
/// that carries the page's token, so the caller's request is never changed. Paging starts at the
/// request's own <see cref="ListWorkflowTypesRequest.NextPageToken"/> and stops at the first page without a token.
/// </remarks>
public sealed class ListWorkflowTypesPaginator
{
    private readonly ISwfClient _client;
    private readonly ListWorkflowTypesRequest _request;

    internal ListWorkflowTypesPaginator(ISwfClient client, ListWorkflowTypesRequest request)
    {
        _client = client;
        _request = WithToken(request, request.NextPageToken);
    }

    /// <summary>Gets the responses, one per page.</summary>
    public IAsyncEnumerable<ListWorkflowTypesResponse> Responses =>
        Pages.FetchAsync(
            _request.NextPageToken,
            (token, cancellationToken) => _client.ListWorkflowTypesAsync(WithToken(_request, token), cancellationToken),
            response => response.WorkflowTypeInfos?.NextPageToken);

    /// <summary>Gets the workflow types of every page.</summary>
    public IAsyncEnumerable<WorkflowTypeInfo> TypeInfos => Pages.ItemsAsync(Responses, response => response.WorkflowTypeInfos?.TypeInfos);

    private static ListWorkflowTypesRequest WithToken(ListWorkflowTypesRequest request, string? token) => new()
    {
        Domain = request.Domain,
        Name = request.Name,
        RegistrationStatus = request.RegistrationStatus,
        NextPageToken = token,
        MaximumPageSize = request.MaximumPageSize,
        ReverseOrder = request.ReverseOrder,
    };
}
