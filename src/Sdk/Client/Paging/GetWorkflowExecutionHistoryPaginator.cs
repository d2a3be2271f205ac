using Swf.Model;

namespace Swf.Client.Paging;

/// <summary>
/// Pages through an execution's history with <see cref="ISwfClient.GetWorkflowExecutionHistoryAsync"/>.
/// Pages are fetched as the enumeration advances; each enumeration starts again from the request.
/// </summary>
/// <remarks>
/// The request is copied when the paginator is created and every page is asked for with a fresh copy
/// that carries the page's token, so the caller's request is never changed. Paging starts at the
/// request's own <see cref="GetWorkflowExecutionHistoryRequest.NextPageToken"/> and stops at the first
/// page without a token.
/// </remarks>
public sealed class GetWorkflowExecutionHistoryPaginator
{
    private readonly ISwfClient _client;
    private readonly GetWorkflowExecutionHistoryRequest _request;

    internal GetWorkflowExecutionHistoryPaginator(ISwfClient client, GetWorkflowExecutionHistoryRequest request)
    {
        _client = client;
        _request = WithToken(request, request.NextPageToken);
    }

    /// <summary>Gets the responses, one per page.</summary>
    public IAsyncEnumerable<GetWorkflowExecutionHistoryResponse> Responses =>
        Pages.FetchAsync(
            _request.NextPageToken,
            (token, cancellationToken) => _client.GetWorkflowExecutionHistoryAsync(WithToken(_request, token), cancellationToken),
            response => response.History?.NextPageToken);

    /// <summary>Gets the events of every page, in the order SWF returns them.</summary>
    public IAsyncEnumerable<HistoryEvent> Events => Pages.ItemsAsync(Responses, response => response.History?.Events);

    private static GetWorkflowExecutionHistoryRequest WithToken(GetWorkflowExecutionHistoryRequest request, string? token) => new()
    {
        Domain = request.Domain,
        Execution = request.Execution,
        NextPageToken = token,
        MaximumPageSize = request.MaximumPageSize,
        ReverseOrder = request.ReverseOrder,
    };
}
